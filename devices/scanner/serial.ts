/**
 * USB-serial (CDC / virtual COM) scanner adapter over `serialport`: configurable port and baud rate, a
 * terminator (or an idle gap), UTF-8 across chunk boundaries, reconnect with backoff after an unplug.
 * Nothing here throws to the caller: failures become state and a retry.
 */
import { TypedEmitter } from './events'
import { SerialFramer, type SerialTerminator } from './serial-framing'
import { symbolBytesToText } from './symbol-text'
import { scannerVendorName } from './vendors'

export interface SerialPortInfo {
  readonly path: string
  readonly manufacturer?: string
  readonly vendorId?: string
  readonly productId?: string
  readonly serialNumber?: string
  readonly pnpId?: string
}

export interface SerialConnection {
  on(event: 'data', listener: (chunk: Uint8Array) => void): void
  /** error is null for a close we asked for, a message for an unplug or I/O failure. */
  on(event: 'close', listener: (error: string | null) => void): void
  close(): Promise<void>
}

export interface SerialBackend {
  list(): Promise<SerialPortInfo[]>
  open(options: { path: string; baudRate: number }): Promise<SerialConnection>
}

export interface SerialScan {
  readonly text: string
  readonly path: string
  readonly at: Date
}

export type SerialState =
  | { readonly connected: true; readonly path: string }
  | {
      readonly connected: false
      readonly path: string | null
      readonly error: string | null
      /** When the next attempt is due; null while stopped. */
      readonly retryInMs: number | null
    }

export interface SerialScannerOptions {
  readonly backend: SerialBackend
  /** A port path (COM3, /dev/ttyACM0) or 'auto' (first port of a known scanner vendor). */
  readonly path: string | 'auto'
  readonly baudRate?: number
  readonly terminator?: SerialTerminator
  /** Gap after which a partial frame is taken as a whole symbol (default 50 ms without terminator, else 300 ms). */
  readonly idleMs?: number
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number }
  readonly now?: () => Date
}

/** Virtual COM ports of scanner makers may be opened without being told to. */
export function isLikelyScannerPort(port: SerialPortInfo): boolean {
  return scannerVendorName(port.vendorId) !== undefined
}

/** The port 'auto' would choose, or null. Generic USB-serial chips (CH340, STM VCP) are never auto-picked. */
export function pickScannerPort(ports: readonly SerialPortInfo[]): SerialPortInfo | null {
  return ports.find(isLikelyScannerPort) ?? null
}

export function serialPortLabel(port: SerialPortInfo): string {
  const name = scannerVendorName(port.vendorId) ?? port.manufacturer
  return name ? `${port.path} (${name})` : port.path
}

export class SerialScanner extends TypedEmitter<{ scan: SerialScan; state: SerialState }> {
  private readonly backend: SerialBackend
  private readonly configuredPath: string
  private readonly baudRate: number
  private readonly terminator: SerialTerminator
  private readonly idleMs: number
  private readonly backoff: { initialMs: number; maxMs: number }
  private readonly now: () => Date

  private running = false
  private connection: SerialConnection | null = null
  private retryDelay: number
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private idleTimer: ReturnType<typeof setTimeout> | null = null
  private currentState: SerialState

  constructor(options: SerialScannerOptions) {
    super()
    this.backend = options.backend
    this.configuredPath = options.path
    this.baudRate = options.baudRate ?? 9600
    this.terminator = options.terminator ?? 'auto'
    this.idleMs = options.idleMs ?? (this.terminator === 'none' ? 50 : 300)
    this.backoff = options.backoff ?? { initialMs: 500, maxMs: 10_000 }
    this.retryDelay = this.backoff.initialMs
    this.now = options.now ?? (() => new Date())
    this.currentState = { connected: false, path: null, error: null, retryInMs: null }
  }

  get state(): SerialState {
    return this.currentState
  }

  start(): void {
    if (this.running) return
    this.running = true
    void this.attempt()
  }

  async stop(): Promise<void> {
    this.running = false
    this.clearTimers()
    const connection = this.connection
    this.connection = null
    if (connection) await connection.close().catch(() => undefined)
    this.setState({ connected: false, path: null, error: null, retryInMs: null })
  }

  private async attempt(): Promise<void> {
    this.retryTimer = null
    if (!this.running || this.connection) return
    let path: string | null = this.configuredPath
    if (path === 'auto') {
      try {
        path = pickScannerPort(await this.backend.list())?.path ?? null
      } catch (e) {
        return this.scheduleRetry(null, `listing serial ports failed: ${errorText(e)}`)
      }
      // Auto mode waits for a scanner to appear: poll at the slowest pace, quietly.
      if (path === null) return this.scheduleRetry(null, null, this.backoff.maxMs)
    }
    let connection: SerialConnection
    try {
      connection = await this.backend.open({ path, baudRate: this.baudRate })
    } catch (e) {
      return this.scheduleRetry(path, `cannot open ${path}: ${errorText(e)}`)
    }
    if (!this.running) {
      await connection.close().catch(() => undefined)
      return
    }
    this.connection = connection
    this.retryDelay = this.backoff.initialMs
    const framer = new SerialFramer(this.terminator)
    const openedPath = path
    connection.on('data', (chunk) => {
      if (this.connection === connection) this.onChunk(framer, openedPath, chunk)
    })
    connection.on('close', (error) => {
      if (this.connection !== connection) return
      this.connection = null
      this.flushIdle(framer, openedPath)
      if (this.running) this.scheduleRetry(openedPath, error ?? 'port closed')
    })
    this.setState({ connected: true, path })
  }

  private onChunk(framer: SerialFramer, path: string, chunk: Uint8Array): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    for (const frame of framer.push(chunk)) this.emitFrame(frame, path)
    if (framer.pending) this.idleTimer = setTimeout(() => this.flushIdle(framer, path), this.idleMs)
  }

  private flushIdle(framer: SerialFramer, path: string): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    const rest = framer.takePending()
    if (rest) this.emitFrame(rest, path)
  }

  private emitFrame(frame: Uint8Array, path: string): void {
    const text = symbolBytesToText(frame)
    if (text.length > 0) this.emit('scan', { text, path, at: this.now() })
  }

  private scheduleRetry(path: string | null, error: string | null, delay = this.retryDelay): void {
    if (!this.running) return
    this.retryDelay = Math.min(this.retryDelay * 2, this.backoff.maxMs)
    this.setState({ connected: false, path, error, retryInMs: delay })
    this.retryTimer = setTimeout(() => void this.attempt(), delay)
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.retryTimer = null
    this.idleTimer = null
  }

  private setState(state: SerialState): void {
    this.currentState = state
    this.emit('state', state)
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Lists serial ports with a flag for the ones 'auto' would take (for the settings screen and the CLI). */
export async function listSerialPorts(
  backend: SerialBackend
): Promise<Array<SerialPortInfo & { likelyScanner: boolean; label: string }>> {
  const ports = await backend.list()
  return ports.map((p) => ({ ...p, likelyScanner: isLikelyScannerPort(p), label: serialPortLabel(p) }))
}

/** The real backend over `serialport`, loaded lazily so start-up does not pay for the addon. */
export function serialportBackend(): SerialBackend {
  return {
    async list() {
      const { SerialPort } = await import('serialport')
      const ports = await SerialPort.list()
      return ports.map((p) => ({
        path: p.path,
        manufacturer: p.manufacturer,
        vendorId: p.vendorId,
        productId: p.productId,
        serialNumber: p.serialNumber,
        pnpId: p.pnpId
      }))
    },
    async open({ path, baudRate }) {
      const { SerialPort } = await import('serialport')
      const port = new SerialPort({ path, baudRate, autoOpen: false, lock: true })
      await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())))
      const closeListeners: Array<(error: string | null) => void> = []
      let closed = false
      const fireClose = (error: string | null): void => {
        if (closed) return
        closed = true
        for (const listener of closeListeners) listener(error)
      }
      port.on('close', (err?: Error) => fireClose(err ? err.message || 'disconnected' : null))
      // Without an 'error' listener an unplug would be an uncaught exception; an error that leaves the
      // port closed counts as a close.
      port.on('error', (err: Error) => {
        if (!port.isOpen) fireClose(err.message || 'port error')
      })
      return {
        on(
          event: 'data' | 'close',
          listener: ((chunk: Uint8Array) => void) | ((error: string | null) => void)
        ) {
          if (event === 'data') port.on('data', listener as (chunk: Uint8Array) => void)
          else closeListeners.push(listener as (error: string | null) => void)
        },
        close: () =>
          new Promise<void>((resolve) => {
            if (!port.isOpen) return resolve()
            port.close(() => resolve())
          })
      } as SerialConnection
    }
  }
}
