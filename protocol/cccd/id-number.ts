import type { Sex } from '../../contract/identity'
import { idNumberFindings } from '../../contract/rules/id-number'
import { warning, type CccdWarning } from './warnings'

export { decodeIdNumber, isIdNumber, type IdNumberParts } from '../../contract/rules/id-number'

const SEX_VI = { male: 'nam', female: 'nữ' } as const

/**
 * The card decoders' warnings for an ID number against the date of birth and sex printed with it
 * (the findings of contract/rules/id-number, worded for the clerk).
 */
export function checkIdNumber(id: string, dob?: string | null, sex?: Sex | null): CccdWarning[] {
  const out: CccdWarning[] = []
  for (const f of idNumberFindings(id, dob, sex)) {
    if (f.kind === 'not-12-digits') {
      out.push(
        warning(
          'ID_NOT_12_DIGITS',
          'Số định danh phải gồm đúng 12 chữ số.',
          'The ID number must be 12 digits.'
        )
      )
    } else if (f.kind === 'province-unknown') {
      const parts = f.parts
      out.push(
        warning(
          'ID_PROVINCE_UNKNOWN',
          `Ba chữ số đầu của số định danh (${parts.provinceCode}) không phải mã tỉnh đã biết. Hãy đối chiếu với thẻ.`,
          `ID prefix ${parts.provinceCode} is not a known province code.`
        )
      )
    } else if (f.kind === 'birth-year-mismatch') {
      const { parts, birthYear } = f
      if (f.centuryDiffers) {
        out.push(
          warning(
            'ID_CENTURY_MISMATCH',
            `Chữ số thứ 4 của số định danh (${parts.centurySexDigit}) ứng với người sinh thế kỷ ${parts.centuryStart}–${parts.centuryStart + 99}, nhưng năm sinh là ${birthYear}. Hãy kiểm tra lại số định danh và ngày sinh.`,
            `ID century digit ${parts.centurySexDigit} implies birth in ${parts.centuryStart}s, but the birth year is ${birthYear}.`
          )
        )
      }
      if (f.yearDigitsDiffer) {
        out.push(
          warning(
            'ID_BIRTH_YEAR_MISMATCH',
            `Chữ số thứ 5–6 của số định danh (${parts.birthYearDigits}) không khớp với năm sinh ${birthYear}. Hãy kiểm tra lại.`,
            `ID birth-year digits ${parts.birthYearDigits} do not match the birth year ${birthYear}.`
          )
        )
      }
    } else {
      const { parts, sex: given } = f
      out.push(
        warning(
          'ID_SEX_MISMATCH',
          `Chữ số thứ 4 của số định danh (${parts.centurySexDigit}) ứng với giới tính ${SEX_VI[parts.sex]}, nhưng giới tính ghi là ${SEX_VI[given]}. Hãy kiểm tra lại.`,
          `ID sex digit ${parts.centurySexDigit} implies ${parts.sex}, but the sex given is ${given}.`
        )
      )
    }
  }
  return out
}
