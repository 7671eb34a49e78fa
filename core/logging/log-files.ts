import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const LOGS_DIR = 'logs'

export function logsDir(dataDir: string): string {
  return join(dataDir, LOGS_DIR)
}

/** The rotated files (app.1.log, cli.3.log, …) oldest first by modification time. */
export function listLogFiles(dataDir: string): string[] {
  const dir = logsDir(dataDir)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => /^[a-z]+\.\d+\.log$/.test(f))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs || a.localeCompare(b))
}

export interface LogLine {
  time: string
  level: string
  name: string
  msg: string
  [field: string]: unknown
}

const levelNames: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal'
}

function parse(line: string): LogLine | null {
  try {
    const v = JSON.parse(line) as Record<string, unknown>
    const level = typeof v.level === 'number' ? (levelNames[v.level] ?? String(v.level)) : String(v.level)
    return { ...v, time: String(v.time), level, name: String(v.name ?? ''), msg: String(v.msg ?? '') }
  } catch {
    return null
  }
}

/** The last `count` lines of every log (app and CLI), merged in time order; `minLevel` filters. */
export function tailLogs(dataDir: string, count: number, minLevel?: string): LogLine[] {
  const order = ['trace', 'debug', 'info', 'warn', 'error', 'fatal']
  const floor = minLevel ? order.indexOf(minLevel) : -1
  const lines: LogLine[] = []
  for (const file of listLogFiles(dataDir)) {
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      const line = raw.trim() ? parse(raw) : null
      if (line && order.indexOf(line.level) >= floor) lines.push(line)
    }
  }
  lines.sort((a, b) => a.time.localeCompare(b.time))
  return lines.slice(-count)
}

export function formatLogLine(l: LogLine): string {
  const skip = new Set(['time', 'level', 'name', 'msg', 'pid', 'hostname'])
  const extra = Object.entries(l)
    .filter(([k]) => !skip.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ')
  return `${l.time} ${l.level.toUpperCase().padEnd(5)} [${l.name}] ${l.msg}${extra ? ' ' + extra : ''}`
}
