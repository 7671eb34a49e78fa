import type { Sex } from '../identity'
import { provinceOfIdPrefix } from './provinces-pre-2025'

/**
 * The one ID-number validator. A 12-digit personal ID number reads `PPP G YY NNNNNN` (TT 07/2016/TT-BCA):
 * PPP the province of birth registration, G the century and sex, YY the last digits of the birth year.
 * Callers turn the findings into their own warnings; nothing here is a rejection, because the numbering rule
 * comes from a circular that expired in 2024.
 */
export interface IdNumberParts {
  provinceCode: string
  /** Name of the birth-registration province, null when the prefix is not in the pre-2025 list. */
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

/** A 12-digit personal ID number (CCCD / Căn cước). */
export function isIdNumber(text: string): boolean {
  return /^\d{12}$/.test(text)
}

/** An ID a person may still be known by: the old 9-digit CMND, or a 12-digit number. */
export function isAnyIdNumber(text: string): boolean {
  return /^\d{9}$|^\d{12}$/.test(text)
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
    provinceName: provinceOfIdPrefix(provinceCode)?.name ?? null,
    centurySexDigit: g,
    centuryStart,
    sex: g % 2 === 0 ? 'male' : 'female',
    birthYearDigits,
    birthYear: centuryStart + Number(birthYearDigits)
  }
}

/** One way an ID number disagrees with itself or with the birth date and sex given with it. */
export type IdNumberFinding =
  | { kind: 'not-12-digits' }
  | { kind: 'province-unknown'; parts: IdNumberParts }
  | {
      kind: 'birth-year-mismatch'
      parts: IdNumberParts
      /** The year the birth date gives. */
      birthYear: number
      /** The century digit disagrees (born 1993, digit for the 2000s). */
      centuryDiffers: boolean
      /** Digits 5–6 disagree with the year's last two digits. */
      yearDigitsDiffer: boolean
    }
  | { kind: 'sex-mismatch'; parts: IdNumberParts; sex: Extract<Sex, 'male' | 'female'> }

/**
 * Checks an ID number against the date of birth (YYYY[-MM[-DD]]) and sex given with it. Empty when they agree
 * or when there is nothing to compare; a missing date or an undetermined sex is never a finding.
 */
export function idNumberFindings(
  id: string,
  dateOfBirth?: string | null,
  sex?: Sex | null
): IdNumberFinding[] {
  const parts = decodeIdNumber(id)
  if (parts === null) return [{ kind: 'not-12-digits' }]
  const out: IdNumberFinding[] = []
  if (parts.provinceName === null) out.push({ kind: 'province-unknown', parts })
  const year = dateOfBirth && /^\d{4}/.test(dateOfBirth) ? Number(dateOfBirth.slice(0, 4)) : null
  if (year !== null && year !== parts.birthYear) {
    out.push({
      kind: 'birth-year-mismatch',
      parts,
      birthYear: year,
      centuryDiffers: Math.floor(year / 100) * 100 !== parts.centuryStart,
      yearDigitsDiffer: String(year % 100).padStart(2, '0') !== parts.birthYearDigits
    })
  }
  if ((sex === 'male' || sex === 'female') && sex !== parts.sex)
    out.push({ kind: 'sex-mismatch', parts, sex })
  return out
}
