import type { Db } from './connection'

/** The reads and writes of the data-subject requests (export, restriction, erasure) for one patient. */

export interface PatientHistoryRow {
  changed_at: string
  reason: string
  changes_json: string
}

export interface PatientVisitRow {
  id: string
  service_type: string
  visited_at: string
}

export interface PatientReadRow {
  id: string
  source: string
  read_at: string
  read_by: string | null
  fields_json: string
}

export interface PatientSubmissionRow {
  target: string
  status: string
  visit_id: string
  receipt: string | null
  updated_at: string
}

/** The patients row with every column, as stored. */
export function patientRecord(db: Db, patientId: string): Record<string, unknown> | undefined {
  return db.prepare<[string], Record<string, unknown>>('SELECT * FROM patients WHERE id = ?').get(patientId)
}

export function patientHistory(db: Db, patientId: string): PatientHistoryRow[] {
  return db
    .prepare<[string], PatientHistoryRow>(
      'SELECT changed_at, reason, changes_json FROM patient_history WHERE patient_id = ? ORDER BY id'
    )
    .all(patientId)
}

export function patientVisits(db: Db, patientId: string): PatientVisitRow[] {
  return db
    .prepare<[string], PatientVisitRow>(
      'SELECT id, service_type, visited_at FROM visits WHERE patient_id = ? ORDER BY visited_at'
    )
    .all(patientId)
}

/** The card reads linked to the patient: which fields each one held, never the values. */
export function patientCardReads(db: Db, patientId: string): PatientReadRow[] {
  return db
    .prepare<[string], PatientReadRow>(
      'SELECT id, source, read_at, read_by, fields_json FROM identity_reads WHERE patient_id = ? ORDER BY read_at'
    )
    .all(patientId)
}

/** Every submission of the patient's visits, with its state and receipt. */
export function patientSubmissions(db: Db, patientId: string): PatientSubmissionRow[] {
  return db
    .prepare<[string], PatientSubmissionRow>(
      `SELECT o.target, o.status, o.visit_id, o.receipt, o.updated_at FROM outbox o
       JOIN visits v ON v.id = o.visit_id WHERE v.patient_id = ? ORDER BY o.id`
    )
    .all(patientId)
}

/** The time of the patient's latest visit, or null when there is none. */
export function lastVisitAt(db: Db, patientId: string): string | null {
  return db
    .prepare<[string], { last: string | null }>(
      'SELECT max(visited_at) AS last FROM visits WHERE patient_id = ?'
    )
    .get(patientId)!.last
}

/** Marks the patient restricted since `at` (an earlier restriction keeps its date). */
export function markPatientRestricted(db: Db, patientId: string, at: string): void {
  db.prepare('UPDATE patients SET restricted_at = coalesce(restricted_at, ?) WHERE id = ?').run(at, patientId)
}

/** Turns what still waits to be sent for the patient's visits into dead rows that say why; returns how many. */
export function holdPatientSubmissions(db: Db, patientId: string, at: string): number {
  return db
    .prepare(
      `UPDATE outbox SET status = 'dead', last_error_code = 'RESTRICTED', last_error = 'data subject restricted processing', updated_at = ?
       WHERE status IN ('pending', 'failed') AND visit_id IN (SELECT id FROM visits WHERE patient_id = ?)`
    )
    .run(at, patientId).changes
}

const VISIT_IDS = `SELECT id FROM visits WHERE patient_id = @id`
/** Children before parents, and references to the patient cleared before its row goes. */
const ERASE = [
  `DELETE FROM outbox WHERE visit_id IN (${VISIT_IDS})`,
  `DELETE FROM consents WHERE patient_id = @id OR visit_id IN (${VISIT_IDS})`,
  // Every registration draws a queue number (ADR 0026): the ticket goes with its visit.
  `DELETE FROM queue_tickets WHERE visit_id IN (${VISIT_IDS})`,
  `DELETE FROM visits WHERE patient_id = @id`,
  `DELETE FROM identity_reads WHERE patient_id = @id`,
  `DELETE FROM patient_history WHERE patient_id = @id`,
  `UPDATE patients SET guardian_patient_id = NULL WHERE guardian_patient_id = @id`,
  `UPDATE patients SET merged_into = NULL WHERE merged_into = @id`,
  `DELETE FROM patients WHERE id = @id`
]

/** Deletes every row about the patient; returns how many rows changed. Call inside the caller's transaction. */
export function erasePatientRows(db: Db, patientId: string): number {
  let n = 0
  for (const sql of ERASE) n += db.prepare(sql).run({ id: patientId }).changes
  return n
}
