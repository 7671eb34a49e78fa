import type { SyncTarget } from '../../../contract/status'
import type { Submission } from '../../../contract/submission'
import type { Connector, SendContext, SendOutcome } from '../../../core/sync/connectors/types'
import { registration, testServices } from '../../support/fixtures'

export type Behaviour = (sub: Submission, attempt: number) => SendOutcome | Promise<SendOutcome>

export interface FakeConnector extends Connector {
  /** Each exchange: the idempotency keys it carried. */
  exchanges: string[][]
  maxConcurrent: number
  contexts: SendContext[]
}

export const sent: Behaviour = (sub) => ({ kind: 'sent', receipt: `Encounter/${sub.visit.id}` })

export const unavailable = (retryAfterMs?: number): SendOutcome => ({
  kind: 'retryable',
  error: {
    code: 'HIS_UNAVAILABLE',
    message: 'Không kết nối được HIS. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
    messageEn: 'HIS: network'
  },
  ...(retryAfterMs === undefined ? {} : { retryAfterMs })
})

export const refused: SendOutcome = {
  kind: 'rejected',
  error: {
    code: 'TARGET_REJECTED',
    message: 'HIS từ chối hồ sơ: ngày sinh không hợp lệ. Hãy sửa hồ sơ rồi gửi lại.',
    messageEn: 'HIS rejected the record: HTTP 422'
  }
}

/** A connector that answers by `behave`, optionally after `delayMs`, counting attempts per record. */
export function fakeConnector(
  target: SyncTarget,
  behave: Behaviour,
  opts: { batch?: boolean; delayMs?: number; shared?: { inFlight: number; max: number } } = {}
): FakeConnector {
  const shared = opts.shared ?? { inFlight: 0, max: 0 }
  const attempts = new Map<string, number>()
  let inFlight = 0
  const one = async (sub: Submission): Promise<SendOutcome> => {
    const n = (attempts.get(sub.idempotencyKey) ?? 0) + 1
    attempts.set(sub.idempotencyKey, n)
    return behave(sub, n)
  }
  const exchange = async (subs: Submission[], ctx: SendContext = {}): Promise<SendOutcome[]> => {
    c.exchanges.push(subs.map((s) => s.idempotencyKey))
    c.contexts.push(ctx)
    inFlight += 1
    shared.inFlight += 1
    c.maxConcurrent = Math.max(c.maxConcurrent, inFlight)
    shared.max = Math.max(shared.max, shared.inFlight)
    try {
      if (opts.delayMs) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, opts.delayMs)
          ctx.signal?.addEventListener('abort', () => {
            clearTimeout(t)
            resolve()
          })
        })
      }
      if (ctx.signal?.aborted) return subs.map(() => unavailable())
      return await Promise.all(subs.map(one))
    } finally {
      inFlight -= 1
      shared.inFlight -= 1
    }
  }
  const c: FakeConnector = {
    target,
    name: `fake-${target}`,
    exchanges: [],
    maxConcurrent: 0,
    contexts: [],
    send: async (sub, ctx) => (await exchange([sub], ctx))[0]!,
    close: () => undefined
  }
  if (opts.batch !== false) c.sendBatch = (subs, ctx) => exchange(subs, ctx)
  return c
}

/** Real services with a movable clock and `n` registered visits (2n outbox rows). */
export function queueWith(n: number, start = new Date('2026-11-23T15:00:00Z')) {
  let now = start
  const t = testServices({ now: () => now })
  for (let i = 0; i < n; i++) {
    t.services.register(
      registration({}, { idNumber: `0221950${String(i).padStart(5, '0')}`, fullName: `Nguyễn Thị Thử ${i}` })
    )
  }
  return {
    ...t,
    db: t.services.db,
    clock: () => now,
    advance(ms: number) {
      now = new Date(now.getTime() + ms)
    },
    setNow(d: Date) {
      now = d
    },
    statuses(): Record<string, number> {
      const rows = t.services.db
        .prepare<[], { status: string; n: number }>(
          'SELECT status, count(*) AS n FROM outbox GROUP BY status'
        )
        .all()
      return Object.fromEntries(rows.map((r) => [r.status, r.n]))
    },
    row(id: number) {
      return t.services.db
        .prepare<
          [number],
          {
            status: string
            attempts: number
            next_attempt_at: string
            last_error: string | null
            last_error_code: string | null
            receipt: string | null
          }
        >(
          'SELECT status, attempts, next_attempt_at, last_error, last_error_code, receipt FROM outbox WHERE id = ?'
        )
        .get(id)!
    }
  }
}
