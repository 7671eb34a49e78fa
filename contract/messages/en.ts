import type { MessageKey } from './keys'

/** English texts, key for key with vi.ts. */
export const en: Record<MessageKey, string> = {
  'error.VALIDATION': 'The data is not valid.',
  'error.NOT_FOUND': 'Not found.',
  'error.INTERNAL': 'Something unexpected went wrong. What was typed is kept.',
  'error.DISK_FULL': 'The disk is full; nothing was saved. Tell the IT staff.',
  'error.DB_LOCKED': 'The database is busy; please try again.',
  // chip access, anti-clone and trust (ADR 0018)
  'chip.keyRefused':
    'The chip refused the key ({{protocol}}): the ID number (last 6 digits), date of birth or expiry does not match this card. Check them again.',
  'chip.noKeys':
    'A card is on the reader. Type the last 6 digits of the ID number (or scan the QR code) to open the chip.',
  'chip.canFormat': 'The CAN is exactly 6 digits (the last 6 digits of the ID number).',
  'chip.cloneSuspected':
    'The chip could not prove it is the original chip of this card ({{check}} failed): the card may be a clone. Do not use this data; tell IT.',
  'chip.trust.verified': 'Chip ✓: data intact, signed by a trusted issuing authority.',
  'chip.trust.intact':
    'Chip: data intact and signed, but the signer is not verified (the national CSCA certificate has not been imported).',
  'chip.trust.altered':
    'Chip ✗: the chip data does not match its signature; the card may have been altered. Do not use this data.',
  'chip.trust.unchecked': 'Chip: the data signature could not be checked.',
  'chip.trust.newSignerIssuer':
    'This card was signed under an issuer never seen on this computer before; it has been noted for IT to check.',
  'trust.importNothing': 'The file holds no readable CSCA certificate.'
}
