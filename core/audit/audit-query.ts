import type { Db } from '../../db/connection'
import { auditSummaries, iterateAuditLog, queryAuditLog } from '../../db/audit'
import { GENESIS, rowHash } from './audit-log'
import { signSummary, summaryKey } from '../privacy/retention'

export interface VerifyResult {
  ok: boolean
  rows: number
  /** Rows written before the chain existed (migration 006): counted, not verifiable. */
  unchained: number
  /** The first row whose hash or link does not match: an edit there, or a deletion just before it. */
  brokenAt: number | null
  reason: 'hash' | 'link' | 'unchained-after-chain' | 'summary' | null
  /** The newest row's hash: note it down (or print it in a report) to detect a cut-off tail later. */
  head: string | null
  /** Rows rolled into signed summaries by the retention run (their signatures checked when the key is given). */
  summarised: number
}

/** Walks the whole log in order and recomputes every link. */
export function verifyAuditChain(db: Db, dbKey?: Buffer): VerifyResult {
  const summaries = auditSummaries(db)
  const key = dbKey ? summaryKey(dbKey) : null
  for (const s of summaries) {
    if (key && signSummary(key, s) !== s.signature) {
      return {
        ok: false,
        rows: 0,
        unchained: 0,
        brokenAt: s.to_id,
        reason: 'summary',
        head: null,
        summarised: 0
      }
    }
  }
  const lastSummary = summaries.at(-1)
  // After a roll-up the log starts where the newest summary ends.
  let prev: string | null = lastSummary ? lastSummary.last_hash : null
  const summarised = summaries.reduce((n, s) => n + s.rows, 0)
  let rows = 0
  let unchained = 0
  const fail = (id: number, reason: VerifyResult['reason']): VerifyResult => ({
    ok: false,
    rows,
    unchained,
    brokenAt: id,
    reason,
    head: prev,
    summarised
  })
  for (const r of iterateAuditLog(db)) {
    rows++
    if (r.hash === null) {
      if (prev !== null) return fail(r.id, 'unchained-after-chain')
      unchained++
      continue
    }
    const expectedPrev = prev ?? GENESIS
    if (r.prev_hash !== expectedPrev) return fail(r.id, 'link')
    if (rowHash(expectedPrev, r) !== r.hash) return fail(r.id, 'hash')
    prev = r.hash
  }
  return { ok: true, rows, unchained, brokenAt: null, reason: null, head: prev, summarised }
}

export interface AuditQuery {
  patientId?: string
  user?: string
  from?: string
  to?: string
  limit?: number
}

export interface AuditListItem {
  id: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string | null
  detail: Record<string, unknown> | null
}

/**
 * "Who looked at this patient": rows about the patient itself, its visits and the reads linked to it, and rows
 * whose detail names it (a search that returned it is not logged per result: searches log their kind and count).
 */
export function listAudit(db: Db, q: AuditQuery): AuditListItem[] {
  // A bare date as the end includes the whole day.
  const to = q.to && /^\d{4}-\d{2}-\d{2}$/.test(q.to) ? `${q.to}T99` : q.to
  return queryAuditLog(db, {
    patientId: q.patientId,
    actor: q.user,
    from: q.from,
    to,
    limit: q.limit ?? 10_000
  }).map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail_json ? (JSON.parse(r.detail_json) as Record<string, unknown>) : null
  }))
}
