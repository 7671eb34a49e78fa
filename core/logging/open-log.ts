import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
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

const MAX_FILE_BYTES = 5 * 1024 * 1024

/**
 * The newest `<name>.N.log` when it is from today and under the size limit — the file pino-roll would reopen —
 * so a short-lived CLI run can append to it with pino alone, skipping pino-roll (~0.2 s with date-fns on a
 * loaded desk). Otherwise null: pino-roll opens or rolls the file.
 */
function currentFile(dir: string, name: string): string | null {
  if (!existsSync(dir)) return null
  const pattern = new RegExp(`^${name}\\.(\\d+)\\.log$`)
  let best: { file: string; n: number } | null = null
  for (const f of readdirSync(dir)) {
    const m = pattern.exec(f)
    if (m && (!best || Number(m[1]) > best.n)) best = { file: join(dir, f), n: Number(m[1]) }
  }
  if (!best) return null
  const st = statSync(best.file)
  return st.mtime.toDateString() === new Date().toDateString() && st.size < MAX_FILE_BYTES ? best.file : null
}

/**
 * Rotating JSON-lines files in the data directory's logs/ (pino over pino-roll): a new file each day or past
 * 5 MB, 14 old files kept. pino and pino-roll are imported here, on demand, so a command that logs nothing
 * never loads them (pino-roll alone costs ~0.1 s). `appendOnly` (the CLI) appends to today's file when it has
 * room and rolls only when it must.
 */
export async function openLog(options: OpenLogOptions & { appendOnly?: boolean }): Promise<Log> {
  const dir = logsDir(options.dataDir)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const current = options.appendOnly ? currentFile(dir, options.name) : null
  const { default: pino } = await import('pino')
  const stream = current
    ? pino.destination({ dest: current, append: true, sync: true })
    : await rolled(dir, options.name)
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

async function rolled(dir: string, name: string) {
  const { default: roll } = await import('pino-roll')
  return roll({
    file: join(dir, name),
    extension: '.log',
    frequency: 'daily',
    size: '5m',
    limit: { count: 14 },
    mkdir: true,
    // A few lines per patient: synchronous writes cost nothing noticeable and survive a crash or exit().
    sync: true
  })
}
