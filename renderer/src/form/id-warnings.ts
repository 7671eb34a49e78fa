import { localized, type MessageKey, type MessageParams } from '../../../contract/messages'
import type { ReadingWarning } from '../../../contract/reading'
import { idNumberFindings } from '../../../contract/rules/id-number'
import { parseDob, type FieldName, type FormState } from './form-state'

/** The fields the ID-number checks compare: an edit of any of them re-runs the checks. */
export const ID_CHECKED_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>(['idNumber', 'dob', 'sex'])

const ID_CHECK_KEYS: ReadonlySet<string> = new Set([
  'warning.ID_PROVINCE_UNKNOWN',
  'warning.ID_BIRTH_YEAR_MISMATCH',
  'warning.ID_SEX_MISMATCH'
])

function idWarning(code: string, key: MessageKey, params: MessageParams): ReadingWarning {
  return { code, field: 'idNumber', blocking: false, ...localized(key, params) }
}

/**
 * The ID-number checks against the form as it is now, replacing the card's: fixing the sex or the birth year
 * takes its warning away, typing a mismatch brings one (the same texts the coder and card decoders use).
 */
export function withIdWarnings(form: FormState, warnings: ReadingWarning[], today: Date): ReadingWarning[] {
  const kept = warnings.filter((w) => !(w.key && ID_CHECK_KEYS.has(w.key)))
  const id = form.idNumber.replace(/\s+/g, '')
  if (!/^\d{12}$/.test(id)) return kept
  const dob = parseDob(form.dob, today)
  const sex = form.sex === 'male' || form.sex === 'female' ? form.sex : null
  const out = [...kept]
  for (const f of idNumberFindings(id, 'iso' in dob ? dob.iso : null, sex)) {
    if (f.kind === 'province-unknown')
      out.push(
        idWarning('ID_PROVINCE_UNKNOWN', 'warning.ID_PROVINCE_UNKNOWN', { prefix: f.parts.provinceCode })
      )
    else if (f.kind === 'birth-year-mismatch')
      out.push(
        idWarning('ID_BIRTH_YEAR_MISMATCH', 'warning.ID_BIRTH_YEAR_MISMATCH', {
          birthYear: f.birthYear,
          idYear: f.parts.birthYear
        })
      )
    else if (f.kind === 'sex-mismatch')
      out.push(
        idWarning('ID_SEX_MISMATCH', 'warning.ID_SEX_MISMATCH', {
          givenSex: `label.sex.${f.sex}`,
          idSex: `label.sex.${f.parts.sex}`
        })
      )
  }
  return out
}
