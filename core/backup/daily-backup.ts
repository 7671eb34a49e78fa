import { Cron } from 'croner'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { toErrorValue, type AppErrorValue } from '../../contract/errors'
import type { BackupSettings } from '../config/backup-settings'
import type { Clock } from '../clock'
import type { Db } from '../../db/connection'
import { BACKUP_EXTENSION } from './backup-file'
import { createBackup, type BackupResult } from './backup'

const NAME = new RegExp(`^reception-(\\d{8})-(\\d{6})\\${BACKUP_EXTENSION}$`)

const pad = (n: number): string => String(n).padStart(2, '0')
const localDay = (d: Date): string => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`
const localTime = (d: Date): string => `${pad(d.getHours())}:${pad(d.getMinutes())}`

export interface DailyBackup {
  /** One decision now (what the timer calls): makes today's backup if it is due, then prunes old ones. */
  runIfDue(): BackupResult | null
  lastError(): AppErrorValue | null
  stop(): void
}

export interface DailyBackupOptions {
  db: Db
  dataDir: string
  key: Buffer
  appVersion: string
  clock: Clock
  /** Read at each tick, so `reception config set backup.folder …` applies without a restart. */
  settings: () => BackupSettings
  /** croner pattern of the decision tick; default every 10 minutes. Null: no timer (tests call runIfDue). */
  tickPattern?: string | null
}

/** Backups this schedule made in `folder`, newest first. */
export function dailyBackups(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse()
}

/**
 * Once a day, after backup.time, a backup into backup.folder named by its local date and time; only the newest
 * backup.keep are kept. A day the PC was off is caught up at the next tick (the check is "none made today yet").
 */
export function startDailyBackup(opts: DailyBackupOptions): DailyBackup {
  let lastError: AppErrorValue | null = null
  const runIfDue = (): BackupResult | null => {
    try {
      const s = opts.settings()
      if (!s.folder) return null
      const now = opts.clock()
      const today = localDay(now)
      if (localTime(now) < s.time) return null
      if (dailyBackups(s.folder).some((f) => NAME.exec(f)?.[1] === today)) return null
      const name = `reception-${today}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}${BACKUP_EXTENSION}`
      const result = createBackup({
        db: opts.db,
        dataDir: opts.dataDir,
        key: opts.key,
        to: join(s.folder, name),
        appVersion: opts.appVersion,
        now,
        ...(s.passphrase ? { passphrase: s.passphrase } : {})
      })
      for (const old of dailyBackups(s.folder).slice(s.keep)) rmSync(join(s.folder, old), { force: true })
      lastError = null
      return result
    } catch (e) {
      lastError = toErrorValue(e)
      return null
    }
  }
  const pattern = opts.tickPattern === undefined ? '*/10 * * * *' : opts.tickPattern
  const timer = pattern === null ? null : new Cron(pattern, { protect: true }, () => void runIfDue())
  return { runIfDue, lastError: () => lastError, stop: () => timer?.stop() }
}
