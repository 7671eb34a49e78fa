import type { Db } from './db-type'

/** One stored BHYT card check (migration 007). JSON columns stay text here; the core owns their shapes. */
export interface BhytCheckRow {
  id: number
  visitId: string | null
  patientId: string | null
  cardKey: string
  fullName: string
  dateOfBirth: string
  status: 'verified' | 'refused' | 'unverified'
  resultCode: string | null
  resultJson: string | null
  rawJson: string | null
  outageJson: string | null
  clerkName: string
  clerkId: string
  checkedAt: string
  recheckAfter: string | null
}

export type NewBhytCheck = Omit<BhytCheckRow, 'id'>

const COLUMNS = `id, visit_id AS visitId, patient_id AS patientId, card_key AS cardKey, full_name AS fullName,
  date_of_birth AS dateOfBirth, status, result_code AS resultCode, result_json AS resultJson, raw_json AS rawJson,
  outage_json AS outageJson, clerk_name AS clerkName, clerk_id AS clerkId, checked_at AS checkedAt,
  recheck_after AS recheckAfter`

/** Stores a check; a check for a visit supersedes that visit's earlier current check in the same transaction. */
export function insertBhytCheck(db: Db, c: NewBhytCheck): number {
  return db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO bhyt_checks (visit_id, patient_id, card_key, full_name, date_of_birth, status, result_code,
             result_json, raw_json, outage_json, clerk_name, clerk_id, checked_at, recheck_after)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(
          c.visitId,
          c.patientId,
          c.cardKey,
          c.fullName,
          c.dateOfBirth,
          c.status,
          c.resultCode,
          c.resultJson,
          c.rawJson,
          c.outageJson,
          c.clerkName,
          c.clerkId,
          c.checkedAt,
          c.recheckAfter
        ).lastInsertRowid
    )
    if (c.visitId) {
      db.prepare(
        `UPDATE bhyt_checks SET superseded_by = ? WHERE visit_id = ? AND id <> ? AND superseded_by IS NULL`
      ).run(id, c.visitId, id)
    }
    return id
  })()
}

/** Links checks made before the visit existed (at scan time) to the visit saved with them. */
export function attachBhytCheckToVisit(db: Db, checkId: number, visitId: string, patientId: string): void {
  db.prepare(`UPDATE bhyt_checks SET visit_id = ?, patient_id = ? WHERE id = ? AND visit_id IS NULL`).run(
    visitId,
    patientId,
    checkId
  )
}

/** The visit's current check (the latest not superseded), or null. */
export function currentBhytCheck(db: Db, visitId: string): BhytCheckRow | null {
  return (
    (db
      .prepare(
        `SELECT ${COLUMNS} FROM bhyt_checks WHERE visit_id = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1`
      )
      .get(visitId) as BhytCheckRow | undefined) ?? null
  )
}

export function bhytCheckById(db: Db, id: number): BhytCheckRow | null {
  return (
    (db.prepare(`SELECT ${COLUMNS} FROM bhyt_checks WHERE id = ?`).get(id) as BhytCheckRow | undefined) ??
    null
  )
}

/** Current unverified checks of saved visits whose next attempt is due, oldest first. */
export function dueBhytRechecks(db: Db, nowIso: string, limit: number): BhytCheckRow[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM bhyt_checks
       WHERE status = 'unverified' AND superseded_by IS NULL AND visit_id IS NOT NULL
         AND (recheck_after IS NULL OR recheck_after <= ?)
       ORDER BY checked_at LIMIT ?`
    )
    .all(nowIso, limit) as BhytCheckRow[]
}

export function postponeBhytRecheck(db: Db, id: number, recheckAfter: string, outageJson: string): void {
  db.prepare(`UPDATE bhyt_checks SET recheck_after = ?, outage_json = ? WHERE id = ?`).run(
    recheckAfter,
    outageJson,
    id
  )
}

/** Visits in a period by the state of their current check: the queue screen and the quality report count these. */
export function countBhytChecks(
  db: Db,
  fromIso: string,
  toIso: string
): Record<'verified' | 'refused' | 'unverified', number> {
  const rows = db
    .prepare(
      `SELECT status, COUNT(*) AS n FROM bhyt_checks
       WHERE visit_id IS NOT NULL AND superseded_by IS NULL AND checked_at >= ? AND checked_at < ?
       GROUP BY status`
    )
    .all(fromIso, toIso) as { status: 'verified' | 'refused' | 'unverified'; n: number }[]
  const out = { verified: 0, refused: 0, unverified: 0 }
  for (const r of rows) out[r.status] = r.n
  return out
}

/** Saved visits whose current card check is still unverified (the queue screen's count). */
export function countUnverifiedBhytVisits(db: Db): number {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS n FROM bhyt_checks
       WHERE status = 'unverified' AND superseded_by IS NULL AND visit_id IS NOT NULL`
    )
    .get() as { n: number }
  return row.n
}

/** Visits of a range of local days (YYYY-MM-DD, both included) by the state of their current card check. */
export function bhytStatusOfVisits(
  db: Db,
  range: { from: string; to: string }
): Record<'verified' | 'refused' | 'unverified', number> {
  const end = new Date(`${range.to}T00:00:00Z`)
  end.setUTCDate(end.getUTCDate() + 1)
  const rows = db
    .prepare(
      `SELECT c.status, COUNT(*) AS n FROM bhyt_checks c JOIN visits v ON v.id = c.visit_id
       WHERE c.superseded_by IS NULL AND v.visited_at >= ? AND v.visited_at < ?
       GROUP BY c.status`
    )
    .all(range.from, end.toISOString().slice(0, 10)) as {
    status: 'verified' | 'refused' | 'unverified'
    n: number
  }[]
  const out = { verified: 0, refused: 0, unverified: 0 }
  for (const r of rows) out[r.status] = r.n
  return out
}
