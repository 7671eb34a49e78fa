// PcscBackend over the `smartcard` N-API addon (ABI-stable: one build serves Node and Electron).
import * as Smartcard from 'smartcard'
import type { PcscBackend, PcscCardHandle, PcscContext, PcscReaderState } from './backend'
import { socketEnvValue } from './socket-env'

const PNP_NOTIFICATION = '\\\\?PnP?\\Notification'

type SmartcardModule = typeof Smartcard

class SmartcardContext implements PcscContext {
  private readonly ctx: Smartcard.ContextInterface
  private pnpState = 0

  constructor(private readonly sc: SmartcardModule) {
    this.ctx = new sc.Context()
  }

  /** The addon's reader objects from the last listing, so connect need not list again. */
  private listed = new Map<string, Smartcard.ReaderInterface>()

  readers(): PcscReaderState[] {
    const list = this.ctx.listReaders()
    this.listed = new Map(list.map((r) => [r.name, r]))
    return list.map((r) => ({ name: r.name, state: r.state, atr: r.atr ?? null }))
  }

  async waitForChange(known: PcscReaderState[], timeoutMs: number): Promise<PcscReaderState[] | null> {
    const watch = [
      ...known.map((r) => ({ name: r.name, state: r.state & ~0x0002, changed: false, atr: null })),
      { name: PNP_NOTIFICATION, state: this.pnpState, changed: false, atr: null }
    ]
    const result = await this.ctx.waitForChange(watch, timeoutMs)
    if (result === null) return null
    const pnp = result.find((r) => r.name === PNP_NOTIFICATION)
    if (pnp) this.pnpState = pnp.state & ~0x0002
    return result
      .filter((r) => r.name !== PNP_NOTIFICATION)
      .map((r) => ({ name: r.name, state: r.state, atr: r.atr }))
  }

  cancel(): void {
    try {
      this.ctx.cancel()
    } catch {
      // context already gone
    }
  }

  async connect(reader: string, mode: 'exclusive' | 'shared'): Promise<PcscCardHandle> {
    const target = this.listed.get(reader) ?? this.ctx.listReaders().find((r) => r.name === reader)
    if (!target) throw new Error('Unknown reader')
    const share = mode === 'exclusive' ? this.sc.SCARD_SHARE_EXCLUSIVE : this.sc.SCARD_SHARE_SHARED
    const card = await target.connect(share, this.sc.SCARD_PROTOCOL_T0 | this.sc.SCARD_PROTOCOL_T1)
    return {
      atr: card.atr ?? target.atr ?? null,
      transmit: async (apdu, maxRecvLength) =>
        new Uint8Array(await card.transmit(Buffer.from(apdu), { maxRecvLength })),
      disconnect: () => {
        try {
          card.disconnect(this.sc.SCARD_LEAVE_CARD)
        } catch {
          // the card or the service is already gone
        }
      }
    }
  }

  close(): void {
    try {
      this.ctx.close()
    } catch {
      // already closed
    }
  }
}

let firstContextEstablished = false

export interface SmartcardBackendOptions {
  /** pcscd socket (e.g. a private test or demo stack). libpcsclite reads it once, before the first context. */
  socketPath?: string | null
}

/** The real backend. Import this module only where native code may load (main process, CLI, tests). */
export function smartcardBackend(options: SmartcardBackendOptions = {}): PcscBackend {
  return {
    establish: () => {
      if (!firstContextEstablished) {
        const value = socketEnvValue(process.env.PCSCLITE_CSOCK_NAME, options.socketPath)
        if (value === undefined) delete process.env.PCSCLITE_CSOCK_NAME
        else process.env.PCSCLITE_CSOCK_NAME = value
      }
      const ctx = new SmartcardContext(Smartcard)
      firstContextEstablished = true
      return ctx
    }
  }
}
