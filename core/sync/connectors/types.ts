import type { SyncTarget } from '../../../contract/status'
import type { Submission } from '../../../contract/submission'
import type { SendOutcome } from '../transport/outcome'

export type { SendOutcome, TargetLabel } from '../transport/outcome'

export interface SendContext {
  /** Cancels an attempt in flight (app quitting, "stop" pressed). */
  signal?: AbortSignal
  /** Current time in ms, for HTTP-date Retry-After; defaults to Date.now. */
  now?: () => number
}

/**
 * One delivery target. A connector never throws for a delivery problem: every failure is an outcome.
 * Sending the same submission again is always safe: every target dedups on the submission's keys.
 */
export interface Connector {
  readonly target: SyncTarget
  /** For logs and the queue screen, e.g. "his-fhir", "xml-4750", "emch-fhir". */
  readonly name: string
  send(sub: Submission, ctx?: SendContext): Promise<SendOutcome>
  /**
   * Several submissions in one exchange, where the target allows it. Returns one outcome per submission,
   * in the same order.
   */
  sendBatch?(subs: Submission[], ctx?: SendContext): Promise<SendOutcome[]>
  /** Releases sockets. */
  close(): void
}
