import { statusText } from '../../contract/messages'
import type { ReaderStatus, ScannerStatus } from '../../contract/status'

/**
 * Reader and scanner state as the status bar shows it. Until a device service reports, the honest answer is
 * "not connected" — never a hopeful "ready".
 */
export class DeviceStatus {
  reader: ReaderStatus = {
    state: 'unavailable',
    readerName: null,
    ...statusText('status.reader.notConnected')
  }
  scanner: ScannerStatus = { state: 'none', name: null, ...statusText('status.scanner.notDetected') }
  private readonly listeners = new Set<() => void>()

  setReader(s: ReaderStatus): void {
    this.reader = s
    this.emit()
  }

  setScanner(s: ScannerStatus): void {
    this.scanner = s
    this.emit()
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(): void {
    for (const l of this.listeners) l()
  }
}
