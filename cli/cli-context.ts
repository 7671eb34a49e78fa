import type { Services } from '../core'
import type { Output } from './output'

export interface CliContext {
  dataDir: string | undefined
  out: Output
  /** Opens the encrypted database lazily: commands that need no data (parse-qr, readers) never touch it. */
  services(): Services
  close(): void
}

export type Command = (ctx: CliContext, args: string[]) => Promise<void> | void

export type OpenServices = (opts: { dataDir?: string; mode: 'cli' }) => Services

/**
 * The context with its service opener passed in: cli/index.ts hands it over only for commands that use data,
 * so the database addon stays unloaded for the rest (this file imports no runtime code for that reason).
 */
export function createContextWith(
  dataDir: string | undefined,
  out: Output,
  open: OpenServices | null
): CliContext {
  let services: Services | null = null
  return {
    dataDir,
    out,
    services() {
      if (!open) throw new Error('this command was registered as needing no data (cli/index.ts noData)')
      services ??= open({ dataDir, mode: 'cli' })
      return services
    },
    close() {
      services?.close()
      services = null
    }
  }
}
