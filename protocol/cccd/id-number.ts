import type { Sex } from '../../contract/identity'
import { idNumberFindings } from '../../contract/rules/id-number'
import { warning, type CccdWarning } from './warnings'

export { decodeIdNumber, isIdNumber, type IdNumberParts } from '../../contract/rules/id-number'

/**
 * The card decoders' warnings for an ID number against the date of birth and sex printed with it
 * (the findings of contract/rules/id-number, worded for the clerk).
 */
export function checkIdNumber(id: string, dob?: string | null, sex?: Sex | null): CccdWarning[] {
  const out: CccdWarning[] = []
  for (const f of idNumberFindings(id, dob, sex)) {
    if (f.kind === 'not-12-digits') out.push(warning('ID_NOT_12_DIGITS'))
    else if (f.kind === 'province-unknown')
      out.push(warning('ID_PROVINCE_UNKNOWN', { prefix: f.parts.provinceCode }))
    else if (f.kind === 'birth-year-mismatch') {
      const params = { birthYear: f.birthYear, idYear: f.parts.birthYear }
      if (f.centuryDiffers) out.push(warning('ID_CENTURY_MISMATCH', params))
      if (f.yearDigitsDiffer) out.push(warning('ID_BIRTH_YEAR_MISMATCH', params))
    } else {
      out.push(
        warning('ID_SEX_MISMATCH', { givenSex: `label.sex.${f.sex}`, idSex: `label.sex.${f.parts.sex}` })
      )
    }
  }
  return out
}
