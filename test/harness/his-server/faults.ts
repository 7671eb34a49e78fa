/**
 * Faults the test server can be told to produce, one request at a time or at a random rate. Each mimics
 * a way a real HIS or the network between fails at night.
 */
export type Fault =
  /** Serve normally: queued before another fault, it makes that one hit a later request. */
  | { kind: 'none' }
  /** Answer with this status (e.g. 500, 503, 429, 400) without touching the store. */
  | { kind: 'status'; status: number; retryAfter?: string; body?: string; contentType?: string }
  /** Read the request and never answer (a frozen server). */
  | { kind: 'hang' }
  /** Drop the connection before processing (nothing stored). */
  | { kind: 'reset' }
  /** Process and store, then drop the connection instead of answering: the reply is lost. */
  | { kind: 'reset-after-store' }
  /** Process and store, then send the reply one byte every `chunkDelayMs`. */
  | { kind: 'slow-body'; chunkDelayMs: number }

/** '/fhir/Patient' is the desk's patient lookup (GET); only faults aimed at it by name reach it. */
export type FaultPath = '/fhir' | '/xml' | '/fhir/Patient'

interface QueuedFault {
  fault: Fault
  remaining: number
  path: FaultPath | null
}

/** mulberry32: a tiny seeded PRNG so a "30 % failures" run is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The mix a random failure draws from: the failures a nightly flush meets, lost replies included. */
const RANDOM_FAULTS: Fault[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503, retryAfter: '1' },
  { kind: 'reset' },
  { kind: 'reset-after-store' }
]

export class FaultPlan {
  private queue: QueuedFault[] = []
  private rate = 0
  private random: () => number

  constructor(seed = 1) {
    this.random = seededRandom(seed)
  }

  inject(fault: Fault, times = 1, path: FaultPath | null = null): void {
    this.queue.push({ fault, remaining: times, path })
  }

  setFailureRate(rate: number, seed?: number): void {
    if (!(rate >= 0 && rate <= 1)) throw new Error('failure rate must be within [0, 1]')
    this.rate = rate
    if (seed !== undefined) this.random = seededRandom(seed)
  }

  clear(): void {
    this.queue = []
    this.rate = 0
  }

  /** The fault for the next request on `path`, or null to serve it normally. */
  next(path: FaultPath): Fault | null {
    const lookup = path === '/fhir/Patient'
    const i = this.queue.findIndex((q) => (q.path === null && !lookup) || q.path === path)
    if (i >= 0) {
      const q = this.queue[i]!
      q.remaining -= 1
      if (q.remaining <= 0) this.queue.splice(i, 1)
      return q.fault.kind === 'none' ? null : q.fault
    }
    if (!lookup && this.rate > 0 && this.random() < this.rate) {
      return RANDOM_FAULTS[Math.floor(this.random() * RANDOM_FAULTS.length)]!
    }
    return null
  }
}
