import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  HidPosScanner,
  type HidDeviceInfo,
  type HidPosState,
  type HidScan
} from '../../../devices/scanner/hid-pos'
import { NEWLAND_HID_POS_LAYOUT, encodeHidPosReports } from '../../../devices/scanner/hid-pos-report'
import { FakeHidBackend } from './fakes'

const scanner: HidDeviceInfo = {
  path: '/dev/hidraw3',
  vendorId: 0x0c2e,
  productId: 0x0b61,
  usagePage: 0x8c,
  usage: 0x02,
  manufacturer: 'Honeywell',
  product: 'Xenon 1900'
}
const keyboard: HidDeviceInfo = {
  path: '/dev/hidraw0',
  vendorId: 0x046d,
  productId: 0xc31c,
  usagePage: 0x01,
  usage: 6
}
const qr = '079190001234||Trần Thị Ngọc Ánh|05011993|Nữ|Thôn Đồng Tâm, Xã Quảng Tân, Tỉnh Quảng Ninh|10052021'
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('HidPosScanner', () => {
  let backend: FakeHidBackend
  let reader: HidPosScanner
  let scans: HidScan[]
  let states: HidPosState[]

  beforeEach(() => {
    vi.useFakeTimers()
    backend = new FakeHidBackend()
    reader = new HidPosScanner({ backend, pollMs: 1000 })
    scans = []
    states = []
    reader.on('scan', (s) => scans.push(s))
    reader.on('state', (s) => states.push(s))
  })

  afterEach(async () => {
    await reader.stop()
    vi.useRealTimers()
  })

  it('opens only the HID-POS interface and emits one scan per multi-report symbol', async () => {
    backend.attached = [keyboard, scanner]
    reader.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(reader.state).toEqual({ connected: true, device: scanner })
    expect(backend.opened).toHaveLength(1)

    for (const r of encodeHidPosReports(bytes(qr + '\r\n'))) backend.last.send(r)
    expect(scans.map((s) => s.text)).toEqual([qr])
    expect(scans[0]!.symbology).toBe(']Q1')
  })

  it('notices an unplug by polling, and reconnects when the scanner comes back', async () => {
    backend.attached = [scanner]
    reader.start()
    await vi.advanceTimersByTimeAsync(0)
    const first = backend.last

    backend.attached = [keyboard]
    await vi.advanceTimersByTimeAsync(1000)
    expect(reader.state.connected).toBe(false)
    expect(first.closed).toBe(true)

    backend.attached = [keyboard, scanner]
    await vi.advanceTimersByTimeAsync(1000)
    expect(reader.state.connected).toBe(true)
    expect(backend.opened).toHaveLength(2)
    for (const r of encodeHidPosReports(bytes('Lê Thị Mỹ'))) backend.last.send(r)
    expect(scans.map((s) => s.text)).toEqual(['Lê Thị Mỹ'])
    expect(states.map((s) => s.connected)).toEqual([true, false, true])
  })

  it('survives a device read error (the close failing too) and reconnects on the next poll', async () => {
    backend.attached = [scanner]
    reader.start()
    await vi.advanceTimersByTimeAsync(0)
    const first = backend.last
    first.closed = true // close() will now throw, as node-hid does for a vanished device
    first.fail(new Error('could not read from HID device'))
    await vi.advanceTimersByTimeAsync(0)
    expect(reader.state).toEqual({ connected: false, error: 'device error: could not read from HID device' })

    // Reports from the dead connection are ignored.
    for (const r of encodeHidPosReports(bytes('stale'))) first.send(r)
    await vi.advanceTimersByTimeAsync(1000)
    expect(reader.state.connected).toBe(true)
    expect(scans).toEqual([])
  })

  it('reports a permission failure as state and keeps retrying', async () => {
    backend.attached = [scanner]
    backend.openError = new Error('cannot open device with path /dev/hidraw3')
    reader.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(reader.state).toEqual({
      connected: false,
      error: 'cannot open /dev/hidraw3: cannot open device with path /dev/hidraw3'
    })
    backend.openError = null
    await vi.advanceTimersByTimeAsync(1000)
    expect(reader.state.connected).toBe(true)
  })

  it('with a layout lacking the continuation bit, a symbol ending on a full report is closed by the idle gap', async () => {
    await reader.stop()
    reader = new HidPosScanner({ backend, pollMs: 1000, idleFlushMs: 80, layout: NEWLAND_HID_POS_LAYOUT })
    reader.on('scan', (s) => scans.push(s))
    backend.attached = [scanner]
    reader.start()
    await vi.advanceTimersByTimeAsync(0)
    const text = 'Đ'.repeat(28) // exactly 56 bytes: one full report and nothing after it
    const r = new Uint8Array(63)
    r[0] = 2
    r[1] = 56
    r.set(bytes(text), 2)
    backend.last.send(r)
    expect(scans).toEqual([])
    await vi.advanceTimersByTimeAsync(80)
    expect(scans.map((s) => s.text)).toEqual([text])
  })

  it('stops polling after stop()', async () => {
    reader.start()
    await vi.advanceTimersByTimeAsync(0)
    await reader.stop()
    const calls = backend.listCalls
    await vi.advanceTimersByTimeAsync(5000)
    expect(backend.listCalls).toBe(calls)
  })
})
