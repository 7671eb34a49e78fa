import { openNodeServices } from '../core/node-runtime'
import { createContextWith, type CliContext } from './cli-context'
import type { Output } from './output'

export type { CliContext, Command } from './cli-context'

/** A context that opens the data directory's database on first use (tests and in-process callers). */
export function createContext(dataDir: string | undefined, out: Output): CliContext {
  return createContextWith(dataDir, out, openNodeServices)
}
