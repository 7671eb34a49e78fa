import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { scannerStatusSchema, type ScannerStatus } from '../../../contract/status'
import { encodeHidPosReports } from '../../../devices/scanner/hid-pos-report'
import { ScannerManager, listScannerDevices, type ScanEvent } from '../../../devices/scanner/manager'
import { FakeHidBackend, FakeSerialBackend } from './fakes'

const hidScanner = {
  path: '/dev/hidraw2',
  vendorId: 0x1eab,
  productId: 0x1d06,
  usagePage: 0x8c,
  manufacturer: 'Newland',
  product: 'HR32'
}

describe('ScannerManager', () => {
  let hid: FakeHidBackend
  let serial: FakeSerialBackend
  let manager: ScannerManager | null
  let scans: ScanEvent[]
  let statuses: ScannerStatus[]

  function start(config: ConstructorParameters<typeof ScannerManager>[0]): ScannerManager {
    const m = new ScannerManager(config, {
      hidBackend: hid,
      serialBackend: serial,
      now: () => new Date('2026-03-02T01:02:03.000Z')
    })
    m.on('scan', (s) => scans.push(s))
    m.on('status', (s) => statuses.push(scannerStatusSchema.parse(s)))
    m.start()
    manager = m
    return m
  }

  beforeEach(() => {
    vi.useFakeTimers()
    hid = new FakeHidBackend()
    serial = new FakeSerialBackend()
    manager = null
    scans = []
    statuses = []
  })
  afterEach(async () => {
    await manager?.stop()
    vi.useRealTimers()
  })

  it('says in Vietnamese which scanner is connected, and tags scans with where they came from', async () => {
    serial.present.add('/dev/ttyACM0')
    const m = start({ hid: { enabled: false }, serial: { path: '/dev/ttyACM0', baudRate: 115200 } })
    await vi.advanceTimersByTimeAsync(0)
    expect(m.status).toEqual({
      state: 'serial',
      name: '/dev/ttyACM0',
      key: 'status.scanner.serial',
      params: { port: '/dev/ttyACM0' },
      message: 'Máy quét QR: USB-COM /dev/ttyACM0'
    })
    serial.last.write('Nguyễn Văn An\r\n')
    expect(scans).toEqual([
      { text: 'Nguyễn Văn An', via: 'serial', at: '2026-03-02T01:02:03.000Z', source: '/dev/ttyACM0' }
    ])
  })

  it('reports an unplugged configured port as an error that clears when it comes back', async () => {
    serial.present.add('COM4')
    const m = start({ hid: { enabled: false }, serial: { path: 'COM4' } })
    await vi.advanceTimersByTimeAsync(0)
    serial.present.delete('COM4')
    serial.last.unplug()
    expect(m.status.state).toBe('error')
    expect(m.status.message).toContain('COM4 đã ngắt kết nối')
    serial.present.add('COM4')
    await vi.advanceTimersByTimeAsync(1000)
    expect(m.status.state).toBe('serial')
    expect(statuses.map((s) => s.state)).toEqual(['serial', 'error', 'serial'])
  })

  it('uses a HID-POS scanner when no serial one is there', async () => {
    hid.attached = [hidScanner]
    const m = start({ serial: { path: 'auto' } })
    await vi.advanceTimersByTimeAsync(0)
    expect(m.status).toEqual({
      state: 'hid',
      name: 'Newland HR32 (1eab:1d06)',
      key: 'status.scanner.hid',
      params: { name: 'Newland HR32 (1eab:1d06)' },
      message: 'Máy quét QR: HID-POS Newland HR32 (1eab:1d06)'
    })
    for (const r of encodeHidPosReports(new TextEncoder().encode('Đặng Thu Thảo'))) hid.last.send(r)
    expect(scans.map((s) => [s.text, s.via, s.source])).toEqual([
      ['Đặng Thu Thảo', 'hid', 'Newland HR32 (1eab:1d06)']
    ])
  })

  it('honours a vendor filter and explains a HID permission failure', async () => {
    hid.attached = [hidScanner]
    const filtered = start({ hid: { vendorId: 0x0c2e }, serial: { enabled: false } })
    await vi.advanceTimersByTimeAsync(0)
    expect(filtered.status.state).toBe('none')
    expect(hid.opened).toHaveLength(0)
    await filtered.stop()

    hid.openError = new Error('cannot open device with path /dev/hidraw2')
    const m = start({ serial: { enabled: false } })
    await vi.advanceTimersByTimeAsync(0)
    expect(m.status.state).toBe('error')
    expect(m.status.message).toMatch(/không mở được/)
  })

  it('rejects an invalid configuration', () => {
    expect(() => new ScannerManager({ serial: { path: 'COM1', terminator: 'ETX' as never } })).toThrow()
  })
})

describe('listScannerDevices', () => {
  it('lists HID-POS interfaces and serial ports, and spots a scanner left in keyboard mode', async () => {
    const hid = new FakeHidBackend()
    const serial = new FakeSerialBackend()
    hid.attached = [
      { path: 'kbd', vendorId: 0x046d, productId: 0xc31c, usagePage: 0x01, usage: 6 },
      {
        path: 'wedge',
        vendorId: 0x0c2e,
        productId: 0x0b87,
        usagePage: 0x01,
        usage: 6,
        product: 'Voyager 1450g'
      }
    ]
    serial.ports = [{ path: '/dev/ttyS0' }]
    const keyboardOnly = await listScannerDevices({ hidBackend: hid, serialBackend: serial })
    expect(keyboardOnly.hid.map((d) => [d.path, d.mode])).toEqual([['wedge', 'keyboard']])
    expect(keyboardOnly.advice).toMatch(/chế độ bàn phím/)

    hid.attached.push(hidScanner)
    const withPos = await listScannerDevices({ hidBackend: hid, serialBackend: serial })
    expect(withPos.hid.map((d) => d.mode)).toEqual(['keyboard', 'hid-pos'])
    expect(withPos.advice).toBeNull()
    expect(withPos.serial).toEqual([{ path: '/dev/ttyS0', likelyScanner: false, label: '/dev/ttyS0' }])
  })
})
