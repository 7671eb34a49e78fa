/** Longest wait a server may impose through Retry-After; beyond this the worker's own backoff decides. */
export const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000

/**
 * Retry-After (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. Returns milliseconds from `nowMs`,
 * clamped to [0, MAX_RETRY_AFTER_MS], or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim()
  if (!raw) return undefined
  if (/^\d+$/.test(raw)) return Math.min(Number(raw) * 1000, MAX_RETRY_AFTER_MS)
  // Only the IMF-fixdate and the two obsolete forms are dates; anything else is ignored, not guessed.
  if (!/^[A-Za-z]{3},? /.test(raw)) return undefined
  const at = Date.parse(raw)
  if (Number.isNaN(at)) return undefined
  return Math.min(Math.max(at - nowMs, 0), MAX_RETRY_AFTER_MS)
}
