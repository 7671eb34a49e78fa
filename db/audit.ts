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
