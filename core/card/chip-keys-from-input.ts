import { AppError } from '../../contract/errors'
import { isIdNumber } from '../../contract/rules/id-number'
import { emptyIdentity } from '../../contract/identity'
import { deriveChipKeys, mrzInformation, NO_EXPIRY_MRZ, parseCccdQr } from '../../protocol/cccd'
import type { ChipKeyInput } from './read-cccd'

export interface KeyArgs {
  qr?: string
  id?: string
  dob?: string
  /** YYYY-MM-DD, or 'none' for a card without expiry. */
  expiry?: string
  can?: string
  mrzInfo?: string
  /** YYYY-MM-DD: the expiry rule depends on today when the issue date is unknown. */
  today: string
}

const bad = (arg: string, format: string): AppError =>
  AppError.of('VALIDATION', 'error.chipKey.argFormat', { arg, format })

/** The chip keys from what IT typed on the command line: a QR text, an ID + date of birth, a CAN or raw MRZ info. */
export function chipKeysFromArgs(a: KeyArgs): ChipKeyInput {
  if (a.mrzInfo) {
    if (!/^[0-9A-Z<]{24}$/.test(a.mrzInfo)) throw bad('--mrz-info', '[0-9A-Z<]{24}')
    return { mrzInfo: [a.mrzInfo], can: null }
  }
  if (a.can) {
    if (!/^\d{6}$/.test(a.can)) throw AppError.of('VALIDATION', 'chip.canFormat')
    return { mrzInfo: [], can: a.can }
  }
  if (a.qr) return deriveChipKeys(parseCccdQr(a.qr).identity, { today: a.today })
  if (a.id) {
    if (!isIdNumber(a.id)) throw bad('--id', 'NNNNNNNNNNNN')
    // The ID alone opens a PACE chip (CAN = its last 6 digits); BAC also needs the date of birth.
    if (!a.dob) return { mrzInfo: [], can: a.id.slice(6) }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(a.dob)) throw bad('--dob', 'YYYY-MM-DD')
    if (a.expiry) {
      const expiry = a.expiry === 'none' ? NO_EXPIRY_MRZ : a.expiry
      return { mrzInfo: [mrzInformation(a.id.slice(3), a.dob, expiry)], can: a.id.slice(6) }
    }
    const identity = { ...emptyIdentity('manual', 'x'), idNumber: a.id, dateOfBirth: a.dob }
    return deriveChipKeys(identity, { today: a.today })
  }
  throw AppError.of('VALIDATION', 'error.chipKey.argsMissing')
}
