import { createHmac } from 'node:crypto'
import type { Db } from '../../db/connection'
import { getSetting } from '../../db/settings'
import { auditHeadBefore, deleteAuditThrough, insertAuditSummary } from '../../db/audit'
import { secureDeleteOn, truncateWal } from '../../db/maintenance'
import { clearSentPayloadsBefore, deleteUnlinkedReadsBefore } from '../../db/retention'
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
  secureDeleteOn(db)
  const result = db.transaction((): RetentionResult => {
    const reads = deleteUnlinkedReadsBefore(db, cutoff(now, retentionDays(db, 'unlinkedReads')))
    const payloads = clearSentPayloadsBefore(db, cutoff(now, retentionDays(db, 'sentPayloads')))
    const audit = summariseAudit(db, cutoff(now, retentionDays(db, 'auditLog')), summaryKey(dbKey), at)
    const r = { unlinkedReadsDeleted: reads, payloadsCleared: payloads, auditRowsSummarised: audit }
    writeAudit(db, at, { actor, action: 'retention', entity: 'database', entityId: null, detail: { ...r } })
    return r
  })()
  truncateWal(db)
  return result
}

function summariseAudit(db: Db, before: string, key: Buffer, at: string): number {
  // Only a contiguous head of the log is rolled up, so the rest still chains to the summary's last hash.
  const head = auditHeadBefore(db, before)
  if (!head) return 0
  const summary = {
    from_id: head.from_id,
    to_id: head.to_id,
    rows: head.rows,
    last_hash: head.last_hash ?? '',
    counts_json: JSON.stringify(Object.fromEntries(head.counts.map((c) => [c.action, c.n])))
  }
  insertAuditSummary(db, {
    ...summary,
    from_at: head.from_at,
    to_at: head.to_at,
    signature: signSummary(key, summary),
    created_at: at
  })
  return deleteAuditThrough(db, head.to_id)
}
