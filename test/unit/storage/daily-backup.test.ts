import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { dailyBackups, startDailyBackup } from '../../../core/backup/daily-backup'
import { readBackupHeader } from '../../../core/backup/backup-file'
import { backupSettingsFrom } from '../../../core/config/backup-settings'
import { openSyncConfig } from '../../../core/sync/config/open-config'
import { registration, tempDir, testServices } from '../../support/fixtures'

describe('daily automatic backup', () => {
  it('makes one backup a day after backup.time into backup.folder and keeps only backup.keep of them', () => {
    let now = new Date(2026, 2, 1, 8, 0, 0)
    const t = testServices({ now: () => now })
    const folder = tempDir('reception-daily-')
    try {
      t.services.register(registration())
      const config = openSyncConfig(t.services)
      config.set('backup.folder', join(folder.dir, 'backups'))
      config.set('backup.keep', '3')
      config.set('backup.time', '12:30')
      const daily = startDailyBackup({
        db: t.services.db,
        dataDir: t.dir,
        key: t.key,
        appVersion: 'test',
        clock: () => now,
        settings: () => backupSettingsFrom(config.values()),
        tickPattern: null
      })
      expect(daily.runIfDue()).toBeNull() // 08:00: not yet
      now = new Date(2026, 2, 1, 12, 40, 0)
      expect(daily.runIfDue()).toMatchObject({ patients: 1, queued: 2 })
      expect(daily.runIfDue()).toBeNull() // already made today
      for (let day = 2; day <= 5; day++) {
        now = new Date(2026, 2, day, 23, 5, 0)
        expect(daily.runIfDue()).not.toBeNull()
      }
      const kept = dailyBackups(join(folder.dir, 'backups'))
      expect(kept).toEqual([
        'reception-20260305-230500.rdbak',
        'reception-20260304-230500.rdbak',
        'reception-20260303-230500.rdbak'
      ])
      expect(readBackupHeader(join(folder.dir, 'backups', kept[0]!)).header).toMatchObject({ patients: 1 })
      expect(daily.lastError()).toBeNull()
      daily.stop()
    } finally {
      t.cleanup()
      folder.cleanup()
    }
  })

  it('does nothing while backup.folder is unset', () => {
    const t = testServices()
    try {
      const config = openSyncConfig(t.services)
      const daily = startDailyBackup({
        db: t.services.db,
        dataDir: t.dir,
        key: t.key,
        appVersion: 'test',
        clock: () => new Date(2026, 2, 1, 23, 0, 0),
        settings: () => backupSettingsFrom(config.values()),
        tickPattern: null
      })
      expect(daily.runIfDue()).toBeNull()
      expect(daily.lastError()).toBeNull()
    } finally {
      t.cleanup()
    }
  })
})
