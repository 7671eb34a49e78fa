import { createHash } from 'node:crypto'
import type { Db } from '../../db/connection'

export type AuditAction =
  | 'read'
  | 'view'
  | 'create'
  | 'update'
  | 'merge'
  | 'export'
  | 'submit'
  | 'search'
  | 'list'
  | 'config'
  | 'consent'
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'lock'
  | 'unlock'
  | 'unlock-failed'
  | 'denied'
  | 'user'
  | 'retention'
  | 'privacy'

export interface AuditEntry {
  actor: string
  action: AuditAction
  entity: string
  entityId: string | null
  /** Never personal data: ids, counts, field names, the kind of a search (not its text). */
  detail?: Record<string, unknown>
}

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
 * Appends to audit_log (kept at least 12 months, then rolled into a signed summary: docs/adr/0020). Each row
 * holds the hash of the one before, so `reception audit verify` finds an edited or deleted row. Call inside the
 * caller's transaction: the row is written with the action or not at all. IMMEDIATE when alone, so two processes
 * (app and CLI) never link two rows to the same predecessor.
 */
export function writeAudit(db: Db, at: string, entry: AuditEntry): void {
  let st = statements.get(db)
  if (!st) statements.set(db, (st = prepare(db)))
  const { last, summaryTail, insert } = st
  const append = (): void => {
    const tail = last.get() ?? summaryTail.get()
    const prev = tail?.hash ?? GENESIS
    const id = (tail?.id ?? 0) + 1
    const row = {
      id,
      at,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      detail_json: entry.detail ? JSON.stringify(entry.detail) : null
    }
    insert.run({ ...row, prev_hash: prev, hash: rowHash(prev, row) })
  }
  if (db.inTransaction) append()
  else db.transaction(append).immediate()
}
