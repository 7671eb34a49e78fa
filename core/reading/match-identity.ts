import type { Db } from '../../db/connection'
import type { CodedIdentity } from '../../contract/reading'
import type { PatientForm } from '../../contract/patient'
import { findMatches, describeChanges } from '../patients/matching'
import { getPatient } from '../patients/get-patient'
import { hisPatientIdOf } from '../../db/his-links'
import { latestVisitOnDay } from '../../db/visits'
import { mergeCardDetails } from '../../contract/rules/card-details'
import type { CodingCatalog } from '../coding/catalog/coding-catalog'
import { occupationCodeWarning } from '../coding/patient/occupation-check'

/**
 * Finds the patient a card belongs to: an exact identifier match becomes `returning` with what the card changes;
 * people who merely look alike (same name and birth date, other number) become warnings, never a silent merge.
 * With `catalog`, a stored code the catalogue does not hold (occupation) is flagged; the record keeps it.
 */
export function withReturningPatient(
  db: Db,
  coded: CodedIdentity,
  today: string | null = null,
  catalog: CodingCatalog | null = null
): CodedIdentity {
  const m = findMatches(db, coded.form, { limit: 3 })
  const warnings = [
    ...coded.warnings,
    ...m.candidates.map((c) => ({
      code: 'POSSIBLE_DUPLICATE',
      field: null,
      message: c.warning,
      blocking: false
    }))
  ]
  if (!m.exact || !m.by) return { ...coded, warnings }
  const before = getPatient(db, m.exact.id).form
  const storedOccupation = catalog ? occupationCodeWarning(before.occupationCode, catalog) : null
  if (storedOccupation) warnings.push(storedOccupation)
  const after = withCardValues(before, coded.form)
  return {
    ...coded,
    warnings,
    returning: {
      patientId: m.exact.id,
      source: 'local',
      hisPatientId: hisPatientIdOf(db, m.exact.id),
      fullName: m.exact.fullName,
      by: m.by,
      // "đã khám hôm nay" on the banner, before the clerk types anything (`today`: local YYYY-MM-DD).
      visitedTodayAt: today
        ? (latestVisitOnDay(db, m.exact.id, today)?.visitedAt.slice(11, 16) ?? null)
        : null,
      changes: describeChanges(before, after).map(({ field, key, params, message }) => ({
        field,
        key,
        params,
        message
      }))
    }
  }
}

/** The record as it will be once the card's values are applied: what the clerk keeps (phone, BHYT…) stays. */
function withCardValues(before: PatientForm, card: PatientForm): PatientForm {
  const pick = <T>(c: T | null, b: T): T => (c === null || c === '' ? b : c)
  return {
    ...before,
    fullName: pick(card.fullName, before.fullName),
    dateOfBirth: pick(card.dateOfBirth, before.dateOfBirth),
    sex: card.sex,
    idNumber: pick(card.idNumber, before.idNumber),
    oldIdNumber: pick(card.oldIdNumber, before.oldIdNumber),
    ethnicityCode: pick(card.ethnicityCode, before.ethnicityCode),
    nationalityCode: pick(card.nationalityCode, before.nationalityCode),
    address: card.address.text ? card.address : before.address,
    cardDetails: mergeCardDetails(before.cardDetails, card.cardDetails)
  }
}
