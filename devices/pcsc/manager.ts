// Reader manager: watches PC/SC readers and cards, reports a status the clerk can read, survives pcscd
// restarts and unplugged readers, and opens exclusive card sessions with 61xx/6Cxx handling.
import { statusText, type MessageKey } from '../../contract/messages'
import { EventEmitter } from 'node:events'
import type { ReaderStatus } from '../../contract/status'
import {
  type PcscBackend,
  type PcscCardHandle,
  type PcscContext,
  type PcscReaderState,
  ReaderFlags
} from './backend'
import { isServiceLoss, mapPcscError, pcscError } from './errors'
import { chooseReader } from './reader-choice'
import { transmitApdu } from './transmit'

export type ManagerState = 'unavailable' | 'no-reader' | 'ready' | 'card-present'

export interface ReaderInfo {
  name: string
  cardPresent: boolean
  atr: Uint8Array | null
}

export interface ReaderManagerEvents {
  status: [status: ReaderStatus]
  'reader-added': [name: string]
  'reader-removed': [name: string]
  'card-inserted': [reader: ReaderInfo]
  'card-removed': [reader: { name: string }]
}

export interface ReaderManagerOptions {
  /** Reader name (or part of it) chosen in settings; otherwise a contactless reader is preferred. */
  preferredReader?: string | null
  /** Longest blocking wait for changes; also the hot-plug fallback poll. */
  pollIntervalMs?: number
  /** Re-establish backoff after the service disappears: first delay and ceiling (default 250 ms → 2 s). */
  backoffMinMs?: number
  backoffMaxMs?: number
}

export interface ConnectOptions {
  /** Reader to use; default: the manager's chosen reader. */
  reader?: string
  /** Exclusive access (default) keeps other programs off the card during a read. */
  exclusive?: boolean
  /** Per-APDU timeout. */
  apduTimeoutMs?: number
  /** Receive buffer for one R-APDU (258 = short APDU; larger for extended length). */
  maxRecvLength?: number
}

/** One exclusive conversation with the card on a reader. Transmit errors are AppErrors. */
export interface CardSession {
  readonly readerName: string
  readonly atr: Uint8Array | null
  /** Sends a C-APDU and returns the full R-APDU (data ‖ SW1 SW2) after GET RESPONSE / Le correction. */
  transmit(apdu: Uint8Array): Promise<Uint8Array>
  /** Asks PC/SC whether the card is still on the reader (pcscd notices removal within ~400 ms). */
  cardPresent(): Promise<boolean>
  /** Releases the card and the session's PC/SC context; safe to call twice. */
  close(): void
}

const statusKeys: Record<ManagerState, MessageKey> = {
  // Windows stops its smart-card service when the last reader is unplugged, so the text says both causes.
  unavailable: 'status.reader.unavailable',
  'no-reader': 'status.reader.noReader',
  ready: 'status.reader.ready',
  'card-present': 'status.reader.cardPresent'
}

const present = (r: PcscReaderState) =>
  (r.state & ReaderFlags.PRESENT) !== 0 && (r.state & ReaderFlags.MUTE) === 0

export class ReaderManager extends EventEmitter<ReaderManagerEvents> {
  private ctx: PcscContext | null = null
  /** A session context no longer in use, for the next connect. */
  private spare: PcscContext | null = null
  private known = new Map<string, PcscReaderState>()
  private running = false
  private loop: Promise<void> | null = null
  private wake: (() => void) | null = null
  private current: ReaderStatus = {
    state: 'unavailable',
    readerName: null,
    ...statusText(statusKeys.unavailable)
  }
  private readonly pollMs: number
  private readonly backoffMin: number
  private readonly backoffMax: number

  constructor(
    private readonly backend: PcscBackend,
    private readonly opts: ReaderManagerOptions = {}
  ) {
    super()
    this.pollMs = opts.pollIntervalMs ?? 1000
    this.backoffMin = opts.backoffMinMs ?? 250
    this.backoffMax = opts.backoffMaxMs ?? 2000
  }

  /** Starts watching. Never throws: problems show up as status 'unavailable' and are retried. */
  start(): void {
    if (this.running) return
    this.running = true
    this.loop = this.run()
  }

  async stop(): Promise<void> {
    this.running = false
    this.ctx?.cancel()
    this.wake?.()
    await this.loop
    this.loop = null
    this.dropContext()
    this.spare?.close()
    this.spare = null
    // A stopped manager knows nothing; start() rediscovers readers and cards (without stale events).
    this.known = new Map()
    this.current = { state: 'unavailable', readerName: null, ...statusText(statusKeys.unavailable) }
  }

  status(): ReaderStatus {
    return this.current
  }

  readers(): ReaderInfo[] {
    return [...this.known.values()].map((r) => ({ name: r.name, cardPresent: present(r), atr: r.atr }))
  }

  /** The reader a read would use now (preferred, else contactless, else first), or null. */
  chosenReader(): string | null {
    return chooseReader([...this.known.keys()], this.opts.preferredReader)
  }

  /** Resolves with the next status whose state is `state` (immediately if it already is). */
  waitForState(state: ManagerState, timeoutMs = 10_000): Promise<ReaderStatus> {
    if (this.current.state === state) return Promise.resolve(this.current)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('status', onStatus)
        reject(
          pcscError('TIMEOUT', `status ${state} not reached in ${timeoutMs} ms (now ${this.current.state})`)
        )
      }, timeoutMs)
      const onStatus = (s: ReaderStatus) => {
        if (s.state !== state) return
        clearTimeout(timer)
        this.off('status', onStatus)
        resolve(s)
      }
      this.on('status', onStatus)
    })
  }

  /**
   * Opens a session with the card on the chosen reader, in a PC/SC context of its own (so the
   * monitor's blocking wait never delays APDUs); that context is reused by the next session.
   */
  async connect(options: ConnectOptions = {}): Promise<CardSession> {
    const fast = await this.connectOnSpare(options)
    if (fast) return fast
    let ctx: PcscContext | null = this.spare
    let readers: PcscReaderState[] = []
    this.spare = null
    if (ctx) {
      // The context of the last session, kept for this one: a read starts without a new handshake.
      try {
        readers = ctx.readers()
      } catch {
        ctx.close() // pcscd restarted since: a fresh context below
        ctx = null
      }
    }
    if (!ctx) {
      try {
        ctx = this.backend.establish()
      } catch (e) {
        // Establishing a context only fails when the service is missing, stopping or restarting.
        throw pcscError('NO_SERVICE', e instanceof Error ? e.message : String(e))
      }
      try {
        readers = ctx.readers()
      } catch (e) {
        ctx.close()
        const err = mapPcscError(e)
        throw err.code === 'INTERNAL' ? pcscError('NO_SERVICE', err.message) : err
      }
    }
    const sessionCtx = ctx
    try {
      const name =
        options.reader ??
        chooseReader(
          readers.map((r) => r.name),
          this.opts.preferredReader
        )
      const reader = readers.find((r) => r.name === name)
      if (!name || !reader) throw pcscError('NO_READER')
      if (!present(reader)) throw pcscError('NO_CARD')
      const handle = await sessionCtx.connect(name, options.exclusive === false ? 'shared' : 'exclusive')
      return this.session(name, sessionCtx, handle, options)
    } catch (e) {
      sessionCtx.close()
      throw mapPcscError(e)
    }
  }

  /**
   * The common case, without listing readers again (a listing is a pcscd round trip, as long as an APDU): the
   * monitor has just seen the card on this reader and the last session's context is kept. Any failure other
   * than the card's own leaves the caller to the full path with a fresh context (e.g. pcscd restarted).
   */
  private async connectOnSpare(options: ConnectOptions): Promise<CardSession | null> {
    const ctx = this.spare
    const name = options.reader ?? this.chosenReader()
    const known = name ? this.known.get(name) : undefined
    if (!ctx || !name || !known || !present(known)) return null
    this.spare = null
    try {
      const handle = await ctx.connect(name, options.exclusive === false ? 'shared' : 'exclusive')
      return this.session(name, ctx, handle, options)
    } catch (e) {
      const err = mapPcscError(e)
      if (err.code === 'NO_CARD' || err.code === 'CARD_REMOVED' || err.code === 'SHARING_VIOLATION') {
        this.keepSpare(ctx)
        throw err
      }
      ctx.close()
      return null
    }
  }

  private session(name: string, ctx: PcscContext, handle: PcscCardHandle, options: ConnectOptions): Session {
    return new Session(
      name,
      ctx,
      handle,
      options.apduTimeoutMs ?? 5000,
      options.maxRecvLength ?? 258,
      (released) => this.keepSpare(released)
    )
  }

  /** One context is kept between sessions (closed on stop, replaced when pcscd restarted). */
  private keepSpare(ctx: PcscContext): void {
    if (this.running && !this.spare) this.spare = ctx
    else ctx.close()
  }

  private async run(): Promise<void> {
    let backoff = this.backoffMin
    while (this.running) {
      if (!this.ctx) {
        try {
          this.ctx = this.backend.establish()
          backoff = this.backoffMin
        } catch {
          this.setUnavailable()
          await this.pause(backoff)
          backoff = Math.min(backoff * 2, this.backoffMax)
          continue
        }
      }
      try {
        this.apply(this.ctx.readers())
        const changes = await this.ctx.waitForChange([...this.known.values()], this.pollMs)
        if (changes === null) continue // cancelled (stop) or spurious
      } catch (e) {
        const err = mapPcscError(e)
        if (!this.running) break
        if (isServiceLoss(err) || err.code === 'INTERNAL') {
          // pcscd restarted or died: drop everything we knew and re-establish with backoff.
          this.dropContext()
          this.setUnavailable()
          await this.pause(backoff)
          backoff = Math.min(backoff * 2, this.backoffMax)
        } else {
          // A reader vanished between list and wait (NO_READER etc.): just look again.
          await this.pause(this.backoffMin)
        }
      }
    }
  }

  /** Diffs the reader list against what we knew, emits events, then the status. */
  private apply(readers: PcscReaderState[]): void {
    const next = new Map(readers.map((r) => [r.name, r]))
    for (const [name, old] of this.known) {
      if (next.has(name)) continue
      if (present(old)) this.notify('card-removed', { name })
      this.notify('reader-removed', name)
    }
    for (const [name, r] of next) {
      const old = this.known.get(name)
      if (!old) this.notify('reader-added', name)
      if (present(r) && !(old && present(old)))
        this.notify('card-inserted', { name, cardPresent: true, atr: r.atr })
      else if (!present(r) && old && present(old)) this.notify('card-removed', { name })
    }
    this.known = next
    const chosen = this.chosenReader()
    const chosenState = chosen ? next.get(chosen) : undefined
    const state: ManagerState = !chosen
      ? 'no-reader'
      : chosenState && present(chosenState)
        ? 'card-present'
        : 'ready'
    this.setStatus(state, chosen)
  }

  private setUnavailable(): void {
    if (this.known.size > 0) this.apply([])
    this.setStatus('unavailable', null)
  }

  private setStatus(state: ManagerState, readerName: string | null): void {
    if (this.current.state === state && this.current.readerName === readerName) return
    this.current = { state, readerName, ...statusText(statusKeys[state]) }
    this.notify('status', this.current)
  }

  /** Emits without letting a failing listener look like a PC/SC failure (which would reset the context). */
  private notify<K extends keyof ReaderManagerEvents>(event: K, ...args: ReaderManagerEvents[K]): void {
    try {
      ;(this.emit as (e: K, ...a: ReaderManagerEvents[K]) => boolean)(event, ...args)
    } catch (e) {
      console.error(`[pcsc] a '${String(event)}' listener failed:`, e instanceof Error ? e.message : e)
    }
  }

  private dropContext(): void {
    this.ctx?.close()
    this.ctx = null
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake = () => {
        this.wake = null
        done()
      }
    })
  }
}

class Session implements CardSession {
  private closed = false

  constructor(
    readonly readerName: string,
    private readonly ctx: PcscContext,
    private readonly handle: PcscCardHandle,
    private readonly timeoutMs: number,
    private readonly maxRecv: number,
    private readonly release: (ctx: PcscContext) => void
  ) {}

  get atr(): Uint8Array | null {
    return this.handle.atr
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    if (this.closed) throw pcscError('CARD_REMOVED', 'session closed')
    try {
      return await transmitApdu((a) => this.rawTransmit(a), apdu)
    } catch (e) {
      throw mapPcscError(e)
    }
  }

  private rawTransmit(apdu: Uint8Array): Promise<Uint8Array> {
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(pcscError('TIMEOUT', `no answer in ${this.timeoutMs} ms`)),
        this.timeoutMs
      )
      this.handle.transmit(apdu, this.maxRecv).then(
        (r) => {
          clearTimeout(timer)
          resolve(r)
        },
        (e: unknown) => {
          clearTimeout(timer)
          reject(e instanceof Error ? e : new Error(String(e)))
        }
      )
    })
  }

  async cardPresent(): Promise<boolean> {
    if (this.closed) return false
    try {
      const reader = this.ctx.readers().find((r) => r.name === this.readerName)
      return reader !== undefined && present(reader)
    } catch {
      return false
    }
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.handle.disconnect()
    this.release(this.ctx)
  }
}
