import { localized, type Localized, type MessageKey, type MessageParams } from '../../contract/messages'

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

/**
 * A warning: its code, and its text as a catalogue key + params (`message` is the Vietnamese rendering,
 * `messageEn` the English one, for readers that do not format).
 */
export interface CccdWarning extends Localized {
  code: CccdWarningCode
}

/** `key` defaults to `warning.<code>`; the century and year checks share one text (one problem, one message). */
export const warning = (code: CccdWarningCode, params?: MessageParams, key?: MessageKey): CccdWarning => ({
  code,
  ...localized(key ?? defaultKey(code), params)
})

function defaultKey(code: CccdWarningCode): MessageKey {
  return code === 'ID_CENTURY_MISMATCH'
    ? 'warning.ID_BIRTH_YEAR_MISMATCH'
    : code === 'OLD_ID_UNUSUAL'
      ? 'warning.OLD_ID_UNUSUAL.qr'
      : `warning.${code}`
}
