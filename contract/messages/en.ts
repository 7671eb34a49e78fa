import type { MessageKey } from './keys'

/** English texts, key for key with vi.ts. */
export const en: Record<MessageKey, string> = {
  'error.VALIDATION': 'The data is not valid.',
  'error.NOT_FOUND': 'Not found.',
  'error.INTERNAL': 'Something unexpected went wrong. What was typed is kept.',
  'error.DISK_FULL': 'The disk is full; nothing was saved. Tell the IT staff.',
  'error.DB_LOCKED': 'The database is busy; please try again.',
  'error.DB_MISSING':
    'The patient database in {{dir}} is gone or empty. A new empty one is not created (it would cause duplicate records and lose the unsent queue). Ask IT to restore: reception --data-dir "{{dir}}" restore --from BACKUP_FILE.',
  'error.DB_KEY_MISSING':
    'The database key file in {{dir}} is missing. No new key is made: the existing data could never be opened again. Ask IT to put the old key file (db.key) back, or restore from a passphrase backup.',
  'error.DB_WAL_DAMAGED':
    'The database write-ahead log (WAL) is truncated or damaged: the latest saves are not all there. The database is not opened, so that patients do not silently go missing. Ask IT to use the original data folder, or to restore from a backup.',
  'error.DB_CORRUPT':
    'The database is corrupt (integrity check failed). Nothing more is written. Ask IT to restore from a backup; do not delete the file.',
  'error.DB_READONLY':
    'The data folder cannot be written (read-only or no permission). Nothing was saved. Ask IT.',
  'error.BACKUP_INVALID': '{{file}} is not a reception-desk backup, or it is damaged.',
  'error.BACKUP_PASSPHRASE_WRONG': 'The backup passphrase is wrong.',
  'error.BACKUP_NO_KEY':
    'This backup carries no key (it was made without a passphrase) and the key of {{dir}} does not open it. Restore on the PC that made it, or put its old key file (db.key) into the folder.',
  'error.BACKUP_PASSPHRASE_EMPTY': 'No passphrase given (read from standard input, one line).',
  'error.BACKUP_USAGE': 'Usage: reception backup --to FILE [--passphrase-stdin]',
  'error.RESTORE_USAGE': 'Usage: reception --data-dir DIR restore --from FILE [--passphrase-stdin] [--force]',
  'error.RESTORE_NEWER_DATA':
    'The data in {{dir}} (last saved {{existing}}) is newer than the backup ({{backup}}). Not overwritten. If you are sure, run again with --force (the old data is kept as {{kept}}).',
  'status.backup.done': 'Backed up {{patients}} patients and {{queued}} queued records to {{file}}.',
  'status.restore.done': 'Restored {{patients}} patients and {{queued}} queued records into {{dir}}.'
}
