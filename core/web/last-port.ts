import type { Db } from '../../db/connection'
import { getSetting, setSetting } from '../../db/settings'

/** Where browser mode remembers its port: a plain setting in the data directory's database (not a secret). */
export const LAST_PORT_SETTING = 'web.lastPort'

export function lastWebPort(db: Db): number | null {
  const port = getSetting<number>(db, LAST_PORT_SETTING)
  return Number.isInteger(port) && port !== null && port > 0 && port < 65536 ? port : null
}

export function rememberWebPort(db: Db, port: number, at: Date): void {
  if (lastWebPort(db) !== port) setSetting(db, LAST_PORT_SETTING, port, at.toISOString())
}

export interface PortChoice {
  port: number
  /** The port asked for (--port, else the last one used) that was taken, so another was picked. */
  taken: number | null
}

/**
 * Listens on the port asked for, else on the one used last time (a bookmark keeps working), else on any free one;
 * a taken port falls back to a free one instead of failing the start. `listen(0)` picks a free port.
 */
export async function listenOnPreferredPort<T>(
  preferred: number | null,
  listen: (port: number) => Promise<T>,
  portOf: (started: T) => number
): Promise<{ started: T; choice: PortChoice }> {
  if (preferred !== null) {
    try {
      const started = await listen(preferred)
      return { started, choice: { port: portOf(started), taken: null } }
    } catch (e) {
      if (
        (e as NodeJS.ErrnoException).code !== 'EADDRINUSE' &&
        (e as NodeJS.ErrnoException).code !== 'EACCES'
      )
        throw e
      const started = await listen(0)
      return { started, choice: { port: portOf(started), taken: preferred } }
    }
  }
  const started = await listen(0)
  return { started, choice: { port: portOf(started), taken: null } }
}
