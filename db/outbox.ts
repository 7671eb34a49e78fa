import type { Db } from './connection'
import type { OutboxStatus, SyncTarget } from '../contract/status'
import { outboxStatuses, syncTargets } from '../contract/status'

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
