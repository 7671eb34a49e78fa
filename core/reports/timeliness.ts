import type { SubmissionTimeRow } from '../../db/reports'

/** A receipt later than this after the visit is late for the province ("Sống": data the same day, at worst next). */
export const LATE_AFTER_MINUTES = 24 * 60

/** "Sống" for one local day and one target: how long the visits of that day took to reach the receiver. */
export interface TimelinessDay {
  /** Local day of the visits, 'YYYY-MM-DD'. */
  day: string
  target: 'his' | 'emch'
  /** Submissions queued for the day's visits. */
  queued: number
  /** Of those, confirmed by the receiver's receipt. */
  received: number
  /** Minutes from visit to receipt over the received ones; null when none was received. */
  medianMinutes: number | null
  p90Minutes: number | null
  maxMinutes: number | null
  /** Received more than 24 h after the visit. */
  lateOver24h: number
  /** Not received yet (pending, sending, refused or given up). */
  notReceived: number
}

/** Nearest-rank percentile of sorted values (p in 0–100): a value that occurred, not an interpolation. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

/** Median of sorted values, the mean of the middle two for an even count, to one decimal. */
function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null
  const mid = sorted.length >> 1
  const m = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return Math.round(m * 10) / 10
}

/** Per day and target, from the submissions of the range (db/reports.ts submissionTimes). */
export function timelinessByDay(rows: readonly SubmissionTimeRow[]): TimelinessDay[] {
  const groups = new Map<string, { day: string; target: 'his' | 'emch'; minutes: number[]; queued: number }>()
  for (const r of rows) {
    const day = r.visited_at.slice(0, 10)
    const key = `${day}|${r.target}`
    const g = groups.get(key) ?? { day, target: r.target, minutes: [], queued: 0 }
    g.queued += 1
    if (r.received_at !== null) {
      const ms = Date.parse(r.received_at) - Date.parse(r.visited_at)
      // Whole minutes, never negative (a clock set back between visit and receipt is not a time travel).
      g.minutes.push(Math.max(0, Math.round(ms / 60_000)))
    }
    groups.set(key, g)
  }
  return [...groups.values()]
    .sort((a, b) => (a.day === b.day ? a.target.localeCompare(b.target) : a.day.localeCompare(b.day)))
    .map((g) => {
      const sorted = [...g.minutes].sort((a, b) => a - b)
      return {
        day: g.day,
        target: g.target,
        queued: g.queued,
        received: sorted.length,
        medianMinutes: median(sorted),
        p90Minutes: percentile(sorted, 90),
        maxMinutes: sorted.length ? sorted[sorted.length - 1]! : null,
        lateOver24h: sorted.filter((m) => m > LATE_AFTER_MINUTES).length,
        notReceived: g.queued - sorted.length
      }
    })
}
