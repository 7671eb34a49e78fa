import type { Db } from '../../../db/connection'
import {
  claimDue,
  completeRows,
  countWaiting,
  nextDueAt,
  releaseAllSending,
  type ClaimedRow,
  type RowCompletion
} from '../../../db/outbox-store'
import { AppError } from '../../../contract/errors'
import { syncTargets, type SyncTarget } from '../../../contract/status'
import { submissionSchema, type Submission } from '../../../contract/submission'
import { type Clock, systemClock } from '../../clock'
import type { Connector, SendOutcome } from '../connectors/types'
import { defaultRetryPolicy, isExhausted, retryDelayMs, type RetryPolicy } from './backoff'
import { abortableSleep } from './sleep'

/** Counts of one flush so far, for the queue screen and the status bar. Never any record content. */
export interface FlushProgress {
  /** Rows taken from the queue in this flush. */
  claimed: number
  sent: number
  /** Failed for a passing reason; back in the queue with a later attempt time. */
  retrying: number
  /** Refused by the target: waits for a person to fix and resend. */
  failed: number
  /** Gave up after the attempt bound. */
  dead: number
  /** Rows handed to a connector whose outcome is not recorded yet. */
  inFlight: number
}

export interface FlushResult {
  sent: number
  failed: number
  dead: number
  retrying: number
  /** Rows the worker will still send on its own (pending, including retries not yet due). */
  remaining: number
  /** True when the flush ended because it was told to stop (window end, quit), not because the queue was done. */
  stopped: boolean
  /** Targets asked for that have no endpoint configured: their rows stay queued. */
  unconfigured: SyncTarget[]
  startedAt: string
  finishedAt: string
}

export interface FlushOptions {
  /** Default: every target that has a connector. */
  targets?: readonly SyncTarget[]
  /** Stop claiming; rows already handed to a connector finish and their outcomes are recorded. */
  signal?: AbortSignal
  /** Cancels requests in flight (app quitting); their rows go back to pending without counting an attempt. */
  inFlightSignal?: AbortSignal
  /** Claim at most this many rows (the small periodic retry of send-when-online). */
  maxRows?: number
  /** Keep the flush alive, sleeping until retries fall due, as long as they fall due before this time. */
  waitForRetriesUntil?: Date
}

export interface OutboxWorkerOptions {
  db: Db
  connectors: Partial<Record<SyncTarget, Connector>>
  clock?: Clock
  /** [0, 1) source for jitter; injected by tests. */
  random?: () => number
  retry?: RetryPolicy
  /** Exchanges in flight at once, across targets. Default 4 (the HTTP client's sockets per target). */
  concurrency?: number
  /** Submissions per sendBatch. Default 20. */
  batchSize?: number
  /** A 'sending' row older than this belongs to a dead worker and is taken over. Default 10 min. */
  leaseMs?: number
  /** Used when a snapshot was saved before the facility code was configured (the sender's identity, not patient data). */
  facility?: { code: string | null; name: string | null }
  onProgress?: (p: FlushProgress) => void
  /** Runs over each claimed batch before the connector sees it (the BHYT recheck, docs/adr/0023). */
  beforeSend?: (subs: Submission[]) => Promise<Submission[]>
}

export interface OutboxWorker {
  /** Start-up crash recovery: rows left 'sending' by a killed process go back to pending. Returns how many. */
  recover(): number
  flush(options?: FlushOptions): Promise<FlushResult>
  readonly running: boolean
}

const CORRUPT_PAYLOAD = AppError.of('VALIDATION', 'error.queue.corruptPayload')
  .withDetail('queued submission snapshot does not match the contract')
  .toValue()

const CONNECTOR_CRASHED = AppError.of('INTERNAL', 'error.queue.connectorCrashed')
  .withDetail('connector threw instead of returning an outcome')
  .toValue()

/**
 * The outbox worker: claims due rows, sends them through the target's connector with bounded concurrency
 * (in batches where the connector takes them), and records each outcome in a transaction. A crash at any
 * point leaves at most 'sending' rows, which recover() or the lease returns to the queue; resending is
 * harmless because every receiver dedups on the idempotency key. It never logs anything.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, connectors } = options
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  const policy = options.retry ?? defaultRetryPolicy
  const concurrency = Math.max(1, options.concurrency ?? 4)
  const batchSize = Math.max(1, options.batchSize ?? 20)
  const leaseMs = options.leaseMs ?? 10 * 60_000
  let running = false

  function parse(row: ClaimedRow): Submission | null {
    let raw: unknown
    try {
      raw = JSON.parse(row.payloadJson)
    } catch {
      return null
    }
    const parsed = submissionSchema.safeParse(raw)
    if (!parsed.success) return null
    const sub = parsed.data
    if (!sub.facility.code && options.facility?.code) {
      return {
        ...sub,
        facility: { code: options.facility.code, name: sub.facility.name ?? options.facility.name }
      }
    }
    return sub
  }

  async function deliver(
    connector: Connector,
    subs: Submission[],
    signal: AbortSignal | undefined
  ): Promise<SendOutcome[]> {
    const ctx = { now: () => clock().getTime(), ...(signal ? { signal } : {}) }
    try {
      if (subs.length > 1 && connector.sendBatch) {
        const outcomes = await connector.sendBatch(subs, ctx)
        if (outcomes.length === subs.length) return outcomes
        return subs.map(() => ({ kind: 'retryable', error: { ...CONNECTOR_CRASHED } }) as SendOutcome)
      }
      const outcomes: SendOutcome[] = []
      for (const sub of subs) outcomes.push(await connector.send(sub, ctx))
      return outcomes
    } catch {
      return subs.map(() => ({ kind: 'retryable', error: { ...CONNECTOR_CRASHED } }) as SendOutcome)
    }
  }

  function completion(row: ClaimedRow, outcome: SendOutcome, stopped: boolean): RowCompletion {
    if (outcome.kind === 'sent') {
      return {
        id: row.id,
        kind: 'sent',
        receipt: outcome.receipt,
        ...(outcome.ids ? { receiptIds: outcome.ids } : {})
      }
    }
    if (outcome.kind === 'rejected') return { id: row.id, kind: 'rejected', error: outcome.error }
    // Cut short by a stop we asked for: not the target's fault, so no attempt is counted.
    if (stopped) return { id: row.id, kind: 'release' }
    const failedAttempts = row.attempts + 1
    const delay = retryDelayMs(policy, failedAttempts, random, outcome.retryAfterMs)
    return {
      id: row.id,
      kind: 'retry',
      error: outcome.error,
      nextAttemptAt: new Date(clock().getTime() + delay),
      dead: isExhausted(policy, failedAttempts)
    }
  }

  /** The beforeSend step's snapshots, or the queued ones when it fails: a step never holds a record back. */
  async function prepared(subs: Submission[]): Promise<Submission[]> {
    if (!options.beforeSend) return subs
    try {
      const out = await options.beforeSend(subs)
      return out.length === subs.length ? out : subs
    } catch {
      return subs
    }
  }

  async function flush(opts: FlushOptions = {}): Promise<FlushResult> {
    if (running) {
      throw AppError.of('CONFLICT', 'error.queue.flushRunning')
    }
    running = true
    const startedAt = clock().toISOString()
    const asked = opts.targets ?? syncTargets
    const targets = asked.filter((t) => connectors[t])
    const unconfigured = asked.filter((t) => !connectors[t])
    const progress: FlushProgress = { claimed: 0, sent: 0, retrying: 0, failed: 0, dead: 0, inFlight: 0 }
    const emit = (): void => options.onProgress?.({ ...progress })
    const signal = opts.signal
    const stopped = (): boolean => signal?.aborted === true
    const quota = opts.maxRows ?? Number.POSITIVE_INFINITY
    const sendSignal = opts.inFlightSignal

    async function sendGroup(target: SyncTarget, rows: ClaimedRow[]): Promise<void> {
      const connector = connectors[target]!
      const completions: RowCompletion[] = []
      const good: { row: ClaimedRow; sub: Submission }[] = []
      for (const row of rows) {
        const sub = parse(row)
        if (sub) good.push({ row, sub })
        else completions.push({ id: row.id, kind: 'rejected', error: { ...CORRUPT_PAYLOAD } })
      }
      if (good.length > 0) {
        const outcomes = await deliver(connector, await prepared(good.map((g) => g.sub)), sendSignal)
        const cutShort = sendSignal?.aborted === true
        good.forEach((g, i) => completions.push(completion(g.row, outcomes[i]!, cutShort)))
      }
      completeRows(db, completions, clock())
      for (const c of completions) {
        if (c.kind === 'sent') progress.sent += 1
        else if (c.kind === 'rejected') progress.failed += 1
        else if (c.kind === 'retry') {
          if (c.dead) progress.dead += 1
          else progress.retrying += 1
        }
      }
      progress.inFlight -= rows.length
      emit()
    }

    let failure: { error: unknown } | null = null
    try {
      const active = new Set<Promise<void>>()
      let turn = 0
      let exhausted = new Set<SyncTarget>()
      for (;;) {
        while (active.size < concurrency && !stopped() && !failure && progress.claimed < quota) {
          const open = targets.filter((t) => !exhausted.has(t))
          if (open.length === 0) break
          const target = open[turn++ % open.length]!
          const perExchange = connectors[target]!.sendBatch ? batchSize : 1
          const rows = claimDue(db, {
            now: clock(),
            limit: Math.min(perExchange, quota - progress.claimed),
            targets: [target],
            leaseMs
          })
          if (rows.length === 0) {
            exhausted.add(target)
            continue
          }
          progress.claimed += rows.length
          progress.inFlight += rows.length
          emit()
          // A failed write (disk full) stops the flush; its rows stay 'sending' for recovery.
          const task: Promise<void> = sendGroup(target, rows)
            .catch((error: unknown) => {
              failure ??= { error }
            })
            .finally(() => active.delete(task))
          active.add(task)
        }
        if (active.size > 0) {
          await Promise.race(active)
          exhausted = new Set()
          continue
        }
        if (failure || stopped() || progress.claimed >= quota || !opts.waitForRetriesUntil) break
        // Nothing due now: wait for the next retry if it falls due before the deadline.
        const due = nextDueAt(db, targets)
        const until = opts.waitForRetriesUntil.getTime()
        if (!due || due.getTime() >= until) break
        await abortableSleep(Math.max(0, due.getTime() - clock().getTime()) + 5, signal)
        exhausted = new Set()
      }
    } finally {
      running = false
    }
    if (failure) throw (failure as { error: unknown }).error
    return {
      sent: progress.sent,
      failed: progress.failed,
      dead: progress.dead,
      retrying: progress.retrying,
      remaining: countWaiting(db, asked),
      stopped: stopped(),
      unconfigured,
      startedAt,
      finishedAt: clock().toISOString()
    }
  }

  return {
    recover: () => releaseAllSending(db, clock()),
    flush,
    get running() {
      return running
    }
  }
}
