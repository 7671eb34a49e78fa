import { afterEach, describe, expect, it } from 'vitest'
import { claimDue } from '../../../db/outbox-store'
import { AppError } from '../../../contract/errors'
import { createServices } from '../../../core'
import { LAST_FLUSH_KEY, NEXT_FLUSH_KEY, queueStatus } from '../../../core/queue/queue-status'
import { syncSettingsFrom, type SyncSettings } from '../../../core/sync/config/sync-settings'
import { startSyncScheduler, type SyncScheduler } from '../../../core/sync/schedule/scheduler'
import type { FlushResult } from '../../../core/sync/worker/outbox-worker'
import { registration } from '../../support/fixtures'
import { fakeConnector, queueWith, sent, unavailable, type Behaviour } from './fakes'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const local = (h: number, m = 0, s = 0, ms = 0) => new Date(2026, 10, 23, h, m, s, ms)

function settings(overrides: Partial<SyncSettings> = {}): SyncSettings {
  return { ...syncSettingsFrom({}), batchSize: 5, ...overrides }
}

function setup(
  n: number,
  now: Date,
  opts: { behave?: Behaviour; delayMs?: number; s?: () => SyncSettings; tickPattern?: string } = {}
) {
  const q = queueWith(n, now)
  cleanups.push(q.cleanup)
  const exchanges: string[][] = []
  const start = (): SyncScheduler => {
    const sched = startSyncScheduler({
      db: q.db,
      clock: q.clock,
      settings: opts.s ?? (() => settings()),
      // Yearly: the test drives the decisions through tick().
      tickPattern: opts.tickPattern ?? '0 0 1 1 *',
      connectors: () => {
        const make = (t: 'his' | 'emch') => {
          const c = fakeConnector(t, opts.behave ?? sent, opts.delayMs ? { delayMs: opts.delayMs } : {})
          const send = c.sendBatch!
          c.sendBatch = (subs, ctx) => {
            exchanges.push(subs.map((x) => x.idempotencyKey))
            return send(subs, ctx)
          }
          return c
        }
        return { his: make('his'), emch: make('emch') }
      }
    })
    cleanups.push(() => sched.stop())
    return sched
  }
  return { q, exchanges, start }
}

function finished(sched: SyncScheduler): Promise<FlushResult> {
  return new Promise((resolve) => {
    const off = sched.subscribe((e) => {
      if (e.kind === 'finished') {
        off()
        resolve(e.result)
      }
    })
  })
}

describe('sync schedule', () => {
  it('outside the window nothing is sent, and the next flush is tonight at the window start', async () => {
    const { q, exchanges, start } = setup(3, local(15))
    const sched = start()
    await sched.tick()
    expect(exchanges).toHaveLength(0)
    expect(queueStatus(q.db).nextFlushAt).toBe(local(22).toISOString())
    expect(sched.state()).toMatchObject({ running: null, nextFlushAt: local(22).toISOString() })
  })

  it('inside the window it flushes, and the result survives a restart', async () => {
    const { q, start } = setup(3, local(23))
    const sched = start()
    const result = await finished(sched)
    expect(result).toMatchObject({ sent: 6, remaining: 0, stopped: false })
    await sched.stop()
    const last = queueStatus(q.db).lastFlush
    expect(last).toMatchObject({ sent: 6, failed: 0, dead: 0 })
    q.services.close()
    const reopened = createServices({ dataDir: q.dir, key: q.key, mode: 'cli', version: 'test' })
    try {
      expect(queueStatus(reopened.db).lastFlush).toEqual(last)
      expect(queueStatus(reopened.db).nextFlushAt).not.toBeNull()
    } finally {
      reopened.close()
    }
    q.services.close = () => undefined
  })

  it('a flush that meets the end of the window stops cleanly', async () => {
    // 200 ms before 05:00, each exchange taking 40 ms: the window closes mid-queue.
    const { q, start } = setup(20, local(4, 59, 59, 800), {
      delayMs: 40,
      s: () => settings({ batchSize: 1, concurrency: 1 })
    })
    const sched = start()
    const result = await finished(sched)
    expect(result.stopped).toBe(true)
    expect(result.sent).toBeGreaterThan(0)
    expect(result.sent).toBeLessThan(40)
    expect(result.sent + result.remaining).toBe(40)
    expect(q.statuses()['sending']).toBeUndefined()
  })

  it('"send now" goes at any hour and does not wait for retry backoff', async () => {
    let down = true
    const { q, start } = setup(2, local(10), {
      behave: (s, n) => (down ? unavailable() : sent(s, n))
    })
    const sched = start()
    expect(await sched.flushNow()).toMatchObject({ sent: 0, retrying: 4 })
    down = false
    // The network is back; the clerk presses "send now" a second later.
    q.advance(1_000)
    expect(await sched.flushNow()).toMatchObject({ sent: 4, remaining: 0 })
    expect(q.db.prepare('SELECT value_json FROM settings WHERE key = ?').get(LAST_FLUSH_KEY)).toBeDefined()
  })

  it('send-when-online probes with one small batch, and carries on only when it went through', async () => {
    let down = true
    const { q, exchanges, start } = setup(12, local(10), {
      behave: (s, n) => (down ? unavailable() : sent(s, n)),
      s: () => settings({ online: true, onlineEveryMinutes: 15 })
    })
    const sched = start()
    expect(await finished(sched)).toMatchObject({ sent: 0, retrying: 5 })
    // Offline: one probe of 5 rows, nothing more.
    expect(exchanges.flat()).toHaveLength(5)
    down = false
    q.advance(60_000)
    await sched.tick()
    expect(exchanges.flat()).toHaveLength(5)
    q.advance(15 * 60_000)
    q.db.exec("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z'")
    await sched.tick()
    expect(q.statuses()).toEqual({ sent: 24 })
  })

  it('rows a crash left "sending" are recovered when the schedule starts', async () => {
    const { q, start } = setup(2, local(23))
    claimDue(q.db, { now: q.clock(), limit: 10, targets: ['his', 'emch'], leaseMs: 3_600_000 })
    expect(q.statuses()).toEqual({ sending: 4 })
    const sched = start()
    expect(await finished(sched)).toMatchObject({ sent: 4 })
  })

  it('a broken configuration is reported, not thrown, and the timer keeps going', async () => {
    const { start } = setup(1, local(23), {
      s: () => {
        throw new AppError('CONFIG_INVALID', 'Thiếu cấu hình "his.token".', 'missing his.token')
      }
    })
    const sched = start()
    await sched.tick()
    expect(sched.state().lastError).toMatchObject({ code: 'CONFIG_INVALID' })
  })

  it('keeps NEXT_FLUSH_KEY in the settings table for the status bar', async () => {
    const { q, start } = setup(1, local(6))
    const sched = start()
    await sched.tick()
    const row = q.db
      .prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
      .get(NEXT_FLUSH_KEY)
    expect(JSON.parse(row!.value_json)).toBe(local(22).toISOString())
  })

  it('the croner timer itself drives the decisions: rows registered mid-window go at the next tick', async () => {
    const { q, start } = setup(1, local(23), { tickPattern: '* * * * * *' })
    const sched = start()
    expect(await finished(sched)).toMatchObject({ sent: 2 })
    q.services.register(registration({}, { idNumber: '022195077777' }))
    // No tick() call here: the every-second croner job picks the new rows up.
    expect(await finished(sched)).toMatchObject({ sent: 2 })
    expect(q.statuses()).toEqual({ sent: 4 })
  })
})
