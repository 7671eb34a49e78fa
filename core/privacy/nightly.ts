import type { Services } from '../index'
import { runRetention } from './retention'

const DAY_MS = 86_400_000

/**
 * The retention run once a day while the app is open (desks run all day; the first run comes a minute after
 * start so opening the app stays fast). A failed run is tried again the next day; the CLI can run it any time.
 */
export function startNightlyRetention(s: Services, options: { firstAfterMs?: number } = {}): () => void {
  const run = (): void => {
    try {
      runRetention(s.db, s.clock(), s.options.key, 'system')
    } catch {
      // A busy database or full disk: tomorrow's run catches up, nothing is lost by waiting.
    }
  }
  const first = setTimeout(run, options.firstAfterMs ?? 60_000)
  const daily = setInterval(run, DAY_MS)
  first.unref()
  daily.unref()
  return () => {
    clearTimeout(first)
    clearInterval(daily)
  }
}
