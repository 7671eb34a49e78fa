import type { MessageKey } from './keys'

/** English texts, key for key with vi.ts. */
export const en: Record<MessageKey, string> = {
  'error.VALIDATION': 'The data is not valid.',
  'error.NOT_FOUND': 'Not found.',
  'error.INTERNAL': 'Something unexpected went wrong. What was typed is kept.',
  'error.DISK_FULL': 'The disk is full; nothing was saved. Tell the IT staff.',
  'error.DB_LOCKED': 'The database is busy; please try again.',
  'config.plainHttpRefused':
    'http://{{host}} is not encrypted: the access token and patient data would cross the network readable by anyone. Use https://, or IT allows plain http in the machine config (sync.allowPlainHttp).',
  'config.machineOnly': '"{{key}}" can only be set in the machine config IT manages ({{path}}).',
  'config.ignoredEnvironment':
    'Ignored the environment variables {{names}}: connections to the HIS/eMCH always verify certificates.',
  'config.ignoredMachinePath':
    'Ignored RECEPTION_MACHINE_CONFIG: a release build reads the machine config only from {{path}}.',
  'input.tooLarge': 'The request is too large ({{bytes}} bytes, at most {{max}}). Nothing was saved.',
  'sync.noReceipt':
    'The {{target}} answered without a receipt that it took the record. The record is kept and will be sent again.'
}
