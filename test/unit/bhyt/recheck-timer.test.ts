import { afterEach, describe, expect, it, vi } from 'vitest'
import { startBhytRecheck } from '../../../core/bhyt/recheck-timer'
import type { DeskBhyt } from '../../../core/bhyt/desk-bhyt'

afterEach(() => vi.useRealTimers())

function fakeBhyt(configured: boolean) {
  const calls: unknown[] = []
  const bhyt: DeskBhyt = {
    configured: () => configured,
    check: () => Promise.reject(new Error('not used')),
    recheckDue: (o) => {
      calls.push(o)
      return new Promise(() => undefined) // never settles: a slow gateway
    },
    close: () => undefined
  }
  return { bhyt, calls }
}

describe('the BHYT recheck timer', () => {
  it('re-checks every 5 minutes while configured, one run at a time, and stops on shutdown', () => {
    vi.useFakeTimers()
    const { bhyt, calls } = fakeBhyt(true)
    const stop = startBhytRecheck(bhyt)
    vi.advanceTimersByTime(4 * 60_000)
    expect(calls).toHaveLength(0)
    vi.advanceTimersByTime(60_000)
    expect(calls).toHaveLength(1)
    vi.advanceTimersByTime(10 * 60_000) // the first run still hangs: no second one on top
    expect(calls).toHaveLength(1)
    stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('does nothing while the gateway is not configured', () => {
    vi.useFakeTimers()
    const { bhyt, calls } = fakeBhyt(false)
    const stop = startBhytRecheck(bhyt)
    vi.advanceTimersByTime(30 * 60_000)
    expect(calls).toHaveLength(0)
    stop()
  })
})
