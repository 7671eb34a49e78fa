/** Non-blocking findings the clerk should look at; the data is still returned. */
export type CccdWarningCode =
  | 'ID_NOT_12_DIGITS'
  | 'ID_PROVINCE_UNKNOWN'
  | 'ID_CENTURY_MISMATCH'
  | 'ID_SEX_MISMATCH'
  | 'ID_BIRTH_YEAR_MISMATCH'
  | 'OLD_ID_UNUSUAL'
  | 'ISSUE_BEFORE_BIRTH'
  | 'NO_DIACRITICS'

export interface CccdWarning {
  code: CccdWarningCode
  /** Vietnamese, for the clerk. */
  message: string
  /** English, for logs. */
  messageEn: string
}

export const warning = (code: CccdWarningCode, message: string, messageEn: string): CccdWarning => ({
  code,
  message,
  messageEn
})
