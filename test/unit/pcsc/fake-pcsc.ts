// In-memory PC/SC for reader-manager unit tests: readers can be plugged, cards inserted, and the
// service stopped/restarted; contexts from before a restart go stale like real pcsc-lite handles.
import type { PcscBackend, PcscCardHandle, PcscContext, PcscReaderState } from '../../../devices/pcsc'
import { ReaderFlags } from '../../../devices/pcsc'

export type Responder = (apdu: Uint8Array) => Promise<Uint8Array> | Uint8Array

export class FakePcsc implements PcscBackend {
  up = true
  generation = 0
  establishCalls = 0
  /** Reader listings over every context (each is a pcscd round trip on a real stack). */
  listings = 0
  readonly readers = new Map<string, { atr: Uint8Array | null; counter: number }>()
  respond: Responder = () => Uint8Array.of(0x90, 0x00)
  exclusiveHolder: string | null = null
  private waiters = new Set<() => void>()

  establish(): PcscContext {
    this.establishCalls++
    if (!this.up) throw new Error('PC/SC service not running')
    return new FakeContext(this, this.generation)
  }

  plug(name: string): void {
    this.readers.set(name, { atr: null, counter: 0 })
    this.changed()
  }
  unplug(name: string): void {
    this.readers.delete(name)
    this.changed()
  }
  insert(name: string, atr = Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01)): void {
    const r = this.readers.get(name)!
    r.atr = atr
    r.counter++
    this.changed()
  }
  remove(name: string): void {
    const r = this.readers.get(name)!
    r.atr = null
    r.counter++
    this.exclusiveHolder = null
    this.changed()
  }
  stopService(): void {
    this.up = false
    this.changed()
  }
  startService(): void {
    this.up = true
    this.generation++
    this.changed()
  }

  states(): PcscReaderState[] {
    return [...this.readers].map(([name, r]) => ({
      name,
      state: (r.atr ? ReaderFlags.PRESENT : ReaderFlags.EMPTY) | (r.counter << 16),
      atr: r.atr
    }))
  }

  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.waiters.delete(done)
        resolve()
      }
      const timer = setTimeout(done, timeoutMs)
      this.waiters.add(done)
    })
  }

  /** Wakes every blocked waitForChange (also what cancel() does). */
  changed(): void {
    for (const w of [...this.waiters]) w()
  }
}

class FakeContext implements PcscContext {
  private closed = false
  constructor(
    private readonly pcsc: FakePcsc,
    private readonly generation: number
  ) {}

  private check(): void {
    if (this.closed) throw new Error('Context is not valid')
    if (!this.pcsc.up) throw new Error('PC/SC service not running')
    if (this.generation !== this.pcsc.generation) throw new Error('Invalid handle')
  }

  readers(): PcscReaderState[] {
    this.check()
    this.pcsc.listings++
    return this.pcsc.states()
  }

  async waitForChange(known: PcscReaderState[], timeoutMs: number): Promise<PcscReaderState[] | null> {
    this.check()
    const same = () => {
      const now = this.pcsc.states()
      return (
        now.length === known.length &&
        now.every((s, i) => s.name === known[i]?.name && s.state === known[i]?.state)
      )
    }
    if (same()) await this.pcsc.wait(timeoutMs)
    this.check()
    return same() ? [] : this.pcsc.states()
  }

  cancel(): void {
    this.pcsc.changed()
  }

  async connect(reader: string, mode: 'exclusive' | 'shared'): Promise<PcscCardHandle> {
    this.check()
    const r = this.pcsc.readers.get(reader)
    if (!r) throw new Error('Unknown reader')
    if (!r.atr) throw new Error('No smart card present')
    if (this.pcsc.exclusiveHolder) throw new Error('Sharing violation')
    if (mode === 'exclusive') this.pcsc.exclusiveHolder = reader
    const pcsc = this.pcsc
    return {
      atr: r.atr,
      transmit: async (apdu) => {
        if (!pcsc.up) throw new Error('PC/SC service not running')
        if (!pcsc.readers.get(reader)?.atr) throw new Error('Card was removed')
        return pcsc.respond(apdu)
      },
      disconnect: () => {
        if (pcsc.exclusiveHolder === reader) pcsc.exclusiveHolder = null
      }
    }
  }

  close(): void {
    this.closed = true
  }
}
