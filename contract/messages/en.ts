import type { MessageKey } from './keys'

/** English texts, key for key with vi.ts. */
export const en: Record<MessageKey, string> = {
  'error.VALIDATION': 'The data is not valid.',
  'error.NOT_FOUND': 'Not found.',
  'error.INTERNAL': 'Something unexpected went wrong. What was typed is kept.',
  'error.DISK_FULL': 'The disk is full; nothing was saved. Tell the IT staff.',
  'error.DB_LOCKED': 'The database is busy; please try again.',
  'bhyt.result.000': 'The BHYT card is valid.',
  'bhyt.result.001': 'Card managed by the Defence social-insurance office: usable, check the papers.',
  'bhyt.result.002': 'Card managed by the Public Security social-insurance office: usable, check the papers.',
  'bhyt.result.003': 'The old card expired and a new one was issued: use the new card {{newCard}}.',
  'bhyt.result.004': 'The old card is still valid but a new card {{newCard}} was issued: offer the new card.',
  'bhyt.result.010': 'The BHYT card has expired: not usable (self-pay or another card).',
  'bhyt.result.050': 'No information for this BHYT card: not usable.',
  'bhyt.result.051': 'Wrong BHYT card code: correct it and check again.',
  'bhyt.result.052': 'Wrong province code on the card (characters 4–5): correct it and check again.',
  'bhyt.result.053': 'Wrong benefit code on the card (character 3): correct it and check again.',
  'bhyt.result.054': "The clerk's CCCD is not registered with the BHXH gateway: tell IT.",
  'bhyt.result.055': "The clerk's name does not match the registered CCCD: tell IT.",
  'bhyt.result.060': 'The name does not match the card: correct the name and check again.',
  'bhyt.result.061': 'Wrong name (first letter right): correct the name and check again.',
  'bhyt.result.070': 'The date of birth does not match the card: correct it and check again.',
  'bhyt.result.110': 'The BHYT card was revoked: not usable.',
  'bhyt.result.reduced': 'The card was reported reduced (moved, enrolled elsewhere or stopped): not usable.',
  'bhyt.result.130': 'A child without a card presented: use the child flow.',
  'bhyt.result.205': 'The gateway reports a parameter format error: tell IT (a software bug).',
  'bhyt.result.gatewayError':
    'The BHXH gateway has an error: admit as usual, card "unverified", checked again later.',
  'bhyt.result.unknown':
    'The gateway returned an unknown result code ({{code}}): card "unverified", tell IT.',
  'bhyt.unavailable':
    'The BHXH gateway cannot be reached: admit as usual, card "unverified", checked again when online.',
  'bhyt.checkedElsewhereToday':
    'This card was checked by another facility today ({{facility}}): the patient may be in care elsewhere.',
  'error.BHXH_UNAVAILABLE':
    'The BHXH gateway cannot be reached. The BHYT card is not verified; try again later.',
  'error.BHXH_AUTH':
    "The BHXH gateway refused the facility's account: ask IT to check the user name and password.",
  'error.BHXH_NOT_CONFIGURED':
    'The BHXH gateway is not configured (bhxh.url, bhxh.username, bhxh.password): tell IT.',
  'error.BHXH_CLERK_MISSING': "The clerk's name and CCCD are needed to check a BHYT card.",
  'slip.title': 'Queue number',
  'slip.time': 'Time',
  'slip.patientCode': 'Patient code',
  'slip.priority': 'Priority',
  'slip.priority.emergency': 'Emergency',
  'slip.priority.under-6': 'Child under 6',
  'slip.priority.pregnant': 'Pregnant woman',
  'slip.priority.severe-disability': 'Severe disability',
  'slip.priority.aged-75': 'Aged 75 or more',
  'slip.priority.merit': 'Person with merit',
  'error.VISIT_NOT_FOUND': 'Visit {{visitId}} not found.',
  'error.PDF_RENDERER_MISSING':
    'No Chromium found to render the PDF ({{path}}): install Chromium or set CHROMIUM_PATH.',
  'scan.partial': 'The scan was cut short; please scan again.',
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
