import type { Services } from '../core'
import { openNodeServices } from '../core/node-runtime'
import type { Output } from './output'

export interface CliContext {
  dataDir: string | undefined
  out: Output
  /** Opens the encrypted database lazily: commands that need no data (parse-qr, readers) never touch it. */
  services(): Services
  close(): void
}

export function createContext(dataDir: string | undefined, out: Output): CliContext {
  let services: Services | null = null
  return {
    dataDir,
    out,
    services() {
      services ??= openNodeServices({ dataDir, mode: 'cli' })
      return services
    },
    close() {
      services?.close()
      services = null
    }
  }
}

export type Command = (ctx: CliContext, args: string[]) => Promise<void> | void
