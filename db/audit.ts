import { createHash } from 'node:crypto'
import type { Db } from './connection'

/** One audit_log entry to write. detailJson never holds personal data: ids, counts, field names. */
export interface NewAuditRow {
  at: string
  actor: string
  action: string
  entity: string
  entityId: string | null
  detailJson: string | null
}

/** A stored audit_log row, hash chain included (migration 006). */
export interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entity_id: string | null
  detail_json: string | null
  prev_hash: string | null
  hash: string | null
}

/** The chain's start: a row with no predecessor links to this. */
export const GENESIS = '0'.repeat(64)

/** sha256 over the previous hash and every stored field, unambiguously separated (JSON array). */
export function rowHash(
  prev: string,
  r: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'> & { id: number }
): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, r.id, r.at, r.actor, r.action, r.entity, r.entity_id, r.detail_json]))
    .digest('hex')
}

const prepare = (db: Db) => ({
  last: db.prepare<[], { id: number; hash: string | null }>(
    'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'
  ),
  // An empty log after a roll-up continues from the summary, so the chain never restarts unnoticed.
  summaryTail: db.prepare<[], { id: number; hash: string }>(
    'SELECT to_id AS id, last_hash AS hash FROM audit_summaries ORDER BY to_id DESC LIMIT 1'
  ),
  insert: db.prepare(
    `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail_json, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity, @entity_id, @detail_json, @prev_hash, @hash)`
  )
})
/** Prepared once per connection: the log is written on every desk action. */
const statements = new WeakMap<Db, ReturnType<typeof prepare>>()

/**
 * Appends one row linked to the one before it. Inside the caller's transaction when there is one (the row is
 * written with the action or not at all); IMMEDIATE when alone, so two processes (app and CLI) never link two rows
 * to the same predecessor.
 */
export function insertAudit(db: Db, entry: NewAuditRow): void {
  let st = statements.get(db)
  if (!st) statements.set(db, (st = prepare(db)))
  const { last, summaryTail, insert } = st
  const append = (): void => {
    const tail = last.get() ?? summaryTail.get()
    const prev = tail?.hash ?? GENESIS
    const id = (tail?.id ?? 0) + 1
    const row = {
      id,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      detail_json: entry.detailJson
    }
    insert.run({ ...row, prev_hash: prev, hash: rowHash(prev, row) })
  }
  if (db.inTransaction) append()
  else db.transaction(append).immediate()
}

/** The detail of the latest merge of `mergedId` into `keepId` (what an unmerge must move back), or null. */
export function lastMergeDetail(db: Db, keepId: string, mergedId: string): string | null {
  const row = db
    .prepare<[string, string], { detail_json: string }>(
      `SELECT detail_json FROM audit_log WHERE action = 'merge' AND entity_id = ?
         AND json_extract(detail_json, '$.mergedId') = ? ORDER BY id DESC LIMIT 1`
    )
    .get(keepId, mergedId)
  return row?.detail_json ?? null
}

/** A signed roll-up of the head of the log (migration 006, written by the retention run). */
export interface AuditSummaryRow {
  from_id: number
  to_id: number
  from_at: string
  to_at: string
  rows: number
  counts_json: string
  last_hash: string
  signature: string
  created_at: string
}

/** Every summary, oldest first. */
export function auditSummaries(db: Db): AuditSummaryRow[] {
  return db.prepare<[], AuditSummaryRow>('SELECT * FROM audit_summaries ORDER BY to_id').all()
}

/** Every log row in order, one at a time (the log can be long). */
export function iterateAuditLog(db: Db): IterableIterator<AuditRow> {
  return db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').iterate()
}

/** Filters for `queryAuditLog`; each one given narrows the rows. */
export interface AuditFilter {
  /** Rows about the patient, its visits and card reads, and rows whose detail names it. */
  patientId?: string
  actor?: string
  /** Inclusive bounds compared with the stored ISO time as text. */
  from?: string
  to?: string
  limit: number
}

export function queryAuditLog(db: Db, f: AuditFilter): AuditRow[] {
  const where: string[] = []
  const params: Record<string, string | number> = { limit: f.limit }
  if (f.patientId) {
    params.patient = f.patientId
    where.push(`(
      (entity = 'patient' AND entity_id = @patient)
      OR (entity = 'visit' AND entity_id IN (SELECT id FROM visits WHERE patient_id = @patient))
      OR (entity = 'identity' AND entity_id IN (SELECT id FROM identity_reads WHERE patient_id = @patient))
      OR json_extract(detail_json, '$.patientId') = @patient
    )`)
  }
  if (f.actor) {
    params.user = f.actor
    where.push('actor = @user')
  }
  if (f.from) {
    params.from = f.from
    where.push('at >= @from')
  }
  if (f.to) {
    params.to = f.to
    where.push('at <= @to')
  }
  const sql = `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id LIMIT @limit`
  return db.prepare<Record<string, string | number>, AuditRow>(sql).all(params)
}

/** The contiguous head of the log written before `before`, with its last hash and its count per action. */
export interface AuditHead {
  from_id: number
  to_id: number
  from_at: string
  to_at: string
  rows: number
  last_hash: string | null
  counts: { action: string; n: number }[]
}

export function auditHeadBefore(db: Db, before: string): AuditHead | null {
  const head = db
    .prepare<[string], { to_id: number | null }>('SELECT max(id) AS to_id FROM audit_log WHERE at < ?')
    .get(before)!
  if (head.to_id === null) return null
  const span = db
    .prepare<[number], { from_id: number; to_id: number; from_at: string; to_at: string; rows: number }>(
      'SELECT min(id) AS from_id, max(id) AS to_id, min(at) AS from_at, max(at) AS to_at, count(*) AS rows FROM audit_log WHERE id <= ?'
    )
    .get(head.to_id)!
  const last = db
    .prepare<[number], { hash: string | null }>('SELECT hash FROM audit_log WHERE id = ?')
    .get(span.to_id)!
  const counts = db
    .prepare<[number], { action: string; n: number }>(
      'SELECT action, count(*) AS n FROM audit_log WHERE id <= ? GROUP BY action'
    )
    .all(span.to_id)
  return { ...span, last_hash: last.hash, counts }
}

export function insertAuditSummary(db: Db, s: AuditSummaryRow): void {
  db.prepare(
    `INSERT INTO audit_summaries (from_id, to_id, from_at, to_at, rows, counts_json, last_hash, signature, created_at)
     VALUES (@from_id, @to_id, @from_at, @to_at, @rows, @counts_json, @last_hash, @signature, @created_at)`
  ).run(s)
}

/** Deletes the log rows up to `toId` (after their summary is written); returns how many went. */
export function deleteAuditThrough(db: Db, toId: number): number {
  return db.prepare('DELETE FROM audit_log WHERE id <= ?').run(toId).changes
}
