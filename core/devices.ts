import type { EventName, EventPayload } from '../contract/api'
import { AppError, toErrorValue } from '../contract/errors'
import { statusText } from '../contract/messages'
import { ReaderManager } from '../devices/pcsc'
import { smartcardBackend } from '../devices/pcsc/smartcard-backend'
import { ScannerManager, type ScannerConfigInput } from '../devices/scanner/manager'
import type { Services } from './index'
import { CardService } from './card/card-service'
import { looksLikeBhytQrText } from '../contract/bhyt'
import { publishBhytScan } from './bhyt/qr-read'

export type Publish = <E extends EventName>(name: E, payload: EventPayload<E>) => void

export interface DeviceOptions {
  /** false turns the PC/SC reader off (e.g. a desk with only a QR scanner). */
  pcsc?: boolean
  preferredReader?: string | null
  scanner?: ScannerConfigInput | false
}

export interface Devices {
  card: CardService | null
  scanners: ScannerManager | null
  stop(): Promise<void>
}

/**
 * Starts the hardware side (card reader, HID-POS / USB-COM QR scanners) for the Electron app and browser mode.
 * A missing PC/SC service or scanner never stops the app: the status bar says what is missing.
 */
export function startDevices(services: Services, publish: Publish, options: DeviceOptions = {}): Devices {
  let card: CardService | null = null
  if (options.pcsc !== false) {
    try {
      const manager = new ReaderManager(smartcardBackend(), {
        preferredReader: options.preferredReader ?? null
      })
      card = new CardService({ services, manager, publish: (e) => publish('card:event', e) })
      card.start()
    } catch (e) {
      services.devices.setReader({
        state: 'unavailable',
        readerName: null,
        ...statusText('status.reader.serviceFailed', { reason: technicalReason(e) })
      })
    }
  }

  let scanners: ScannerManager | null = null
  if (options.scanner !== false) {
    try {
      scanners = new ScannerManager(options.scanner ?? {})
      scanners.on('status', (s) => services.devices.setScanner(s))
      scanners.on('scan', (scan) => {
        const actor = services.desk.current()
        if (actor && looksLikeBhytQrText(scan.text) && publishBhytScan(publish, scan.text)) return
        const read = actor
          ? services.submitQr(scan.text, scan.via, actor.id)
          : Promise.reject(AppError.of('UNAUTHENTICATED', 'auth.noDeskUser'))
        void read.then(
          (value) => publish('qr:scanned', { ok: true, value }),
          (e: unknown) => publish('qr:scanned', { ok: false, error: toErrorValue(e) })
        )
      })
      scanners.start()
      services.devices.setScanner(scanners.status)
    } catch (e) {
      services.devices.setScanner({
        state: 'error',
        name: null,
        ...statusText('status.scanner.failed', { reason: technicalReason(e) })
      })
    }
  }

  const offQr = services.onQrRead(() => card?.onQrIdentity())
  return {
    card,
    scanners,
    stop: async () => {
      offQr()
      await Promise.all([card?.stop(), scanners?.stop()])
    }
  }
}

/** What IT needs to tell a missing service from a broken one: the technical detail, else the English text. */
function technicalReason(e: unknown): string {
  const v = toErrorValue(e)
  return v.detail ?? v.messageEn
}
