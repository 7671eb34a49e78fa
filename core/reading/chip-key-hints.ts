import type { Identity } from '../../contract/identity'
import type { Clock } from '../clock'

/**
 * Remembers the identity of the last QR scanned so that laying the card on the reader right after (or right
 * before) opens its chip with no typing. Kept in memory only, for a short window.
 */
export class ChipKeyHints {
  private last: { identity: Identity; at: number } | null = null

  constructor(
    private readonly clock: Clock,
    readonly windowMs = 120_000
  ) {}

  remember(identity: Identity): void {
    if (identity.idNumber) this.last = { identity, at: this.clock().getTime() }
  }

  /** The identity scanned within the window, if any. */
  recent(): Identity | null {
    if (!this.last) return null
    if (this.clock().getTime() - this.last.at > this.windowMs) {
      this.last = null
      return null
    }
    return this.last.identity
  }

  clear(): void {
    this.last = null
  }
}
