import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isInWindow, nextWindowStart, windowEndAfter } from '../../../core/sync/schedule/window'

const night = { start: '22:00', end: '05:00' }
const lunch = { start: '12:00', end: '13:30' }
const at = (h: number, m = 0, day = 23) => new Date(2026, 10, day, h, m)

describe('sending window (local time)', () => {
  it('22:00–05:00 crosses midnight', () => {
    expect(isInWindow(at(21, 59), night)).toBe(false)
    expect(isInWindow(at(22, 0), night)).toBe(true)
    expect(isInWindow(at(23, 30), night)).toBe(true)
    expect(isInWindow(at(0, 0), night)).toBe(true)
    expect(isInWindow(at(4, 59), night)).toBe(true)
    expect(isInWindow(at(5, 0), night)).toBe(false)
    expect(isInWindow(at(12, 0), night)).toBe(false)
  })

  it('a same-day window', () => {
    expect(isInWindow(at(11, 59), lunch)).toBe(false)
    expect(isInWindow(at(12, 0), lunch)).toBe(true)
    expect(isInWindow(at(13, 29), lunch)).toBe(true)
    expect(isInWindow(at(13, 30), lunch)).toBe(false)
  })

  it('ends at the next end time: tomorrow morning when started in the evening', () => {
    expect(windowEndAfter(at(23, 0), night)).toEqual(at(5, 0, 24))
    expect(windowEndAfter(at(1, 0, 24), night)).toEqual(at(5, 0, 24))
  })

  it('the next start is now inside the window, else the next opening', () => {
    expect(nextWindowStart(at(23, 0), night)).toEqual(at(23, 0))
    expect(nextWindowStart(at(9, 0), night)).toEqual(at(22, 0))
    expect(nextWindowStart(at(14, 0), lunch)).toEqual(at(12, 0, 24))
  })

  it('for any instant and window: inside, the end is ahead within a day and the instant before it is inside', () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2026, 0, 1), max: new Date(2027, 0, 1), noInvalidDate: true }),
        hhmm,
        hhmm,
        (d, start, end) => {
          fc.pre(start !== end)
          const w = { start, end }
          if (isInWindow(d, w)) {
            const e = windowEndAfter(d, w)
            expect(e.getTime()).toBeGreaterThan(d.getTime())
            expect(e.getTime() - d.getTime()).toBeLessThanOrEqual(24 * 3_600_000)
            expect(isInWindow(new Date(e.getTime() - 1), w)).toBe(true)
            expect(isInWindow(e, w)).toBe(false)
          } else {
            const s = nextWindowStart(d, w)
            expect(s.getTime()).toBeGreaterThan(d.getTime())
            expect(isInWindow(s, w)).toBe(true)
            expect(isInWindow(new Date(s.getTime() - 1), w)).toBe(false)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
