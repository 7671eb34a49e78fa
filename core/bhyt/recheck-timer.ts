import type { DeskBhyt } from './desk-bhyt'

export const RECHECK_EVERY_MS = 5 * 60_000

/**
 * Re-runs the unverified checks of saved visits every few minutes while the gateway is configured (the visit's
 * own timer, recheck_after, decides which are due). One run at a time; a failure waits for the next tick.
 */
export function startBhytRecheck(bhyt: DeskBhyt, everyMs = RECHECK_EVERY_MS): () => void {
  let running = false
  const timer = setInterval(() => {
    if (running || !bhyt.configured()) return
    running = true
    bhyt
      .recheckDue()
      .catch(() => undefined)
      .finally(() => {
        running = false
      })
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
