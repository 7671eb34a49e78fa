/** The daily automatic backup's settings (config keys backup.*), typed. */
export interface BackupSettings {
  folder: string | null
  keep: number
  /** HH:MM local time after which the day's backup is due. */
  time: string
  passphrase: string | null
}

export function backupSettingsFrom(values: Record<string, string | number | boolean | null>): BackupSettings {
  const text = (k: string): string | null => (typeof values[k] === 'string' ? (values[k] as string) : null)
  return {
    folder: text('backup.folder'),
    keep: typeof values['backup.keep'] === 'number' ? values['backup.keep'] : 14,
    time: text('backup.time') ?? '12:00',
    passphrase: text('backup.passphrase')
  }
}
