import type { Db } from './connection'
import { toSummary, type SummaryRow } from './patients'
import type { PatientSummary } from '../contract/patient'

const columns = 'id, full_name, date_of_birth, sex, id_number, bhyt_card_number, address_text, updated_at'

/** Live records whose phone, in its normal form (migration 011: +84/84 → 0), is this one. */
export function findByPhoneKey(db: Db, phoneKey: string, limit: number): PatientSummary[] {
  return db
    .prepare<[string, number], SummaryRow>(
      `SELECT ${columns} FROM patients INDEXED BY patients_phone
       WHERE phone_key = ? AND phone_key IS NOT NULL AND merged_into IS NULL ORDER BY updated_at DESC LIMIT ?`
    )
    .all(phoneKey, limit)
    .map(toSummary)
}

/** Live records with exactly this folded name and date of birth (the patients_name_dob index). */
export function findByNameAndDob(
  db: Db,
  nameFolded: string,
  dateOfBirth: string,
  limit: number
): PatientSummary[] {
  return db
    .prepare<[string, string, number], SummaryRow>(
      `SELECT ${columns} FROM patients INDEXED BY patients_name_dob
       WHERE name_folded = ? AND date_of_birth = ? AND merged_into IS NULL ORDER BY updated_at DESC LIMIT ?`
    )
    .all(nameFolded, dateOfBirth, limit)
    .map(toSummary)
}

export interface VisitHistoryRow {
  id: string
  visited_at: string
  service_type: string
  department: string | null
  /** JSON array of {target, status} for the visit's submissions ('[]' when nothing was queued). */
  sends_json: string
}

/** A record's visits, newest first, with where each submission stands. */
export function visitHistory(db: Db, patientId: string, limit: number): VisitHistoryRow[] {
  return db
    .prepare<[string, number], VisitHistoryRow>(
      `SELECT v.id, v.visited_at, v.service_type, v.department,
         coalesce((SELECT json_group_array(json_object('target', o.target, 'status', o.status))
                   FROM outbox o WHERE o.visit_id = v.id), '[]') AS sends_json
       FROM visits v WHERE v.patient_id = ? ORDER BY v.visited_at DESC LIMIT ?`
    )
    .all(patientId, limit)
}
