import { describe, expect, it } from 'vitest'
import { timelinessByDay } from '../../../core/reports/timeliness'
import type { SubmissionTimeRow } from '../../../db/reports'

const row = (visitedAt: string, target: 'his' | 'emch', minutes: number | null): SubmissionTimeRow => ({
  visit_id: `${visitedAt}-${target}`,
  visited_at: visitedAt,
  target,
  status: minutes === null ? 'pending' : 'sent',
  received_at: minutes === null ? null : new Date(Date.parse(visitedAt) + minutes * 60_000).toISOString()
})

describe('Sống: minutes from visit to receipt', () => {
  it('takes the local day from the visit time with its offset, and the mean of the middle two for an even count', () => {
    const days = timelinessByDay([
      row('2026-11-20T23:30:00.000+07:00', 'his', 10),
      row('2026-11-20T08:00:00.000+07:00', 'his', 20),
      row('2026-11-20T09:00:00.000+07:00', 'his', 25),
      row('2026-11-20T10:00:00.000+07:00', 'his', 2000),
      row('2026-11-21T07:00:00.000+07:00', 'his', null)
    ])
    expect(days).toEqual([
      {
        day: '2026-11-20',
        target: 'his',
        queued: 4,
        received: 4,
        medianMinutes: 22.5,
        p90Minutes: 2000,
        maxMinutes: 2000,
        lateOver24h: 1,
        notReceived: 0
      },
      {
        day: '2026-11-21',
        target: 'his',
        queued: 1,
        received: 0,
        medianMinutes: null,
        p90Minutes: null,
        maxMinutes: null,
        lateOver24h: 0,
        notReceived: 1
      }
    ])
  })

  it('never counts a negative delay (a clock set back between visit and receipt)', () => {
    const [d] = timelinessByDay([row('2026-11-20T08:00:00.000+07:00', 'emch', -5)])
    expect(d).toMatchObject({ medianMinutes: 0, maxMinutes: 0, received: 1 })
  })
})
