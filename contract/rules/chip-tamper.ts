import type { PassiveAuthValue } from '../reading'

/**
 * A chip whose data fails its signature (trust 'altered') or whose anti-clone check failed (Active or Chip
 * Authentication invalid): its values are not to be believed over the QR's, and saving needs a confirmation.
 */
export function isTamperedChip(v: PassiveAuthValue): boolean {
  if (v.activeAuthentication?.status === 'invalid' || v.chipAuthentication?.status === 'invalid') return true
  if (v.trust) return v.trust === 'altered'
  return v.status === 'invalid'
}
