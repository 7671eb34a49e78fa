import type { Db } from './connection'

/** One consents row to write (migration 006): a purpose, the basis it rests on and the notice shown. */
export interface NewConsentRow {
  id: string
  patientId: string | null
  visitId: string | null
  purpose: string
  legalBasis: string
  noticeVersion: string
  given: boolean
  recordedBy: string
  recordedAt: string
}

/** A stored consent as the subject export shows it. */
export interface ConsentRow {
  purpose: string
  legal_basis: string
  notice_version: string
  given: number
  recorded_by: string
  recorded_at: string
}

const INSERT = `INSERT INTO consents (id, patient_id, visit_id, purpose, legal_basis, notice_version, given, recorded_by, recorded_at)
  VALUES (@id, @patientId, @visitId, @purpose, @legalBasis, @noticeVersion, @given, @recordedBy, @recordedAt)`

const prepare = (db: Db) => ({
  insert: db.prepare(INSERT),
  linkReadToVisit: db.prepare(
    'UPDATE consents SET patient_id = ?, visit_id = ? WHERE read_id = ? AND visit_id IS NULL'
  )
})
/** Prepared once per connection: every registration writes these. */
const statements = new WeakMap<Db, ReturnType<typeof prepare>>()
const stmts = (db: Db): ReturnType<typeof prepare> => {
  let st = statements.get(db)
  if (!st) statements.set(db, (st = prepare(db)))
  return st
}

export function insertConsent(db: Db, c: NewConsentRow): void {
  stmts(db).insert.run({ ...c, given: c.given ? 1 : 0 })
}

/** The chip read a consent was given for. */
export function setConsentRead(db: Db, consentId: string, readId: string): void {
  db.prepare('UPDATE consents SET read_id = ? WHERE id = ?').run(readId, consentId)
}

/** Ties the consent given for a chip read to the patient and visit it was registered as (once). */
export function linkConsentReadToVisit(db: Db, readId: string, patientId: string, visitId: string): void {
  stmts(db).linkReadToVisit.run(patientId, visitId, readId)
}

export function consentsOfPatient(db: Db, patientId: string): ConsentRow[] {
  return db
    .prepare<[string], ConsentRow>('SELECT * FROM consents WHERE patient_id = ? ORDER BY recorded_at')
    .all(patientId)
}
