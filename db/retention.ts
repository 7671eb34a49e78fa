import type { Db } from './connection'

/** Card reads never linked to a patient, read before `before`; returns how many went. */
export function deleteUnlinkedReadsBefore(db: Db, before: string): number {
  return db.prepare('DELETE FROM identity_reads WHERE patient_id IS NULL AND read_at < ?').run(before).changes
}

/** Empties the frozen body of submissions the target accepted before `before` (the row and receipt stay). */
export function clearSentPayloadsBefore(db: Db, before: string): number {
  return db
    .prepare(
      `UPDATE outbox SET payload_json = '{}' WHERE status = 'sent' AND updated_at < ? AND payload_json <> '{}'`
    )
    .run(before).changes
}
