import type { Db } from '../../../db/connection'
import {
  listRows,
  requeueAll,
  requeueRow,
  resubmitCorrected,
  rowPayload,
  type OutboxListRow
} from '../../../db/outbox-store'
import type { OutboxStatus, SyncTarget } from '../../../contract/status'
import type { Submission } from '../../../contract/submission'

/** One queued record as the queue screen shows it. `patientName` only when asked for (never in JSON/logs). */
export interface QueueItem extends Omit<OutboxListRow, 'receipt' | 'receiptIds' | 'updatedAt'> {
  patientId: string | null
  patientName: string | null
}

function patientIdOf(payload: unknown): string | null {
  const id = (payload as { patient?: { id?: unknown } } | null)?.patient?.id
  return typeof id === 'string' ? id : null
}

function patientName(payload: unknown): string | null {
  const name = (payload as { patient?: { form?: { fullName?: unknown } } } | null)?.patient?.form?.fullName
  return typeof name === 'string' ? name : null
}

export function listQueue(
  db: Db,
  filter: { status?: OutboxStatus; target?: SyncTarget; limit?: number } = {},
  options: { withNames?: boolean } = {}
): QueueItem[] {
  return listRows(db, { ...filter, limit: filter.limit ?? 200 }).map((r) => ({
    id: r.id,
    visitId: r.visitId,
    target: r.target,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    lastErrorCode: r.lastErrorCode,
    lastError: r.lastError,
    lastErrorRef: r.lastErrorRef,
    ...(options.withNames
      ? (() => {
          const payload = rowPayload(db, r.id)
          return { patientId: patientIdOf(payload), patientName: patientName(payload) }
        })()
      : { patientId: null, patientName: null })
  }))
}

/** A person's resend: failed/dead rows by id, or every failed and/or dead row. */
export function retryQueued(
  db: Db,
  request: { ids?: readonly number[]; allFailed?: boolean; allDead?: boolean },
  now: Date
): { requeued: number; notRequeued: number[] } {
  const ids = request.ids ?? []
  const notRequeued = ids.filter((id) => !requeueRow(db, id, now))
  const bulk = [
    ...(request.allFailed ? (['failed'] as const) : []),
    ...(request.allDead ? (['dead'] as const) : [])
  ]
  return { requeued: ids.length - notRequeued.length + requeueAll(db, bulk, now), notRequeued }
}

/**
 * After the clerk fixed a refused record: queue the corrected snapshot (built as at registration) in place of
 * the old one, under a new revision of the idempotency key. Returns the new key, or null if the row is not
 * failed/dead.
 */
export function resubmitCorrectedSubmission(
  db: Db,
  id: number,
  submission: Submission,
  now: Date
): string | null {
  return resubmitCorrected(db, id, submission, now)
}
