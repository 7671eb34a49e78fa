import type { Sex } from '../../contract/identity'
import { ID_PROVINCE_NAMES } from './provinces'
import { warning, type CccdWarning } from './warnings'

/** The parts of a 12-digit personal ID number `PPP G YY NNNNNN` (cccd-card.md §1). */
export interface IdNumberParts {
  provinceCode: string
  /** Name of the birth-registration province, null when the prefix is not in the 2016 list. */
  provinceName: string | null
  /** 0–9: even = male, odd = female; G div 2 = century after the 1900s. */
  centurySexDigit: number
  /** First year of the century the digit encodes (1900, 2000, 2100…). */
  centuryStart: number
  sex: Extract<Sex, 'male' | 'female'>
  /** Last two digits of the birth year. */
  birthYearDigits: string
  /** The four-digit birth year the number implies. */
  birthYear: number
}

export function isIdNumber(text: string): boolean {
  return /^\d{12}$/.test(text)
}

/** Splits a 12-digit ID into its parts; null when it is not 12 digits. */
export function decodeIdNumber(id: string): IdNumberParts | null {
  if (!isIdNumber(id)) return null
  const provinceCode = id.slice(0, 3)
  const g = Number(id[3])
  const centuryStart = 1900 + Math.floor(g / 2) * 100
  const birthYearDigits = id.slice(4, 6)
  return {
    provinceCode,
    provinceName: ID_PROVINCE_NAMES[provinceCode] ?? null,
    centurySexDigit: g,
    centuryStart,
    sex: g % 2 === 0 ? 'male' : 'female',
    birthYearDigits,
    birthYear: centuryStart + Number(birthYearDigits)
  }
}

/**
 * Consistency checks of an ID number against the date of birth and sex printed with it. Findings are
 * warnings, never rejections: the numbering rule comes from a circular that expired in 2024.
 */
export function checkIdNumber(id: string, dob?: string | null, sex?: Sex | null): CccdWarning[] {
  const parts = decodeIdNumber(id)
  if (!parts) {
    return [warning('ID_NOT_12_DIGITS')]
  }
  const out: CccdWarning[] = []
  if (parts.provinceName === null) {
    out.push(warning('ID_PROVINCE_UNKNOWN', { prefix: parts.provinceCode }))
  }
  const birthYear = dob ? Number(dob.slice(0, 4)) : NaN
  if (Number.isInteger(birthYear)) {
    const birthCentury = Math.floor(birthYear / 100) * 100
    if (birthCentury !== parts.centuryStart) {
      out.push(warning('ID_CENTURY_MISMATCH', { birthYear, idYear: parts.birthYear }))
    }
    const yy = String(birthYear % 100).padStart(2, '0')
    if (yy !== parts.birthYearDigits) {
      out.push(warning('ID_BIRTH_YEAR_MISMATCH', { birthYear, idYear: parts.birthYear }))
    }
  }
  if ((sex === 'male' || sex === 'female') && sex !== parts.sex) {
    out.push(warning('ID_SEX_MISMATCH', { givenSex: `label.sex.${sex}`, idSex: `label.sex.${parts.sex}` }))
  }
  return out
}
