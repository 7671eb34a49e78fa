import { parseArgs } from 'node:util'
import { AppError, toErrorValue } from '../../contract/errors'
import { listScannerDevices, ScannerManager, type ScanEvent } from '../../devices/scanner/manager'
import { parseCccdQr } from '../../protocol/cccd'
import type { Command } from '../context'

/** reception scanners: HID-POS devices, keyboard-mode scanners and serial ports, with setup advice. */
export const scanners: Command = async (ctx) => {
  const list = await listScannerDevices()
  ctx.out.result(
    list,
    (l: typeof list) =>
      [
        ...l.hid.map((d) => `HID ${d.mode}: ${d.name}`),
        ...l.serial.map((p) => `COM: ${p.label}${p.likelyScanner ? ' (máy quét)' : ''}`),
        l.advice ?? ''
      ]
        .filter(Boolean)
        .join('\n') || 'Không thấy máy quét nào.'
  )
}

/** reception scan [--port PATH] [--baud N] [--timeout S]: waits for one scan and prints it (decoded when a CCCD QR). */
export const scan: Command = async (ctx, args) => {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      baud: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' }
    }
  })
  const manager = new ScannerManager({
    hid: { enabled: !values.port },
    serial: { enabled: true, path: values.port ?? 'auto', baudRate: values.baud ? Number(values.baud) : 9600 }
  })
  const timeoutMs = Number(values.timeout ?? 60) * 1000
  manager.start()
  try {
    const event = await new Promise<ScanEvent>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(AppError.of('TIMEOUT', 'error.TIMEOUT.scan').withDetail(`no scan within ${timeoutMs} ms`)),
        timeoutMs
      )
      manager.on('scan', (e) => {
        clearTimeout(timer)
        resolve(e)
      })
    })
    let decoded: unknown = null
    try {
      decoded = parseCccdQr(event.text).identity
    } catch (e) {
      decoded = { error: toErrorValue(e) }
    }
    ctx.out.result({ text: event.text, via: event.via, source: event.source, identity: decoded })
  } finally {
    await manager.stop()
  }
}
