import type { Sex } from '../../../contract/identity'

/** What the 12-digit personal ID number says about its holder (TT 07/2016/TT-BCA; docs/health-data.md §2.1). */
export interface IdNumberFacts {
  /** Digits 1–3: province of birth registration (pre-2025 list), e.g. '022'. */
  birthProvinceCode: string
  sex: Sex
  /** Full birth year from the century digit (4th) and digits 5–6. */
  birthYear: number
}

/** Reads digits 1–6; null unless the number is 12 digits. Digit 4: even = male, odd = female; 0/1 → 1900s, 2/3 → 2000s … */
export function readIdNumber(idNumber: string): IdNumberFacts | null {
  if (!/^\d{12}$/.test(idNumber)) return null
  const centuryDigit = Number(idNumber[3])
  const century = 1900 + Math.floor(centuryDigit / 2) * 100
  return {
    birthProvinceCode: idNumber.slice(0, 3),
    sex: centuryDigit % 2 === 0 ? 'male' : 'female',
    birthYear: century + Number(idNumber.slice(4, 6))
  }
}
