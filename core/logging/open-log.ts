import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { logOver, type Log, type LogLevel } from './log'
import { logsDir } from './log-files'

export interface OpenLogOptions {
  dataDir: string
  /** File stem and the `name` on every line: app (Electron or browser mode) or cli. */
  name: 'app' | 'cli'
  level: LogLevel
  version: string
}

/**
 * Rotating JSON-lines files in the data directory's logs/ (pino over pino-roll): a new file each day or past
 * 5 MB, 14 old files kept. pino and pino-roll are imported here, on demand, so a command that logs nothing
 * never loads them (pino-roll alone costs ~0.1 s).
 */
export async function openLog(options: OpenLogOptions): Promise<Log> {
  const dir = logsDir(options.dataDir)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const [{ default: pino }, { default: roll }] = await Promise.all([import('pino'), import('pino-roll')])
  const stream = await roll({
    file: join(dir, options.name),
    extension: '.log',
    frequency: 'daily',
    size: '5m',
    limit: { count: 14 },
    mkdir: true,
    // A few lines per patient: synchronous writes cost nothing noticeable and survive a crash or exit().
    sync: true
  })
  const logger = pino(
    {
      level: options.level,
      name: options.name,
      base: { pid: process.pid, v: options.version },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) }
    },
    stream
  )
  const flush = (): Promise<void> =>
    new Promise((resolve) => {
      logger.flush(() => resolve())
    })
  return logOver(logger, flush)
}
