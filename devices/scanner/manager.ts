/**
 * Runs the configured QR scanners (HID-POS and/or USB-COM), merges their scans into one stream and
 * their states into the one scanner status the status bar shows (contract ScannerStatus).
 * Keyboard-wedge and camera scans happen in the renderer and never pass through here.
 */
import { statusText } from '../../contract/messages'
import { z } from 'zod'
import type { ScanVia } from '../../contract/reading'
import type { ScannerStatus } from '../../contract/status'
import { TypedEmitter } from './events'
import { NEWLAND_HID_POS_LAYOUT, STANDARD_HID_POS_LAYOUT } from './hid-pos-report'
import {
  HidPosScanner,
  hidDeviceName,
  isHidPosDevice,
  nodeHidBackend,
  type HidBackend,
  type HidDeviceInfo,
  type HidPosState
} from './hid-pos'
import {
  SerialScanner,
  listSerialPorts,
  serialportBackend,
  type SerialBackend,
  type SerialPortInfo,
  type SerialState
} from './serial'
import { serialTerminators } from './serial-framing'
import { scannerVendorName } from './vendors'

export const scannerConfigSchema = z.object({
  hid: z
    .object({
      enabled: z.boolean().default(true),
      vendorId: z.number().int().min(0).max(0xffff).optional(),
      productId: z.number().int().min(0).max(0xffff).optional(),
      layout: z.enum(['standard', 'newland']).default('standard'),
      pollMs: z.number().int().min(250).max(60_000).default(2000)
    })
    .default({ enabled: true, layout: 'standard', pollMs: 2000 }),
  serial: z
    .object({
      enabled: z.boolean().default(true),
      /** 'auto' = first port of a known scanner vendor; otherwise COM3, /dev/ttyACM0… */
      path: z.string().min(1).default('auto'),
      baudRate: z.number().int().positive().default(9600),
      terminator: z.enum(serialTerminators).default('auto'),
      idleMs: z.number().int().min(5).max(5000).optional()
    })
    .default({ enabled: true, path: 'auto', baudRate: 9600, terminator: 'auto' })
})
export type ScannerConfig = z.infer<typeof scannerConfigSchema>
export type ScannerConfigInput = z.input<typeof scannerConfigSchema>

export interface ScanEvent {
  readonly text: string
  readonly via: Extract<ScanVia, 'hid' | 'serial'>
  /** ISO 8601 time of the scan. */
  readonly at: string
  /** Port path or HID device name the scan came from. */
  readonly source: string
}

export interface ScannerManagerDeps {
  readonly hidBackend?: HidBackend
  readonly serialBackend?: SerialBackend
  readonly now?: () => Date
}

export class ScannerManager extends TypedEmitter<{ scan: ScanEvent; status: ScannerStatus }> {
  private readonly hid: HidPosScanner | null
  private readonly serial: SerialScanner | null
  private readonly config: ScannerConfig
  private currentStatus: ScannerStatus = noScannerStatus()
  /** A configured port that was connected once: its absence is an unplug, not "no scanner". */
  private serialSeen = false

  constructor(config: ScannerConfigInput, deps: ScannerManagerDeps = {}) {
    super()
    this.config = scannerConfigSchema.parse(config)
    const now = deps.now
    const hidConfig = this.config.hid
    this.hid = hidConfig.enabled
      ? new HidPosScanner({
          backend: deps.hidBackend ?? nodeHidBackend(),
          layout: hidConfig.layout === 'newland' ? NEWLAND_HID_POS_LAYOUT : STANDARD_HID_POS_LAYOUT,
          pollMs: hidConfig.pollMs,
          match: (d) =>
            isHidPosDevice(d) &&
            (hidConfig.vendorId === undefined || d.vendorId === hidConfig.vendorId) &&
            (hidConfig.productId === undefined || d.productId === hidConfig.productId),
          now
        })
      : null
    const serialConfig = this.config.serial
    this.serial = serialConfig.enabled
      ? new SerialScanner({
          backend: deps.serialBackend ?? serialportBackend(),
          path: serialConfig.path,
          baudRate: serialConfig.baudRate,
          terminator: serialConfig.terminator,
          idleMs: serialConfig.idleMs,
          now
        })
      : null

    this.hid?.on('scan', (s) =>
      this.emit('scan', { text: s.text, via: 'hid', at: s.at.toISOString(), source: this.hidSource() })
    )
    this.serial?.on('scan', (s) =>
      this.emit('scan', { text: s.text, via: 'serial', at: s.at.toISOString(), source: s.path })
    )
    this.hid?.on('state', () => this.refreshStatus())
    this.serial?.on('state', (state) => {
      if (state.connected) this.serialSeen = true
      this.refreshStatus()
    })
  }

  get status(): ScannerStatus {
    return this.currentStatus
  }

  start(): void {
    this.hid?.start()
    this.serial?.start()
    this.refreshStatus()
  }

  async stop(): Promise<void> {
    await Promise.all([this.hid?.stop(), this.serial?.stop()])
    this.refreshStatus()
  }

  private hidSource(): string {
    const state = this.hid?.state
    return state?.connected ? hidDeviceName(state.device) : 'HID-POS'
  }

  private refreshStatus(): void {
    const next = scannerStatusFrom(
      this.serial?.state ?? null,
      this.hid?.state ?? null,
      this.config.serial.enabled ? this.config.serial.path : null,
      this.serialSeen
    )
    if (JSON.stringify(next) === JSON.stringify(this.currentStatus)) return
    this.currentStatus = next
    this.emit('status', next)
  }
}

function noScannerStatus(): ScannerStatus {
  return {
    state: 'none',
    name: null,
    ...statusText('status.scanner.none')
  }
}

/** Pure: the status bar text for the adapters' states. A working scanner wins over a failing one. */
export function scannerStatusFrom(
  serial: SerialState | null,
  hid: HidPosState | null,
  configuredSerialPath: string | null,
  serialWasConnected: boolean
): ScannerStatus {
  if (serial?.connected) {
    return {
      state: 'serial',
      name: serial.path,
      ...statusText('status.scanner.serial', { port: serial.path })
    }
  }
  if (hid?.connected) {
    const name = hidDeviceName(hid.device)
    return { state: 'hid', name, ...statusText('status.scanner.hid', { name }) }
  }
  const explicitPort =
    configuredSerialPath !== null && configuredSerialPath !== 'auto' ? configuredSerialPath : null
  if (serial && explicitPort !== null && serial.error !== null) {
    const key = serialWasConnected ? 'status.scanner.serialLost' : 'status.scanner.serialCannotOpen'
    return { state: 'error', name: explicitPort, ...statusText(key, { port: explicitPort }) }
  }
  if (hid && hid.error !== null && /open/i.test(hid.error)) {
    return {
      state: 'error',
      name: null,
      ...statusText('status.scanner.hidNoAccess')
    }
  }
  if (serial && serial.error !== null && serial.path !== null) {
    return {
      state: 'error',
      name: serial.path,
      ...statusText('status.scanner.serialRetrying', { port: serial.path })
    }
  }
  return noScannerStatus()
}

export interface ScannerDeviceList {
  /** HID-POS interfaces, plus keyboard interfaces of scanner makers (a scanner left in keyboard mode). */
  readonly hid: ReadonlyArray<HidDeviceInfo & { name: string; mode: 'hid-pos' | 'keyboard' }>
  readonly serial: ReadonlyArray<SerialPortInfo & { likelyScanner: boolean; label: string }>
  /** Vietnamese advice for the settings screen / CLI when a scanner is attached in keyboard mode only. */
  readonly advice: string | null
}

/** What is plugged in, for the settings screen and the diagnostics CLI. Listing failures give empty lists. */
export async function listScannerDevices(deps: ScannerManagerDeps = {}): Promise<ScannerDeviceList> {
  const [hidDevices, serial] = await Promise.all([
    (deps.hidBackend ?? nodeHidBackend()).devices().catch(() => [] as HidDeviceInfo[]),
    listSerialPorts(deps.serialBackend ?? serialportBackend()).catch(() => [])
  ])
  const hid = hidDevices.flatMap((d): Array<ScannerDeviceList['hid'][number]> => {
    if (isHidPosDevice(d)) return [{ ...d, name: hidDeviceName(d), mode: 'hid-pos' }]
    if (scannerVendorName(d.vendorId) !== undefined && d.usagePage === 0x01)
      return [{ ...d, name: hidDeviceName(d), mode: 'keyboard' }]
    return []
  })
  const exactMode = hid.some((d) => d.mode === 'hid-pos') || serial.some((p) => p.likelyScanner)
  const advice =
    !exactMode && hid.some((d) => d.mode === 'keyboard')
      ? 'Máy quét QR đang ở chế độ bàn phím nên có thể làm hỏng dấu tiếng Việt. Hãy quét mã cấu hình để chuyển sang chế độ USB-COM hoặc HID-POS.'
      : null
  return { hid, serial, advice }
}
