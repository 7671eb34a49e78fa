import type { Db } from './connection'

/** A chip or QR read as identity_reads stores it (the JSON columns already serialised). */
export interface IdentityReadRow {
  id: string
  source: string
  identityJson: string
  verificationJson: string | null
  fieldsJson: string
  readerName: string | null
  readBy: string
  readAt: string
}

export function insertIdentityRead(db: Db, row: IdentityReadRow): void {
  db.prepare(
    `INSERT INTO identity_reads (id, source, identity_json, verification_json, fields_json, reader_name, read_by, read_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    row.id,
    row.source,
    row.identityJson,
    row.verificationJson,
    row.fieldsJson,
    row.readerName,
    row.readBy,
    row.readAt
  )
}

/** Adds the passive-authentication result once EF.SOD has been checked. */
export function setReadVerification(db: Db, readId: string, verificationJson: string): void {
  db.prepare('UPDATE identity_reads SET verification_json = ? WHERE id = ?').run(verificationJson, readId)
}

/** Ties a read to the patient it was saved as; a read already tied to someone stays theirs. */
export function linkReadToPatient(db: Db, readId: string, patientId: string): void {
  db.prepare('UPDATE identity_reads SET patient_id = ? WHERE id = ? AND patient_id IS NULL').run(
    patientId,
    readId
  )
}

/** The stored passive-authentication result of a read (JSON), or null when it has none. */
export function readVerificationJson(db: Db, readId: string): string | null {
  const row = db.prepare('SELECT verification_json AS v FROM identity_reads WHERE id = ?').get(readId) as
    { v: string | null } | undefined
  return row?.v ?? null
}
