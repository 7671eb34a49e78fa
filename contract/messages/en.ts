import type { MessageKey } from './keys'

/** English texts, key for key with vi.ts. */
export const en: Record<MessageKey, string> = {
  'error.VALIDATION': 'The data is not valid.',
  'error.NOT_FOUND': 'Not found.',
  'error.INTERNAL': 'Something unexpected went wrong. What was typed is kept.',
  'error.DISK_FULL': 'The disk is full; nothing was saved. Tell the IT staff.',
  'error.DB_LOCKED': 'The database is busy; please try again.',
  // accounts, access log, consent (docs/adr/0020)
  'error.UNAUTHENTICATED': 'Sign in to continue.',
  'error.SESSION_LOCKED': 'The screen is locked. Enter your PIN or password to unlock it.',
  'error.FORBIDDEN': 'Your account is not allowed to do this.',
  'auth.badCredentials': 'Wrong username or password.',
  'auth.lockedOut':
    'The account is locked after {{attempts}} failed attempts. Try again in {{minutes}} minutes.',
  'auth.disabled': 'The account is disabled. Ask the IT staff to enable it.',
  'auth.disabledIdle':
    'The account was not used for {{days}} days and has been disabled. Ask the IT staff to enable it.',
  'auth.setupDone': 'This machine already has accounts; sign in.',
  'auth.wrongUnlock': 'Wrong PIN or password.',
  'auth.passwordTooShort': 'The password needs at least {{min}} characters.',
  'auth.userExists': 'The username {{username}} is taken.',
  'auth.userNotFound': 'There is no account {{username}}.',
  'auth.noDeskUser': 'Nobody is signed in at the desk: sign in before reading a card or scanning a code.',
  'auth.lastIt': 'The last active IT account cannot be removed.',
  'consent.required':
    'Confirm that the patient agrees to the chip being read (key Đ or F2) before reading it.',
  'audit.broken': 'The access log was edited or cut from row {{id}}.'
}
