// Puts an EmrtdChip into a vpcd virtual reader: TCP to vpcd, frames are [u16 BE length][payload];
// a 1-byte payload is a control code (0 off, 1 on, 2 reset, 4 ATR). Connecting = card inserted,
// closing = card removed.
import { EventEmitter } from 'node:events'
import { type Socket, connect } from 'node:net'
import type { EmrtdChip } from './chip'

const CTRL_OFF = 0
const CTRL_ON = 1
const CTRL_RESET = 2
const CTRL_ATR = 4

export interface VpcdCardOptions {
  port: number
  /** 127.0.0.2 so the card's connection uses the quickack loopback route (harness doc §2). */
  host?: string
  /** Delay before each answer: a slow card or a weak field. */
  delayMs?: number
  /** After answering this many APDUs, the next one closes the socket unanswered (card pulled mid-read). */
  removeAfterApdus?: number
  /** Called for each exchange (the CLI logs it; never used for card data in production). */
  onApdu?: (command: Buffer, response: Buffer | null) => void
}

export interface VpcdCardEvents {
  inserted: []
  removed: [reason: 'api' | 'fault' | 'peer']
}

export class VpcdCard extends EventEmitter<VpcdCardEvents> {
  private socket: Socket | null = null
  private pending = Buffer.alloc(0)
  private queue: Promise<void> = Promise.resolve()
  private apdus = 0

  constructor(
    readonly chip: EmrtdChip,
    private readonly opts: VpcdCardOptions
  ) {
    super()
  }

  get inserted(): boolean {
    return this.socket !== null
  }

  /** APDUs answered since the last insert. */
  get apduCount(): number {
    return this.apdus
  }

  /** Connects to vpcd (the reader sees a card within one pcscd poll, ≤ 400 ms). */
  insert(): Promise<void> {
    if (this.socket) return Promise.resolve()
    this.chip.reset()
    this.apdus = 0
    this.pending = Buffer.alloc(0)
    return new Promise((resolve, reject) => {
      const socket = connect({ port: this.opts.port, host: this.opts.host ?? '127.0.0.2', noDelay: true })
      const onError = (e: Error) => {
        socket.destroy()
        reject(e)
      }
      socket.once('error', onError)
      socket.once('connect', () => {
        socket.off('error', onError)
        socket.on('error', () => socket.destroy())
        this.socket = socket
        socket.on('data', (d) => this.onData(d))
        socket.once('close', () => this.onClosed(socket, 'peer'))
        this.emit('inserted')
        resolve()
      })
    })
  }

  /** Closes the connection: the reader reports the card gone at its next poll. */
  remove(): Promise<void> {
    return this.close('api')
  }

  private close(reason: 'api' | 'fault'): Promise<void> {
    const socket = this.socket
    if (!socket) return Promise.resolve()
    return new Promise((resolve) => {
      socket.removeAllListeners('close')
      socket.once('close', () => {
        this.onClosed(socket, reason)
        resolve()
      })
      socket.destroy()
    })
  }

  private onClosed(socket: Socket, reason: 'api' | 'fault' | 'peer'): void {
    if (this.socket !== socket) return
    this.socket = null
    this.chip.reset()
    this.emit('removed', reason)
  }

  private onData(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk])
    while (this.pending.length >= 2) {
      const len = this.pending.readUInt16BE(0)
      if (this.pending.length < 2 + len) return
      const frame = this.pending.subarray(2, 2 + len)
      this.pending = this.pending.subarray(2 + len)
      const socket = this.socket
      // vpcd is strictly request/response; chain to keep answers in order even with a delay.
      this.queue = this.queue.then(() => this.handleFrame(socket, Buffer.from(frame)))
    }
  }

  private async handleFrame(socket: Socket | null, frame: Buffer): Promise<void> {
    if (!socket || socket !== this.socket) return
    if (frame.length === 1) {
      switch (frame[0]) {
        case CTRL_OFF:
        case CTRL_ON:
        case CTRL_RESET:
          this.chip.reset()
          return
        case CTRL_ATR:
          this.send(socket, this.chip.atr)
          return
        default:
          return
      }
    }
    const limit = this.opts.removeAfterApdus
    if (limit !== undefined && this.apdus >= limit) {
      this.opts.onApdu?.(frame, null)
      await this.close('fault')
      return
    }
    if (this.opts.delayMs) await new Promise((r) => setTimeout(r, this.opts.delayMs))
    if (socket !== this.socket) return
    const response = this.chip.process(frame)
    this.apdus++
    this.opts.onApdu?.(frame, response)
    this.send(socket, response)
  }

  private send(socket: Socket, payload: Buffer): void {
    const header = Buffer.alloc(2)
    header.writeUInt16BE(payload.length)
    socket.write(Buffer.concat([header, payload]))
  }
}
