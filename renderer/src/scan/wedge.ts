/**
 * Keyboard-wedge scan detection. Pure TS (no React, no Node): the caller feeds every keydown (from a
 * window-level capturing listener, so it works wherever the focus is) and acts on the answer:
 *
 *   window.addEventListener('keydown', (e) => { if (wedge.feed(e) === 'swallow') e.preventDefault() }, true)
 *
 * A scanner types much faster than a person (a few ms per key, configurable limit `maxGapMs`), so:
 * - printable keys are held back ('swallow') while they could still be a scan;
 * - if the burst turns out to be typing (a gap longer than `maxGapMs`, or it ends short of `minLength`),
 *   the held keys are handed to `onRelease(text)` for the caller to insert where the focus is
 *   (e.g. document.execCommand('insertText')), before any key that ended the burst takes effect;
 * - if it is a scan (≥ minLength keys, all fast, ended by Enter/Tab or by the idle gap), `onScan` gets the
 *   text and nothing leaks into the focused field.
 * While `capturing` is true the caller should also cancel `beforeinput`: on Windows, Alt+numpad
 * characters arrive as input without a keydown of their own.
 *
 * A loaded PC delivers a scanner's keys with gaps of up to ~180 ms (recorded in Chromium on a 2-core machine at
 * load 16–26: test/unit/scanner/wedge-timings.ts), so once a burst looks like a QR code (digits, then '|') the allowed gap
 * grows to `qrGapMs`. Text containing '|' is never released into a field: a burst with '|' that falls short is a
 * partial scan (`onPartial`), and the Enter the scanner sends after it is swallowed.
 */
import { detectWedgeDamage, wedgeDamageHints, type WedgeDamage } from './wedge-damage'

export { detectWedgeDamage, repairMojibake, wedgeDamageHints } from './wedge-damage'
export type { WedgeDamage, WedgeDamageKind } from './wedge-damage'

/** The fields of a KeyboardEvent the detector reads (a real KeyboardEvent fits). */
export interface WedgeKeyEvent {
  readonly key: string
  /** Event time in ms (KeyboardEvent.timeStamp). */
  readonly timeStamp: number
  readonly altKey?: boolean
  readonly ctrlKey?: boolean
  readonly metaKey?: boolean
  readonly isComposing?: boolean
  /** Auto-repeat of a held key: a person, however fast the repeats come. */
  readonly repeat?: boolean
}

export type WedgeDecision = 'pass' | 'swallow'

export interface WedgeScanInfo {
  /** Keys that made up the scan (printable keys, Alt-code digits and IME corrections). */
  readonly keys: number
  readonly durationMs: number
  readonly terminator: 'Enter' | 'Tab' | null
  /** How keyboard mode damaged the text, with a Vietnamese hint; null when it looks clean. */
  readonly damage: WedgeDamage | null
  /** Largest gap between two keys of the scan (ms). */
  readonly maxGapMs: number
}

export interface WedgeScheduler {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface WedgeOptions {
  readonly onScan: (text: string, info: WedgeScanInfo) => void
  /** Held keys that turned out to be typing; the caller inserts them into the focused field. */
  readonly onRelease?: (text: string) => void
  /** A scanner burst (it has '|') that broke off before it looked complete: ask for a new scan. */
  readonly onPartial?: (text: string) => void
  /** Longest gap inside a burst that looks like a QR code (digits then '|'), for loaded machines. Default 200. */
  readonly qrGapMs?: number
  /** Longest gap between two keys of one scan (ms). Scanners: < 15–30 ms; people: > 60 ms. */
  readonly maxGapMs?: number
  /** Shorter fast bursts are typing (key rollover); a CCCD QR is ~100 characters. */
  readonly minLength?: number
  readonly terminators?: readonly string[]
  /** When false (default), a fast burst of ≥ minLength keys with no terminator is a scan after the idle gap. */
  readonly requireTerminator?: boolean
  /** How long after the last key the burst is closed (ms); a little above maxGapMs absorbs event jitter. */
  readonly flushMs?: number
  /**
   * Which key may start a scan (default: any printable). Keys that cannot are never held back, so the app
   * can keep e.g. Space on a focused button instant: for CCCD-only desks, `(k) => /[0-9]/.test(k)`.
   */
  readonly startKey?: (key: string) => boolean
  readonly scheduler?: WedgeScheduler
}

const MODIFIERS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn'
])

function isPrintable(key: string): boolean {
  return [...key].length === 1
}

export class WedgeDetector {
  private readonly onScan: WedgeOptions['onScan']
  private readonly onRelease: (text: string) => void
  private readonly onPartial: (text: string) => void
  private readonly maxGapMs: number
  private readonly qrGapMs: number
  private readonly minLength: number
  private readonly terminators: ReadonlySet<string>
  private readonly requireTerminator: boolean
  private readonly flushMs: number
  private readonly scheduler: WedgeScheduler
  private readonly startKey: (key: string) => boolean

  private chars: string[] = []
  private keys = 0
  private firstAt = 0
  private lastAt = 0
  private altCodeSeen = false
  private imeSeen = false
  private layoutSeen = false
  private widestGap = 0
  /** Widest gap among the first three keys: a scanner's burst starts fast even on a loaded PC. */
  private startGap = 0
  /** A burst that starts right after a partial scan is its tail: also partial. */
  private continuation = false
  private partialAt = Number.NEGATIVE_INFINITY
  /** Until then, a terminator key is the one that belonged to a scan we already closed. */
  private swallowTerminatorUntil = Number.NEGATIVE_INFINITY
  private timer: unknown = null

  constructor(options: WedgeOptions) {
    this.onScan = options.onScan
    this.onRelease = options.onRelease ?? (() => undefined)
    this.onPartial = options.onPartial ?? (() => undefined)
    this.maxGapMs = options.maxGapMs ?? 30
    this.qrGapMs = Math.max(options.qrGapMs ?? 200, this.maxGapMs)
    this.minLength = options.minLength ?? 8
    this.terminators = new Set(options.terminators ?? ['Enter', 'Tab'])
    this.requireTerminator = options.requireTerminator ?? false
    this.flushMs = options.flushMs ?? this.maxGapMs + 20
    this.startKey = options.startKey ?? (() => true)
    this.scheduler = options.scheduler ?? {
      setTimeout: (cb, ms) => globalThis.setTimeout(cb, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>)
    }
  }

  /** True while keys are held back as a possible scan. */
  get capturing(): boolean {
    return this.keys > 0
  }

  feed(event: WedgeKeyEvent): WedgeDecision {
    const { key, timeStamp } = event
    if (MODIFIERS.has(key)) return this.capturing ? 'swallow' : 'pass'
    // Timers and events race; the event's own time decides whether the burst is still going.
    if (this.capturing && timeStamp - this.lastAt > this.gapLimit()) this.close()
    const inBurst = this.capturing
    if (inBurst) {
      const gap = timeStamp - this.lastAt
      this.widestGap = Math.max(this.widestGap, gap)
      if (this.keys < 3) this.startGap = Math.max(this.startGap, gap)
    }

    if (event.ctrlKey || event.metaKey || event.repeat) {
      if (inBurst) this.close()
      return 'pass'
    }
    if (event.isComposing || key === 'Process') {
      // An IME composing inside a fast burst is rewriting the scanner's keys; outside one it is typing.
      if (!inBurst) return 'pass'
      this.imeSeen = true
      return this.take(timeStamp)
    }
    if (this.terminators.has(key)) {
      if (!inBurst && timeStamp <= this.swallowTerminatorUntil) {
        this.swallowTerminatorUntil = Number.NEGATIVE_INFINITY
        return 'swallow'
      }
      if (inBurst && this.continuation) {
        // The tail of a scan that broke off: its Enter must not submit the form.
        this.closePartial(timeStamp)
        return 'swallow'
      }
      if (inBurst && this.looksLikeScan()) {
        this.finishScan(key === 'Tab' ? 'Tab' : 'Enter', timeStamp)
        return 'swallow'
      }
      if (inBurst) this.close()
      return 'pass'
    }
    if (key === 'Backspace' && inBurst) {
      // No one corrects a typo within 30 ms: this is Unikey/EVKey replacing the scanner's keys.
      this.imeSeen = true
      this.chars.pop()
      return this.take(timeStamp)
    }
    if (isPrintable(key)) {
      if (event.altKey && /^[0-9]$/.test(key)) {
        // Alt+numpad code: the character itself arrives later as input, never as a keydown.
        if (!inBurst && !this.startKey(key)) return 'pass'
        if (!inBurst) this.begin(timeStamp)
        this.altCodeSeen = true
        return this.take(timeStamp)
      }
      if (event.altKey) {
        if (inBurst) this.close()
        return 'pass'
      }
      if (!inBurst && !this.startKey(key)) return 'pass'
      if (!inBurst) this.begin(timeStamp)
      this.chars.push(key)
      return this.take(timeStamp)
    }
    if (key === 'Dead' && inBurst) {
      // A scanner set to a layout with dead keys (US-International, French…) sent an accent key.
      this.layoutSeen = true
      return this.take(timeStamp)
    }
    // Arrows, Escape, function keys, a dead key outside a burst: a person is at the keyboard.
    if (inBurst) this.close()
    return 'pass'
  }

  /** Closes any open burst now (e.g. on window blur). */
  flush(): void {
    if (this.capturing) this.close()
  }

  dispose(): void {
    this.clearTimer()
    this.reset()
  }

  private begin(timeStamp: number): void {
    this.firstAt = timeStamp
    this.widestGap = 0
    this.startGap = 0
    this.continuation = timeStamp - this.partialAt < 1000
  }

  private take(timeStamp: number): WedgeDecision {
    this.keys++
    this.lastAt = timeStamp
    this.clearTimer()
    const wait = this.looksLikeQr() ? this.qrGapMs + 20 : this.flushMs
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = null
      if (this.capturing) this.close()
    }, wait)
    return 'swallow'
  }

  private hasPipe(): boolean {
    return this.chars.includes('|')
  }

  /**
   * The start of a CCCD or BHYT QR code: digits (or a card code) then '|', or three digits that came at scanner
   * speed (no person types three keys within maxGapMs of each other).
   */
  private looksLikeQr(): boolean {
    if (this.continuation && this.chars.length > 0) return true
    const text = this.chars.join('')
    if (/^(\d+|[A-Z]{2}\d+)\|/.test(text)) return true
    return /^\d{3,}$/.test(text) && this.startGap <= this.maxGapMs
  }

  private gapLimit(): number {
    return this.looksLikeQr() ? this.qrGapMs : this.maxGapMs
  }

  /** A '|' burst is complete when it ended with enough fields: CCCD QR codes have at least 7. */
  private isComplete(): boolean {
    return !this.continuation && this.chars.filter((c) => c === '|').length >= 6
  }

  private closePartial(endAt: number): void {
    const text = this.chars.join('')
    this.clearTimer()
    this.reset()
    this.partialAt = endAt
    this.onPartial(text)
  }

  /** Ends a burst without a terminator: a scan if long enough (and allowed), otherwise typing to release. */
  private close(): void {
    if (this.hasPipe() || this.continuation) {
      // Never release scanner text into a field; its Enter may still be on the way.
      this.swallowTerminatorUntil = this.lastAt + this.qrGapMs * 3
      if (!this.isComplete() || this.requireTerminator) return this.closePartial(this.lastAt)
      return this.finishScan(null, this.lastAt)
    }
    if (this.looksLikeScan() && !this.requireTerminator) this.finishScan(null, this.lastAt)
    else {
      const text = this.chars.join('')
      this.clearTimer()
      this.reset()
      if (text) this.onRelease(text)
    }
  }

  /** Alt-code, IME and dead keys stand for characters that never reached us as keydowns. */
  private looksLikeScan(): boolean {
    // Digits typed with person-sized gaps are typing, however many (a phone number, an ID typed by hand).
    if (this.widestGap > this.maxGapMs && !this.hasPipe()) return false
    const stoodIn = this.altCodeSeen || this.imeSeen || this.layoutSeen
    return this.chars.length >= this.minLength || (stoodIn && this.keys >= this.minLength)
  }

  private finishScan(terminator: 'Enter' | 'Tab' | null, endAt: number): void {
    const text = this.chars.join('')
    const info: WedgeScanInfo = {
      keys: this.keys,
      durationMs: Math.max(0, endAt - this.firstAt),
      terminator,
      maxGapMs: this.widestGap,
      damage: this.imeSeen
        ? { kind: 'ime', hint: wedgeDamageHints.ime }
        : this.altCodeSeen
          ? { kind: 'alt-code', hint: wedgeDamageHints['alt-code'] }
          : this.layoutSeen
            ? { kind: 'keyboard-layout', hint: wedgeDamageHints['keyboard-layout'] }
            : detectWedgeDamage(text)
    }
    this.clearTimer()
    this.reset()
    this.onScan(text, info)
  }

  private reset(): void {
    this.chars = []
    this.keys = 0
    this.altCodeSeen = false
    this.imeSeen = false
    this.layoutSeen = false
    this.widestGap = 0
    this.startGap = 0
    this.continuation = false
  }

  private clearTimer(): void {
    if (this.timer !== null) this.scheduler.clearTimeout(this.timer)
    this.timer = null
  }
}

export function createWedgeDetector(options: WedgeOptions): WedgeDetector {
  return new WedgeDetector(options)
}
