import { performance } from 'node:perf_hooks'

/** Percentiles in ms, three decimals. */
export function stats(samples: number[]): { p50: number; p95: number; p99: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number): number =>
    Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 1000) / 1000
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), n: s.length }
}

export function time(fn: () => unknown): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}
