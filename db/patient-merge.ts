import type { Db } from './connection'
import type { PatientForm } from '../contract/patient'

/**
 * The SQL of merging two patient records and undoing it (core/patients/merge.ts holds the rules). Every
 * statement runs inside the caller's transaction.
 */

const idsOf = (db: Db, sql: string, ...params: string[]): string[] =>
  db
    .prepare<string[], { id: string }>(sql)
    .all(...params)
    .map((r) => r.id)

export const visitIdsOf = (db: Db, patientId: string): string[] =>
  idsOf(db, 'SELECT id FROM visits WHERE patient_id = ?', patientId)

export const readIdsOf = (db: Db, patientId: string): string[] =>
  idsOf(db, 'SELECT id FROM identity_reads WHERE patient_id = ?', patientId)

/** Records whose guardian is `guardianId`, leaving out `exceptId`. */
export const childIdsOf = (db: Db, guardianId: string, exceptId: string): string[] =>
  idsOf(db, 'SELECT id FROM patients WHERE guardian_patient_id = ? AND id <> ?', guardianId, exceptId)

/** Whether the visit still belongs to the patient. */
export function visitIsOn(db: Db, visitId: string, patientId: string): boolean {
  return (
    db.prepare('SELECT 1 FROM visits WHERE id = ? AND patient_id = ?').get(visitId, patientId) !== undefined
  )
}

/** Moves the listed rows still on `from` to `to` (a merge, or its undo: rows added since stay where they are). */
export function moveVisits(db: Db, ids: readonly string[], from: string, to: string): void {
  const move = db.prepare('UPDATE visits SET patient_id = ? WHERE id = ? AND patient_id = ?')
  for (const id of ids) move.run(to, id, from)
}

export function moveReads(db: Db, ids: readonly string[], from: string, to: string): void {
  const move = db.prepare('UPDATE identity_reads SET patient_id = ? WHERE id = ? AND patient_id = ?')
  for (const id of ids) move.run(to, id, from)
}

/** Children keep pointing at a live record, in the column and in the stored form alike. */
export function moveChildren(db: Db, ids: readonly string[], from: string, to: string, at: string): void {
  const move = db.prepare(
    `UPDATE patients SET guardian_patient_id = @to, form_json = json_set(form_json, '$.guardian.patientId', @to),
       updated_at = @at
     WHERE id = @id AND guardian_patient_id = @from`
  )
  for (const id of ids) move.run({ id, from, to, at })
}

/** The duplicate gives up its ID number (unique) and points at the kept record. */
export function markMerged(db: Db, mergedId: string, keepId: string, at: string): void {
  db.prepare('UPDATE patients SET merged_into = ?, id_number = NULL, updated_at = ? WHERE id = ?').run(
    keepId,
    at,
    mergedId
  )
}

/** The duplicate is live again, with its ID number back when no one else holds it. */
export function markUnmerged(db: Db, mergedId: string, idNumber: string | null, at: string): void {
  db.prepare('UPDATE patients SET merged_into = NULL, id_number = ?, updated_at = ? WHERE id = ?').run(
    idNumber,
    at,
    mergedId
  )
}

/** The form a patient had before the latest history entry whose reason starts with `reasonPrefix`. */
export function formBefore(db: Db, patientId: string, reasonPrefix: string): PatientForm | null {
  const row = db
    .prepare<[string, string], { before_json: string }>(
      'SELECT before_json FROM patient_history WHERE patient_id = ? AND reason LIKE ? ORDER BY id DESC LIMIT 1'
    )
    .get(patientId, `${reasonPrefix}%`)
  return row ? (JSON.parse(row.before_json) as PatientForm) : null
}
