import type { TimeWindow } from '../config/sync-settings'

/**
 * The nightly sending window in local time. Pure: every function takes the instant it reasons about.
 * A window whose end is before its start crosses midnight (22:00–05:00 is 22:00 today to 05:00 tomorrow).
 */
function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return h! * 60 + m!
}

function minuteOfDay(d: Date): number {
  return d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60 + d.getMilliseconds() / 60_000
}

export function isInWindow(at: Date, w: TimeWindow): boolean {
  const t = minuteOfDay(at)
  const s = minutes(w.start)
  const e = minutes(w.end)
  return s < e ? t >= s && t < e : t >= s || t < e
}

/** The first instant after `at` whose local time is `hhmm` (today if still ahead, else tomorrow). */
export function nextLocalTime(at: Date, hhmm: string): Date {
  const m = minutes(hhmm)
  const d = new Date(at.getFullYear(), at.getMonth(), at.getDate(), Math.floor(m / 60), m % 60, 0, 0)
  if (d.getTime() <= at.getTime()) d.setDate(d.getDate() + 1)
  return d
}

/** When the window that contains `at` closes (meaningful when isInWindow(at)). */
export function windowEndAfter(at: Date, w: TimeWindow): Date {
  return nextLocalTime(at, w.end)
}

/** When sending next begins: `at` itself inside the window, else the next opening. */
export function nextWindowStart(at: Date, w: TimeWindow): Date {
  return isInWindow(at, w) ? at : nextLocalTime(at, w.start)
}
