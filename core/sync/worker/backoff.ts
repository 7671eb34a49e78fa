/**
 * Retry timing for one outbox row. Exponential with "equal jitter" (AWS Architecture Blog, "Exponential
 * Backoff And Jitter"): half the step is fixed, half random, so thirty desks that lost the network together
 * do not come back in the same second, and no retry is ever immediate. A server's Retry-After is a floor.
 */
export interface RetryPolicy {
  /** Wait after the first failed attempt. */
  baseMs: number
  /** Longest wait between two attempts. */
  capMs: number
  /** Attempts (including the first) after which a row that still fails is 'dead'. */
  maxAttempts: number
}

export const defaultRetryPolicy: RetryPolicy = {
  baseMs: 30_000,
  capMs: 60 * 60_000,
  maxAttempts: 20
}

/**
 * Delay before the next attempt, given how many attempts have now failed (1 after the first failure).
 * `random` returns [0, 1).
 */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number,
  retryAfterMs?: number
): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30)
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** exponent)
  const jittered = step / 2 + random() * (step / 2)
  return Math.round(Math.max(jittered, retryAfterMs ?? 0))
}

/** True when a row that has now failed `failedAttempts` times must stop retrying. */
export function isExhausted(policy: RetryPolicy, failedAttempts: number): boolean {
  return failedAttempts >= policy.maxAttempts
}
