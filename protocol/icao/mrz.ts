import { invalidKeyInput as invalidKey } from './errors'

/** ICAO 9303-3 check digits and the BAC "MRZ information" string. */

export interface MrzInfo {
  /** Document number as printed in the MRZ (CCCD: last 9 digits of the 12-digit ID). */
  documentNumber: string
  /** Date of birth YYMMDD; "<" for unknown parts (partial dates), as printed in the MRZ. */
  dateOfBirth: string
  /** Date of expiry YYMMDD. */
  dateOfExpiry: string
}

function charValue(ch: string): number | undefined {
  if (ch === '<') return 0
  const code = ch.charCodeAt(0)
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 65 && code <= 90) return code - 55
  return undefined
}

/** Check digit with weights 7,3,1; undefined when the text has a character the MRZ cannot hold. */
export function mrzCheckDigitOrUndefined(text: string): number | undefined {
  const weights = [7, 3, 1]
  let sum = 0
  for (let i = 0; i < text.length; i++) {
    const v = charValue(text[i]!)
    if (v === undefined) return undefined
    sum += v * weights[i % 3]!
  }
  return sum % 10
}

export function mrzCheckDigit(text: string): number {
  const d = mrzCheckDigitOrUndefined(text)
  if (d === undefined) throw new RangeError('text contains characters outside the MRZ alphabet')
  return d
}

/**
 * MRZ information used as the BAC key seed: document number (padded to 9 with '<', or the full
 * number when longer) + check digit + DOB + check digit + expiry + check digit.
 */
export function mrzInformation(info: MrzInfo): string {
  const number = info.documentNumber.trim().toUpperCase()
  if (!/^[A-Z0-9<]{1,}$/.test(number)) throw invalidKey('document number')
  if (!/^[0-9<]{6}$/.test(info.dateOfBirth)) throw invalidKey('date of birth')
  if (!/^[0-9<]{6}$/.test(info.dateOfExpiry)) throw invalidKey('date of expiry')
  const padded = number.padEnd(9, '<')
  return (
    padded +
    mrzCheckDigit(padded) +
    info.dateOfBirth +
    mrzCheckDigit(info.dateOfBirth) +
    info.dateOfExpiry +
    mrzCheckDigit(info.dateOfExpiry)
  )
}
