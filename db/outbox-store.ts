import type { Db } from './connection'
import type { AppErrorValue } from '../contract/errors'
import type { MessageParams } from '../contract/messages'
import type { OutboxStatus, SyncTarget } from '../contract/status'
import { outboxStatuses, syncTargets } from '../contract/status'

/**
 * The outbox store, every SQL statement on the outbox table: enqueue, count, claim due rows, record outcomes,
 * put rows back for a person's resend. The worker that drives it is core/sync/worker/outbox-worker.ts.
 *
 * State machine (docs/architecture.md §5), as the worker uses it:
 *   pending ──claim──▶ sending ──▶ sent
 *      ▲                  │ ├─retryable─▶ pending (attempts+1, next_attempt_at in the future, last_error set)
 *      │                  │ │             or dead once attempts reach the bound
 *      │                  │ └─rejected──▶ failed (waits for a person: `queue retry`, the queue screen)
 *      └── crash recovery / stop: sending ▶ pending
 * A row waiting for its next retry stays 'pending' so 'failed' always means "a person must act".
 * Times are ISO 8601 UTC strings (toISOString), the format enqueue() writes, so text comparison orders them.
 */

export interface ClaimedRow {
  id: number
  visitId: string
  target: SyncTarget
  payloadJson: string
  idempotencyKey: string
  attempts: number
}

export interface ClaimOptions {
  now: Date
  limit: number
  targets: readonly SyncTarget[]
  /** A 'sending' row claimed longer ago than this is taken over (its worker is gone). */
  leaseMs: number
}

/**
 * Claims up to `limit` due rows in one short IMMEDIATE transaction (the write lock is taken before the read,
 * so two workers never claim the same row), marking them 'sending'. Oldest first.
 */
export function claimDue(db: Db, opts: ClaimOptions): ClaimedRow[] {
  if (opts.targets.length === 0 || opts.limit <= 0) return []
  const now = opts.now.toISOString()
  const staleBefore = new Date(opts.now.getTime() - opts.leaseMs).toISOString()
  const marks = opts.targets.map(() => '?').join(', ')
  type Row = {
    id: number
    visit_id: string
    target: SyncTarget
    payload_json: string
    idempotency_key: string
    attempts: number
  }
  const columns = 'id, visit_id, target, payload_json, idempotency_key, attempts'
  // Two queries, not one OR: each walks the (status, next_attempt_at) index in order and stops at LIMIT,
  // where the OR form sorts every pending row on each claim.
  const stale = db.prepare<unknown[], Row>(
    `SELECT ${columns} FROM outbox WHERE status = 'sending' AND claimed_at < ? AND target IN (${marks})
     ORDER BY id LIMIT ?`
  )
  const due = db.prepare<unknown[], Row>(
    `SELECT ${columns} FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND target IN (${marks})
     ORDER BY next_attempt_at, id LIMIT ?`
  )
  const mark = db.prepare(`UPDATE outbox SET status = 'sending', claimed_at = ?, updated_at = ? WHERE id = ?`)
  const run = db.transaction((): ClaimedRow[] => {
    const rows = stale.all(staleBefore, ...opts.targets, opts.limit)
    if (rows.length < opts.limit) rows.push(...due.all(now, ...opts.targets, opts.limit - rows.length))
    for (const r of rows) mark.run(now, now, r.id)
    return rows.map((r) => ({
      id: r.id,
      visitId: r.visit_id,
      target: r.target,
      payloadJson: r.payload_json,
      idempotencyKey: r.idempotency_key,
      attempts: r.attempts
    }))
  })
  return run.immediate()
}

/** What to write for one claimed row once its attempt is over. */
export type RowCompletion =
  | { id: number; kind: 'sent'; receipt: string; receiptIds?: readonly string[] }
  /** Try again at `nextAttemptAt`; `dead` when the attempt bound is reached. */
  | { id: number; kind: 'retry'; error: AppErrorValue; nextAttemptAt: Date; dead: boolean }
  | { id: number; kind: 'rejected'; error: AppErrorValue }
  /** The attempt never really happened (stopped before/while sending): back to pending, no attempt counted. */
  | { id: number; kind: 'release' }

/**
 * Records a group of outcomes in one transaction. Only rows still 'sending' are touched, so an outcome that
 * arrives after a person reset the row cannot overwrite their decision.
 */
export function completeRows(db: Db, completions: readonly RowCompletion[], now: Date): void {
  if (completions.length === 0) return
  const at = now.toISOString()
  const sent = db.prepare(
    `UPDATE outbox SET status = 'sent', attempts = attempts + 1, receipt = ?, receipt_ids_json = ?, claimed_at = NULL,
       last_error_code = NULL, last_error = NULL, updated_at = ? WHERE id = ? AND status = 'sending'`
  )
  const retry = db.prepare(
    `UPDATE outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, claimed_at = NULL,
       last_error_code = ?, last_error = ?, updated_at = ? WHERE id = ? AND status = 'sending'`
  )
  const rejected = db.prepare(
    `UPDATE outbox SET status = 'failed', attempts = attempts + 1, claimed_at = NULL,
       last_error_code = ?, last_error = ?, updated_at = ? WHERE id = ? AND status = 'sending'`
  )
  const release = db.prepare(
    `UPDATE outbox SET status = 'pending', claimed_at = NULL, updated_at = ? WHERE id = ? AND status = 'sending'`
  )
  db.transaction(() => {
    for (const c of completions) {
      switch (c.kind) {
        case 'sent':
          sent.run(c.receipt, c.receiptIds ? JSON.stringify(c.receiptIds) : null, at, c.id)
          break
        case 'retry':
          retry.run(
            c.dead ? 'dead' : 'pending',
            c.nextAttemptAt.toISOString(),
            c.error.code,
            storedError(c.error),
            at,
            c.id
          )
          break
        case 'rejected':
          rejected.run(c.error.code, storedError(c.error), at, c.id)
          break
        case 'release':
          release.run(at, c.id)
          break
      }
    }
  })()
}

/** Crash recovery at start-up: rows a killed worker left 'sending' go back to 'pending', due now. */
export function releaseAllSending(db: Db, now: Date): number {
  const at = now.toISOString()
  return db
    .prepare(
      `UPDATE outbox SET status = 'pending', claimed_at = NULL, next_attempt_at = min(next_attempt_at, ?),
         updated_at = ? WHERE status = 'sending'`
    )
    .run(at, at).changes
}

/**
 * A person's resend: a failed or dead row goes back to 'pending', due now, with a fresh attempt budget.
 * Returns false when the row does not exist or is not failed/dead.
 */
export function requeueRow(db: Db, id: number, now: Date): boolean {
  const at = now.toISOString()
  return (
    db
      .prepare(
        `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, claimed_at = NULL,
           updated_at = ? WHERE id = ? AND status IN ('failed', 'dead')`
      )
      .run(at, at, id).changes === 1
  )
}

/** Every failed/dead row back to pending (after IT fixed a configuration that killed a night's rows). */
export function requeueAll(db: Db, statuses: readonly ('failed' | 'dead')[], now: Date): number {
  if (statuses.length === 0) return 0
  const at = now.toISOString()
  const marks = statuses.map(() => '?').join(', ')
  return db
    .prepare(
      `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, claimed_at = NULL,
         updated_at = ? WHERE status IN (${marks})`
    )
    .run(at, at, ...statuses).changes
}

export interface OutboxListRow {
  id: number
  visitId: string
  target: SyncTarget
  status: OutboxStatus
  attempts: number
  nextAttemptAt: string
  lastErrorCode: string | null
  /** The Vietnamese message the clerk sees. */
  lastError: string | null
  /** Its catalogue key and params, so a screen in English can show it in English (null for rows stored before). */
  lastErrorRef: { key: string; params?: MessageParams } | null
  receipt: string | null
  /** Every identifier the receipt named (FHIR resource ids, XML transaction codes, file names). */
  receiptIds: string[]
  updatedAt: string
}

/**
 * last_error holds the clerk's text; with a catalogue key it is a small JSON `{key, params, message}` instead,
 * so the text can be shown in either language later. Rows written before stay plain text.
 */
function storedError(e: AppErrorValue): string {
  return e.key ? JSON.stringify({ key: e.key, params: e.params, message: e.message }) : e.message
}

function readStoredError(text: string | null): Pick<OutboxListRow, 'lastError' | 'lastErrorRef'> {
  if (text === null || !text.startsWith('{"key":')) return { lastError: text, lastErrorRef: null }
  try {
    const v = JSON.parse(text) as { key: string; params?: MessageParams; message: string }
    return {
      lastError: v.message,
      lastErrorRef: v.params ? { key: v.key, params: v.params } : { key: v.key }
    }
  } catch {
    return { lastError: text, lastErrorRef: null }
  }
}

export function listRows(
  db: Db,
  filter: { status?: OutboxStatus; target?: SyncTarget; limit: number }
): OutboxListRow[] {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.status) {
    where.push('status = ?')
    params.push(filter.status)
  }
  if (filter.target) {
    where.push('target = ?')
    params.push(filter.target)
  }
  const sql = `SELECT id, visit_id, target, status, attempts, next_attempt_at, last_error_code, last_error, receipt,
      receipt_ids_json, updated_at FROM outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`
  return db
    .prepare<
      unknown[],
      {
        id: number
        visit_id: string
        target: SyncTarget
        status: OutboxStatus
        attempts: number
        next_attempt_at: string
        last_error_code: string | null
        last_error: string | null
        receipt: string | null
        receipt_ids_json: string | null
        updated_at: string
      }
    >(sql)
    .all(...params, filter.limit)
    .map((r) => ({
      id: r.id,
      visitId: r.visit_id,
      target: r.target,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      lastErrorCode: r.last_error_code,
      ...readStoredError(r.last_error),
      receipt: r.receipt,
      receiptIds: r.receipt_ids_json ? (JSON.parse(r.receipt_ids_json) as string[]) : [],
      updatedAt: r.updated_at
    }))
}

/** The submission snapshot of one row (for a person-facing view that shows the patient's name). */
export function rowPayload(db: Db, id: number): unknown {
  const row = db
    .prepare<[number], { payload_json: string }>('SELECT payload_json FROM outbox WHERE id = ?')
    .get(id)
  return row ? (JSON.parse(row.payload_json) as unknown) : null
}

/** Rows the worker will still send on its own: pending (new or retrying) and sending. */
export function countWaiting(db: Db, targets: readonly SyncTarget[]): number {
  if (targets.length === 0) return 0
  const marks = targets.map(() => '?').join(', ')
  const row = db
    .prepare<unknown[], { n: number }>(
      `SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending') AND target IN (${marks})`
    )
    .get(...targets)
  return row?.n ?? 0
}

/** When the earliest pending row falls due, or null when nothing waits. */
export function nextDueAt(db: Db, targets: readonly SyncTarget[]): Date | null {
  if (targets.length === 0) return null
  const marks = targets.map(() => '?').join(', ')
  const row = db
    .prepare<unknown[], { at: string | null }>(
      `SELECT min(next_attempt_at) AS at FROM outbox WHERE status = 'pending' AND target IN (${marks})`
    )
    .get(...targets)
  return row?.at ? new Date(row.at) : null
}

/** "Send now": rows waiting for a later retry become due at once (a person asked, the network is back). */
export function makeDueNow(db: Db, targets: readonly SyncTarget[], now: Date): number {
  if (targets.length === 0) return 0
  const at = now.toISOString()
  const marks = targets.map(() => '?').join(', ')
  return db
    .prepare(
      `UPDATE outbox SET next_attempt_at = ?, updated_at = ?
       WHERE status = 'pending' AND next_attempt_at > ? AND target IN (${marks})`
    )
    .run(at, at, at, ...targets).changes
}

/** `<visit>:<target>` → `<visit>:<target>:r2` → `…:r3`: the key of the next content revision of a row. */
export function nextRevisionKey(key: string): string {
  const m = /^(.*):r(\d+)$/.exec(key)
  return m ? `${m[1]}:r${Number(m[2]) + 1}` : `${key}:r2`
}

/**
 * A person corrected a refused (or dead) record: the row gets the new snapshot under a new revision of its
 * idempotency key and goes back to pending. The key must change with the content: a receiver that caches
 * keys (Idempotency-Key semantics) refuses a known key with a different body. Records are still deduplicated
 * by their identifiers (visit id, ID number), so the new key cannot make a duplicate. Returns the new key, or
 * null when the row is not failed/dead.
 */
export function resubmitCorrected(
  db: Db,
  id: number,
  payload: { idempotencyKey: string } & Record<string, unknown>,
  now: Date
): string | null {
  const at = now.toISOString()
  return db.transaction((): string | null => {
    const row = db
      .prepare<[number], { idempotency_key: string }>(
        `SELECT idempotency_key FROM outbox WHERE id = ? AND status IN ('failed', 'dead')`
      )
      .get(id)
    if (!row) return null
    const key = nextRevisionKey(row.idempotency_key)
    db.prepare(
      `UPDATE outbox SET payload_json = ?, idempotency_key = ?, status = 'pending', attempts = 0,
         next_attempt_at = ?, claimed_at = NULL, updated_at = ? WHERE id = ?`
    ).run(JSON.stringify({ ...payload, idempotencyKey: key }), key, at, at, id)
    return key
  })()
}

export type StatusCounts = Record<OutboxStatus, number>

/** Queues one submission for one target. Called inside the registration transaction. */
export function enqueue(
  db: Db,
  row: { visitId: string; target: SyncTarget; payload: unknown; idempotencyKey: string; at: string }
): number {
  const info = db
    .prepare(
      `INSERT INTO outbox (visit_id, target, payload_json, idempotency_key, status, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`
    )
    .run(row.visitId, row.target, JSON.stringify(row.payload), row.idempotencyKey, row.at, row.at, row.at)
  return Number(info.lastInsertRowid)
}

const zero = (): StatusCounts => ({ pending: 0, sending: 0, sent: 0, failed: 0, dead: 0 })

export function countByTargetAndStatus(db: Db): {
  total: StatusCounts
  byTarget: Record<SyncTarget, StatusCounts>
} {
  const total = zero()
  const byTarget = Object.fromEntries(syncTargets.map((t) => [t, zero()])) as Record<SyncTarget, StatusCounts>
  const rows = db
    .prepare<[], { target: SyncTarget; status: OutboxStatus; n: number }>(
      'SELECT target, status, count(*) AS n FROM outbox GROUP BY target, status'
    )
    .all()
  for (const r of rows) {
    if (!outboxStatuses.includes(r.status) || !syncTargets.includes(r.target)) continue
    byTarget[r.target][r.status] += r.n
    total[r.status] += r.n
  }
  return { total, byTarget }
}

/** A patient's submissions a target refused or gave up on, for re-queueing after a correction. */
export function refusedSubmissionsOf(db: Db, patientId: string): { id: number; payloadJson: string }[] {
  return db
    .prepare<[string], { id: number; payload_json: string }>(
      `SELECT o.id, o.payload_json FROM outbox o JOIN visits v ON v.id = o.visit_id
       WHERE v.patient_id = ? AND o.status IN ('failed', 'dead')`
    )
    .all(patientId)
    .map((r) => ({ id: r.id, payloadJson: r.payload_json }))
}
