import type { MessageKey } from './keys'

/** English texts, key for key with vi.ts. */
export const en: Record<MessageKey, string> = {
  'error.VALIDATION': 'The data is not valid.',
  'error.NOT_FOUND': 'Not found.',
  'error.INTERNAL': 'Something unexpected went wrong. What was typed is kept.',
  'error.DISK_FULL': 'The disk is full; nothing was saved. Tell the IT staff.',
  'error.DB_LOCKED': 'The database is busy; please try again.',
  'machineConfig.unreadable': 'Cannot read the machine-wide config {{file}}: {{reason}}',
  'machineConfig.invalid': 'The machine-wide config {{file}} has {{count}} error(s): {{errors}}',
  'machineConfig.usage':
    'Usage: reception config validate-machine FILE | write-machine [--his-url U] [--facility-code C] [--bhxh-url U] [--file FILE]'
}
