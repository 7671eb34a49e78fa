/** Fake hardware backends for the scanner adapters: tests play the device's part. */
import type { HidBackend, HidConnection, HidDeviceInfo } from '../../../devices/scanner/hid-pos'
import type { SerialBackend, SerialConnection, SerialPortInfo } from '../../../devices/scanner/serial'

export class FakeHidDevice implements HidConnection {
  private dataListeners: Array<(r: Uint8Array) => void> = []
  private errorListeners: Array<(e: Error) => void> = []
  closed = false

  on(event: 'data' | 'error', listener: ((r: Uint8Array) => void) | ((e: Error) => void)): void {
    if (event === 'data') this.dataListeners.push(listener as (r: Uint8Array) => void)
    else this.errorListeners.push(listener as (e: Error) => void)
  }

  send(report: Uint8Array): void {
    for (const l of this.dataListeners) l(report)
  }

  fail(error: Error): void {
    for (const l of this.errorListeners) l(error)
  }

  close(): void {
    if (this.closed) throw new Error('already closed')
    this.closed = true
  }
}

export class FakeHidBackend implements HidBackend {
  attached: HidDeviceInfo[] = []
  opened: FakeHidDevice[] = []
  openError: Error | null = null
  listCalls = 0

  async devices(): Promise<HidDeviceInfo[]> {
    this.listCalls++
    return [...this.attached]
  }

  async open(_path: string): Promise<HidConnection> {
    if (this.openError) throw this.openError
    const device = new FakeHidDevice()
    this.opened.push(device)
    return device
  }

  get last(): FakeHidDevice {
    const d = this.opened.at(-1)
    if (!d) throw new Error('no device opened')
    return d
  }
}

export class FakeSerialPort implements SerialConnection {
  private dataListeners: Array<(c: Uint8Array) => void> = []
  private closeListeners: Array<(e: string | null) => void> = []
  closed = false

  constructor(readonly path: string) {}

  on(event: 'data' | 'close', listener: ((c: Uint8Array) => void) | ((e: string | null) => void)): void {
    if (event === 'data') this.dataListeners.push(listener as (c: Uint8Array) => void)
    else this.closeListeners.push(listener as (e: string | null) => void)
  }

  write(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
    for (const l of this.dataListeners) l(bytes)
  }

  unplug(): void {
    this.closed = true
    for (const l of this.closeListeners) l('disconnected')
  }

  async close(): Promise<void> {
    this.closed = true
  }
}

export class FakeSerialBackend implements SerialBackend {
  ports: SerialPortInfo[] = []
  /** Paths that exist right now; open() of any other path fails like a missing COM port. */
  present = new Set<string>()
  opened: FakeSerialPort[] = []
  openAttempts: Array<{ path: string; at: number }> = []

  async list(): Promise<SerialPortInfo[]> {
    return [...this.ports]
  }

  async open({ path }: { path: string; baudRate: number }): Promise<SerialConnection> {
    this.openAttempts.push({ path, at: Date.now() })
    if (!this.present.has(path)) throw new Error(`Error: No such file or directory, cannot open ${path}`)
    const port = new FakeSerialPort(path)
    this.opened.push(port)
    return port
  }

  get last(): FakeSerialPort {
    const p = this.opened.at(-1)
    if (!p) throw new Error('no port opened')
    return p
  }
}
