import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { claimDue, requeueRow } from '../../../db/outbox-store'
import { retryDelayMs, type RetryPolicy } from '../../../core/sync/worker/backoff'
import { createOutboxWorker, type FlushProgress } from '../../../core/sync/worker/outbox-worker'
import { fakeConnector, queueWith, refused, sent, unavailable } from './fakes'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function setup(n: number) {
  const q = queueWith(n)
  cleanups.push(q.cleanup)
  return q
}

const policy: RetryPolicy = { baseMs: 1_000, capMs: 8_000, maxAttempts: 4 }

describe('outbox worker', () => {
  it('sends every due row once, records the receipt, and reports counts without record content', async () => {
    const q = setup(30)
    const his = fakeConnector('his', sent)
    const emch = fakeConnector('emch', sent, { batch: false })
    const progress: FlushProgress[] = []
    const worker = createOutboxWorker({
      db: q.db,
      connectors: { his, emch },
      clock: q.clock,
      batchSize: 7,
      onProgress: (p) => progress.push(p)
    })
    const result = await worker.flush()
    expect(result).toMatchObject({ sent: 60, failed: 0, dead: 0, retrying: 0, remaining: 0, stopped: false })
    expect(q.statuses()).toEqual({ sent: 60 })
    const row = q.db
      .prepare<[], { visit_id: string; receipt: string }>(
        "SELECT visit_id, receipt FROM outbox WHERE target = 'his' LIMIT 1"
      )
      .get()!
    expect(row.receipt).toBe(`Encounter/${row.visit_id}`)
    // Batches where the connector takes them (7 at most), one at a time where it does not.
    expect(his.exchanges.every((e) => e.length <= 7)).toBe(true)
    expect(his.exchanges.flat()).toHaveLength(30)
    expect(emch.exchanges.every((e) => e.length === 1)).toBe(true)
    expect(new Set(his.exchanges.flat()).size).toBe(30)
    expect(progress.at(-1)).toMatchObject({ claimed: 60, sent: 60, inFlight: 0 })
    expect(JSON.stringify(progress)).not.toContain('Nguyễn')
    // A second flush finds nothing to do.
    expect((await worker.flush()).sent).toBe(0)
  })

  it('keeps at most `concurrency` exchanges in flight', async () => {
    const q = setup(40)
    const shared = { inFlight: 0, max: 0 }
    const his = fakeConnector('his', sent, { delayMs: 5, shared })
    const emch = fakeConnector('emch', sent, { delayMs: 5, shared })
    await createOutboxWorker({
      db: q.db,
      connectors: { his, emch },
      clock: q.clock,
      concurrency: 3,
      batchSize: 4
    }).flush()
    expect(q.statuses()).toEqual({ sent: 80 })
    expect(shared.max).toBe(3)
  })

  it('a passing failure waits with backoff, then goes; a server Retry-After is a floor', async () => {
    const q = setup(2)
    const his = fakeConnector('his', (_s, attempt) => (attempt === 1 ? unavailable() : sent(_s, attempt)))
    const emch = fakeConnector('emch', (_s, attempt) =>
      attempt === 1 ? unavailable(20_000) : sent(_s, attempt)
    )
    const worker = createOutboxWorker({
      db: q.db,
      connectors: { his, emch },
      clock: q.clock,
      retry: policy,
      random: () => 0.5
    })
    const first = await worker.flush()
    expect(first).toMatchObject({ sent: 0, retrying: 4, remaining: 4 })
    const hisRow = q.row(1)
    expect(hisRow).toMatchObject({ status: 'pending', attempts: 1, last_error_code: 'HIS_UNAVAILABLE' })
    expect(hisRow.last_error).toContain('sẽ tự gửi lại')
    const wait = new Date(hisRow.next_attempt_at).getTime() - q.clock().getTime()
    expect(wait).toBeGreaterThanOrEqual(500)
    expect(wait).toBeLessThanOrEqual(1_000)
    const emchRow = q.row(2)
    expect(new Date(emchRow.next_attempt_at).getTime() - q.clock().getTime()).toBe(20_000)

    // Not due yet: nothing is sent again.
    expect((await worker.flush()).sent).toBe(0)
    q.advance(1_001)
    expect(await worker.flush()).toMatchObject({ sent: 2, remaining: 2 })
    q.advance(20_000)
    expect(await worker.flush()).toMatchObject({ sent: 2, remaining: 0 })
    expect(q.row(1)).toMatchObject({ status: 'sent', attempts: 2, last_error: null })
  })

  it('gives up after the attempt bound: the row is dead, with the last reason kept', async () => {
    const q = setup(1)
    const his = fakeConnector('his', () => unavailable())
    const worker = createOutboxWorker({ db: q.db, connectors: { his }, clock: q.clock, retry: policy })
    for (let i = 0; i < policy.maxAttempts; i++) {
      await worker.flush({ targets: ['his'] })
      q.advance(policy.capMs)
    }
    expect(q.row(1)).toMatchObject({ status: 'dead', attempts: 4, last_error_code: 'HIS_UNAVAILABLE' })
    expect(his.exchanges).toHaveLength(4)
    q.advance(policy.capMs * 10)
    await worker.flush({ targets: ['his'] })
    expect(his.exchanges).toHaveLength(4)
  })

  it('a refused record waits for a person (failed, Vietnamese reason), and goes after `requeue`', async () => {
    const q = setup(3)
    let fixed = false
    const his = fakeConnector('his', (s, n) =>
      !fixed && s.patient.form.fullName.endsWith(' 1') ? refused : sent(s, n)
    )
    const worker = createOutboxWorker({ db: q.db, connectors: { his }, clock: q.clock, retry: policy })
    expect(await worker.flush({ targets: ['his'] })).toMatchObject({ sent: 2, failed: 1 })
    const failed = q.db
      .prepare<[], { id: number; last_error: string }>(
        "SELECT id, last_error FROM outbox WHERE status = 'failed'"
      )
      .get()!
    expect(failed.last_error).toBe('HIS từ chối hồ sơ: ngày sinh không hợp lệ. Hãy sửa hồ sơ rồi gửi lại.')
    q.advance(24 * 3_600_000)
    expect((await worker.flush({ targets: ['his'] })).sent).toBe(0)
    expect(q.row(failed.id).status).toBe('failed')

    fixed = true
    expect(requeueRow(q.db, failed.id, q.clock())).toBe(true)
    expect(requeueRow(q.db, failed.id, q.clock())).toBe(false)
    expect(await worker.flush({ targets: ['his'] })).toMatchObject({ sent: 1, failed: 0 })
    expect(q.row(failed.id)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('rows a crashed worker left "sending" are recovered at start, and by lease expiry', async () => {
    const q = setup(3)
    // A worker that claimed and died.
    expect(
      claimDue(q.db, { now: q.clock(), limit: 4, targets: ['his', 'emch'], leaseMs: 60_000 })
    ).toHaveLength(4)
    expect(q.statuses()).toEqual({ sending: 4, pending: 2 })
    const his = fakeConnector('his', sent)
    const emch = fakeConnector('emch', sent)
    const worker = createOutboxWorker({
      db: q.db,
      connectors: { his, emch },
      clock: q.clock,
      leaseMs: 60_000
    })
    // Within the lease the claimed rows are left alone (their worker might still be alive)…
    expect((await worker.flush()).sent).toBe(2)
    // …a restart recovers them at once.
    expect(worker.recover()).toBe(4)
    expect((await worker.flush()).sent).toBe(4)
    expect(q.statuses()).toEqual({ sent: 6 })

    const q2 = setup(1)
    claimDue(q2.db, { now: q2.clock(), limit: 2, targets: ['his', 'emch'], leaseMs: 60_000 })
    q2.advance(60_001)
    const w2 = createOutboxWorker({
      db: q2.db,
      connectors: { his: fakeConnector('his', sent), emch: fakeConnector('emch', sent) },
      clock: q2.clock,
      leaseMs: 60_000
    })
    expect((await w2.flush()).sent).toBe(2)
  })

  it('stop: claims nothing more, records what was in flight, leaves the rest pending', async () => {
    const q = setup(20)
    const stop = new AbortController()
    const his = fakeConnector(
      'his',
      (s, n) => {
        stop.abort()
        return sent(s, n)
      },
      { delayMs: 5 }
    )
    const worker = createOutboxWorker({
      db: q.db,
      connectors: { his },
      clock: q.clock,
      batchSize: 5,
      concurrency: 2
    })
    const result = await worker.flush({ targets: ['his'], signal: stop.signal })
    expect(result.stopped).toBe(true)
    expect(result.sent).toBeGreaterThan(0)
    expect(result.sent).toBeLessThan(20)
    expect(result.sent + result.remaining).toBe(20)
    expect(q.statuses()['sending']).toBeUndefined()
  })

  it('stop with in-flight cancel: the cut requests go back to pending without counting an attempt', async () => {
    const q = setup(4)
    const stop = new AbortController()
    const cancel = new AbortController()
    const his = fakeConnector('his', sent, { delayMs: 10_000 })
    const worker = createOutboxWorker({ db: q.db, connectors: { his }, clock: q.clock })
    const running = worker.flush({ targets: ['his'], signal: stop.signal, inFlightSignal: cancel.signal })
    await new Promise((r) => setTimeout(r, 20))
    expect(worker.running).toBe(true)
    stop.abort()
    cancel.abort()
    const result = await running
    expect(result).toMatchObject({ sent: 0, retrying: 0, stopped: true, remaining: 4 })
    const rows = q.db
      .prepare<[], { status: string; attempts: number }>(
        "SELECT status, attempts FROM outbox WHERE target = 'his'"
      )
      .all()
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true)
  })

  it('a snapshot that no longer matches the contract is failed with a clear message, others still go', async () => {
    const q = setup(2)
    q.db.prepare('UPDATE outbox SET payload_json = \'{"broken":true}\' WHERE id = 1').run()
    const his = fakeConnector('his', sent)
    const result = await createOutboxWorker({ db: q.db, connectors: { his }, clock: q.clock }).flush({
      targets: ['his']
    })
    expect(result).toMatchObject({ sent: 1, failed: 1 })
    expect(q.row(1)).toMatchObject({ status: 'failed', last_error_code: 'VALIDATION' })
    expect(q.row(1).last_error).toContain('bị hỏng')
  })

  it('a target without an endpoint keeps its rows queued and says so', async () => {
    const q = setup(2)
    const result = await createOutboxWorker({
      db: q.db,
      connectors: { his: fakeConnector('his', sent) },
      clock: q.clock
    }).flush()
    expect(result).toMatchObject({ sent: 2, unconfigured: ['emch'], remaining: 2 })
  })

  it('a connector that throws (a bug) costs an attempt, never the record', async () => {
    const q = setup(1)
    const his = fakeConnector('his', () => {
      throw new Error('boom')
    })
    const result = await createOutboxWorker({ db: q.db, connectors: { his }, clock: q.clock }).flush({
      targets: ['his']
    })
    expect(result.retrying).toBe(1)
    expect(q.row(1)).toMatchObject({ status: 'pending', attempts: 1, last_error_code: 'INTERNAL' })
  })

  it('fills the facility code from the configuration when the snapshot predates it', async () => {
    const q = setup(1)
    const his = fakeConnector('his', (s, n) => (s.facility.code === '22001' ? sent(s, n) : refused))
    const worker = createOutboxWorker({
      db: q.db,
      connectors: { his },
      clock: q.clock,
      facility: { code: '22001', name: 'TYT' }
    })
    expect((await worker.flush({ targets: ['his'] })).sent).toBe(1)
  })

  it('writes nothing to the console, whatever happens', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m))
    try {
      const q = setup(3)
      const his = fakeConnector('his', (s, n) => (n === 1 ? unavailable() : refused))
      const emch = fakeConnector('emch', () => {
        throw new Error('Nguyễn Thị Thử')
      })
      const worker = createOutboxWorker({
        db: q.db,
        connectors: { his, emch },
        clock: q.clock,
        retry: policy
      })
      await worker.flush()
      q.advance(policy.capMs)
      await worker.flush()
      for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })
})

describe('retry delay', () => {
  it('stays within [step/2, step], doubles per failure up to the cap, and never undercuts Retry-After', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        (failures, r, retryAfter) => {
          const step = Math.min(policy.capMs, policy.baseMs * 2 ** (failures - 1))
          const d = retryDelayMs(policy, failures, () => r, retryAfter)
          expect(d).toBeGreaterThanOrEqual(Math.max(Math.round(step / 2), retryAfter ?? 0) - 1)
          expect(d).toBeLessThanOrEqual(Math.max(step, retryAfter ?? 0))
        }
      ),
      { numRuns: 300 }
    )
  })

  it('spreads desks out: different random draws give different delays', () => {
    const delays = new Set([0, 0.25, 0.5, 0.75, 0.99].map((r) => retryDelayMs(policy, 3, () => r)))
    expect(delays.size).toBe(5)
  })
})
