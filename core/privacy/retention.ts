import { createHmac } from 'node:crypto'
import type { Db } from '../../db/connection'
import { getSetting } from '../../db/settings'
import { writeAudit } from '../audit/audit-log'

/**
 * How long each kind of data is kept (days) and what happens after. Defaults here; a setting
 * `retention.<kind>` (days) overrides one. Medical records themselves (patients, visits, consents) follow the
 * medical-record rules (at least 10 years) and are never deleted by this run: see privacy erase.
 */
export const RETENTION_DEFAULTS = {
  /** A card read that never became a registration: nothing needs it. */
  unlinkedReads: 30,
  /** The frozen body of a submission the target accepted: the receipt row stays, the payload goes. */
  sentPayloads: 90,
  /** The access log: at least 12 months, then rolled into a signed summary. */
  auditLog: 365,
  /** Medical records: never by this run (shown for the inventory). */
  medicalRecord: 3650
} as const
export type RetentionKind = keyof typeof RETENTION_DEFAULTS

export function retentionDays(db: Db, kind: RetentionKind): number {
  const set = getSetting<number>(db, `retention.${kind}`)
  // The access log may never be kept for less than 12 months, whatever the setting says.
  if (kind === 'auditLog') return Math.max(365, set ?? RETENTION_DEFAULTS.auditLog)
  return set ?? RETENTION_DEFAULTS[kind]
}

export interface RetentionResult {
  unlinkedReadsDeleted: number
  payloadsCleared: number
  auditRowsSummarised: number
}

const cutoff = (now: Date, days: number): string => new Date(now.getTime() - days * 86_400_000).toISOString()

/** The key that signs audit summaries: derived from the database key, so only the holder of the key can forge one. */
export function summaryKey(dbKey: Buffer): Buffer {
  return createHmac('sha256', dbKey).update('reception audit summary v1').digest()
}

export function signSummary(
  key: Buffer,
  s: { from_id: number; to_id: number; rows: number; last_hash: string; counts_json: string }
): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([s.from_id, s.to_id, s.rows, s.last_hash, s.counts_json]))
    .digest('hex')
}

/**
 * Deletes what has outlived its purpose, for real: secure_delete overwrites the freed pages, a checkpoint clears
 * the WAL copies, and the run itself is an audit row. Touches nothing else.
 */
export function runRetention(db: Db, now: Date, dbKey: Buffer, actor: string): RetentionResult {
  const at = now.toISOString()
  db.pragma('secure_delete = ON')
  const result = db.transaction((): RetentionResult => {
    const reads = db
      .prepare('DELETE FROM identity_reads WHERE patient_id IS NULL AND read_at < ?')
      .run(cutoff(now, retentionDays(db, 'unlinkedReads'))).changes
    const payloads = db
      .prepare(
        `UPDATE outbox SET payload_json = '{}' WHERE status = 'sent' AND updated_at < ? AND payload_json <> '{}'`
      )
      .run(cutoff(now, retentionDays(db, 'sentPayloads'))).changes
    const audit = summariseAudit(db, cutoff(now, retentionDays(db, 'auditLog')), summaryKey(dbKey), at)
    const r = { unlinkedReadsDeleted: reads, payloadsCleared: payloads, auditRowsSummarised: audit }
    writeAudit(db, at, { actor, action: 'retention', entity: 'database', entityId: null, detail: { ...r } })
    return r
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  return result
}

function summariseAudit(db: Db, before: string, key: Buffer, at: string): number {
  const head = db
    .prepare<[string], { to_id: number | null }>('SELECT max(id) AS to_id FROM audit_log WHERE at < ?')
    .get(before)!
  if (head.to_id === null) return 0
  const span = db
    .prepare<[number], { from_id: number; to_id: number; from_at: string; to_at: string; rows: number }>(
      'SELECT min(id) AS from_id, max(id) AS to_id, min(at) AS from_at, max(at) AS to_at, count(*) AS rows FROM audit_log WHERE id <= ?'
    )
    .get(head.to_id)!
  // Only a contiguous head of the log is rolled up, so the rest still chains to the summary's last hash.
  const last = db
    .prepare<[number], { hash: string | null }>('SELECT hash FROM audit_log WHERE id = ?')
    .get(span.to_id)!
  const counts = db
    .prepare<[number], { action: string; n: number }>(
      'SELECT action, count(*) AS n FROM audit_log WHERE id <= ? GROUP BY action'
    )
    .all(span.to_id)
  const summary = {
    from_id: span.from_id,
    to_id: span.to_id,
    rows: span.rows,
    last_hash: last.hash ?? '',
    counts_json: JSON.stringify(Object.fromEntries(counts.map((c) => [c.action, c.n])))
  }
  db.prepare(
    `INSERT INTO audit_summaries (from_id, to_id, from_at, to_at, rows, counts_json, last_hash, signature, created_at)
     VALUES (@from_id, @to_id, @from_at, @to_at, @rows, @counts_json, @last_hash, @signature, @created_at)`
  ).run({
    ...summary,
    from_at: span.from_at,
    to_at: span.to_at,
    signature: signSummary(key, summary),
    created_at: at
  })
  return db.prepare('DELETE FROM audit_log WHERE id <= ?').run(span.to_id).changes
}
