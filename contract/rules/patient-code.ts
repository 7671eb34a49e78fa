/**
 * The facility patient code (MA_BN, XML1, ≤ 100 characters) as this app writes it: `BN-<DESK>-<8 digits>`
 * (docs/adr/0029). The desk part keeps two desks of one facility from ever writing the same code; the
 * fixed-width sequence keeps one desk's codes in order. Codes written before the desk part existed
 * (`BN00000042`) stay valid: what was already sent to the HIS is never renumbered.
 */

/** 1–6 uppercase letters or digits, set by IT (`desk.code`) or derived once per installation. */
export const DESK_CODE = /^[0-9A-Z]{1,6}$/
/** MA_BN's limit in XML 4750 (XML1). */
export const PATIENT_CODE_MAX = 100

const SEQUENCE_DIGITS = 8
const NEW_CODE = /^BN-([0-9A-Z]{1,6})-(\d{8,})$/
const LEGACY_CODE = /^BN\d{8,}$/
/** What another desk or the HIS may have written: printable, no spaces, no XML-special characters. */
const FOREIGN_CODE = /^[0-9A-Za-z][0-9A-Za-z._\-/]*$/

/** Crockford's base32: no I, L, O or U, so a derived desk code is never misread at the desk. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function isDeskCode(value: string): boolean {
  return DESK_CODE.test(value)
}

export function formatPatientCode(deskCode: string, sequence: number): string {
  if (!isDeskCode(deskCode)) throw new RangeError('desk code must be 1-6 uppercase letters or digits')
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError('sequence must be a positive integer')
  return `BN-${deskCode}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`
}

/** The desk a code came from, or null for a legacy or foreign code. */
export function deskOfPatientCode(code: string): string | null {
  return NEW_CODE.exec(code)?.[1] ?? null
}

/** A code this app writes now or wrote before (BN-Q1-00000042, BN00000042). */
export function isOwnPatientCode(code: string): boolean {
  return NEW_CODE.test(code) || LEGACY_CODE.test(code)
}

/** A code another system (the HIS) gave that the desk may keep as its own MA_BN. */
export function isAcceptablePatientCode(code: string): boolean {
  return code.length >= 1 && code.length <= PATIENT_CODE_MAX && FOREIGN_CODE.test(code)
}

/** Four base32 characters from the first 20 bits of an installation's random id (hex): stable, not personal. */
export function deriveDeskCode(installationIdHex: string): string {
  const bits = parseInt(installationIdHex.replace(/[^0-9a-f]/gi, '').slice(0, 5), 16)
  if (Number.isNaN(bits)) throw new RangeError('installation id must be hex')
  let out = ''
  for (let shift = 15; shift >= 0; shift -= 5) out += BASE32[(bits >> shift) & 31]
  return out
}
