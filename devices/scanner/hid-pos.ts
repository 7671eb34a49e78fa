/**
 * HID-POS scanner adapter: finds a barcode scanner on usage page 0x8C, reads its reports, emits one
 * scan per symbol. node-hid has no hot-plug events, so we poll the device list at a modest interval;
 * a device error or an unplug closes the connection and the next poll reconnects. Nothing here throws
 * to the caller: failures become state.
 */
import { TypedEmitter } from './events'
import { HidPosAssembler, STANDARD_HID_POS_LAYOUT, type HidPosLayout } from './hid-pos-report'
import { symbolBytesToText } from './symbol-text'

export const HID_POS_USAGE_PAGE = 0x8c

export interface HidDeviceInfo {
  readonly path: string
  readonly vendorId: number
  readonly productId: number
  readonly usagePage?: number
  readonly usage?: number
  readonly product?: string
  readonly manufacturer?: string
}

export interface HidConnection {
  on(event: 'data', listener: (report: Uint8Array) => void): void
  on(event: 'error', listener: (error: Error) => void): void
  close(): void | Promise<void>
}

/** The part of node-hid we use; tests feed recorded reports through a fake. */
export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>
  open(path: string): Promise<HidConnection>
}

export interface HidScan {
  readonly text: string
  readonly symbology: string | null
  readonly at: Date
}

export type HidPosState =
  | { readonly connected: true; readonly device: HidDeviceInfo }
  | { readonly connected: false; readonly error: string | null }

export interface HidPosScannerOptions {
  readonly backend: HidBackend
  readonly layout?: HidPosLayout
  /** Device-list poll interval (hot-plug). devices() can take long on Windows, so not too often. */
  readonly pollMs?: number
  /** Closes a symbol when reports stop (layouts without a continuation bit, or a lost last report). */
  readonly idleFlushMs?: number
  /** Which devices count as our scanner; default: any device on usage page 0x8C. */
  readonly match?: (device: HidDeviceInfo) => boolean
  readonly now?: () => Date
}

export function isHidPosDevice(device: HidDeviceInfo): boolean {
  return device.usagePage === HID_POS_USAGE_PAGE
}

export function hidDeviceName(device: HidDeviceInfo): string {
  const label = [device.manufacturer, device.product].filter((s) => s && s.trim()).join(' ')
  const ids = `${hex4(device.vendorId)}:${hex4(device.productId)}`
  return label ? `${label} (${ids})` : ids
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0')
}

export class HidPosScanner extends TypedEmitter<{ scan: HidScan; state: HidPosState }> {
  private readonly backend: HidBackend
  private readonly layout: HidPosLayout
  private readonly pollMs: number
  private readonly idleFlushMs: number
  private readonly match: (device: HidDeviceInfo) => boolean
  private readonly now: () => Date

  private current: { device: HidDeviceInfo; connection: HidConnection; assembler: HidPosAssembler } | null =
    null
  private currentState: HidPosState = { connected: false, error: null }
  private pollTimer: ReturnType<typeof setInterval> | null = null
  private idleTimer: ReturnType<typeof setTimeout> | null = null
  private polling: Promise<void> | null = null
  private running = false

  constructor(options: HidPosScannerOptions) {
    super()
    this.backend = options.backend
    this.layout = options.layout ?? STANDARD_HID_POS_LAYOUT
    this.pollMs = options.pollMs ?? 2000
    this.idleFlushMs = options.idleFlushMs ?? 100
    this.match = options.match ?? isHidPosDevice
    this.now = options.now ?? (() => new Date())
  }

  get state(): HidPosState {
    return this.currentState
  }

  start(): void {
    if (this.running) return
    this.running = true
    void this.poll()
    this.pollTimer = setInterval(() => void this.poll(), this.pollMs)
  }

  async stop(): Promise<void> {
    this.running = false
    if (this.pollTimer) clearInterval(this.pollTimer)
    this.pollTimer = null
    await this.polling
    await this.disconnect(null)
  }

  /** One hot-plug check; exposed so tests and a "refresh" button need not wait for the interval. */
  poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => {
      this.polling = null
    })
    return this.polling
  }

  private async pollOnce(): Promise<void> {
    let devices: HidDeviceInfo[]
    try {
      devices = await this.backend.devices()
    } catch (e) {
      await this.disconnect(`listing HID devices failed: ${errorText(e)}`)
      return
    }
    if (!this.running) return
    if (this.current) {
      const path = this.current.device.path
      if (!devices.some((d) => d.path === path)) await this.disconnect(null)
      return
    }
    const device = devices.find((d) => this.match(d))
    if (!device) {
      if (this.currentState.connected || this.currentState.error !== null)
        this.setState({ connected: false, error: null })
      return
    }
    await this.connect(device)
  }

  private async connect(device: HidDeviceInfo): Promise<void> {
    let connection: HidConnection
    try {
      connection = await this.backend.open(device.path)
    } catch (e) {
      this.setState({ connected: false, error: `cannot open ${device.path}: ${errorText(e)}` })
      return
    }
    if (!this.running) {
      await safeClose(connection)
      return
    }
    const current = { device, connection, assembler: new HidPosAssembler(this.layout) }
    this.current = current
    connection.on('data', (report) => {
      if (this.current === current) this.onReport(current.assembler, report)
    })
    connection.on('error', (error) => {
      if (this.current === current) void this.disconnect(`device error: ${errorText(error)}`)
    })
    this.setState({ connected: true, device })
  }

  private onReport(assembler: HidPosAssembler, report: Uint8Array): void {
    this.clearIdle()
    let symbol
    try {
      symbol = assembler.push(report)
    } catch (e) {
      console.error('scanner: bad HID report', e)
      return
    }
    if (symbol) this.emitSymbol(symbol.bytes, symbol.symbology)
    else if (assembler.pending) {
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null
        const rest = assembler.flush()
        if (rest) this.emitSymbol(rest.bytes, rest.symbology)
      }, this.idleFlushMs)
    }
  }

  private emitSymbol(bytes: Uint8Array, symbology: string | null): void {
    const text = symbolBytesToText(bytes)
    if (text.length > 0) this.emit('scan', { text, symbology, at: this.now() })
  }

  private async disconnect(error: string | null): Promise<void> {
    this.clearIdle()
    const current = this.current
    this.current = null
    if (current) await safeClose(current.connection)
    if (current || this.currentState.connected || error !== null) this.setState({ connected: false, error })
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
  }

  private setState(state: HidPosState): void {
    this.currentState = state
    this.emit('state', state)
  }
}

async function safeClose(connection: HidConnection): Promise<void> {
  try {
    await connection.close()
  } catch {
    // Closing an unplugged device fails on some platforms; it is gone either way.
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** The real backend over node-hid's async API, loaded lazily so start-up does not pay for the addon. */
export function nodeHidBackend(): HidBackend {
  return {
    async devices() {
      const HID = await import('node-hid')
      const list = await HID.devicesAsync()
      return list.flatMap((d) =>
        d.path
          ? [
              {
                path: d.path,
                vendorId: d.vendorId,
                productId: d.productId,
                usagePage: d.usagePage,
                usage: d.usage,
                product: d.product,
                manufacturer: d.manufacturer
              }
            ]
          : []
      )
    },
    async open(path) {
      const HID = await import('node-hid')
      const device = await HID.HIDAsync.open(path)
      return {
        on(event: 'data' | 'error', listener: ((report: Uint8Array) => void) | ((error: Error) => void)) {
          // Copy: a Buffer's slice() is a view, and reports are kept across reads while a symbol is assembled.
          if (event === 'data')
            device.on('data', (b: Buffer) => (listener as (r: Uint8Array) => void)(new Uint8Array(b)))
          else device.on('error', listener)
        },
        close: () => device.close()
      } as HidConnection
    }
  }
}
