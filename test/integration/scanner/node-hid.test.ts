/**
 * The real node-hid backend on this machine. Build machines have no HID-POS scanner (and no uhid to fake
 * one), so this checks what can be checked: the addon loads lazily, listing works and maps fields, opening a
 * missing device fails as a value, and the scanner settles on "no scanner" without throwing.
 */
import { describe, expect, it } from 'vitest'
import { HidPosScanner, nodeHidBackend, type HidPosState } from '../../../devices/scanner/hid-pos'

describe('node-hid backend', () => {
  it('lists devices with paths and numeric ids', async () => {
    const devices = await nodeHidBackend().devices()
    expect(Array.isArray(devices)).toBe(true)
    for (const d of devices) {
      expect(typeof d.path).toBe('string')
      expect(Number.isInteger(d.vendorId)).toBe(true)
    }
  })

  it('opening a device that is not there rejects instead of crashing', async () => {
    await expect(nodeHidBackend().open('/dev/hidraw-missing-999')).rejects.toThrow()
  })

  it('a scanner over the real backend reports honestly when nothing matches', async () => {
    const states: HidPosState[] = []
    const scanner = new HidPosScanner({
      backend: nodeHidBackend(),
      pollMs: 60_000,
      match: (d) => d.path === 'none'
    })
    scanner.on('state', (s) => states.push(s))
    scanner.start()
    await scanner.poll()
    await scanner.stop()
    expect(scanner.state).toEqual({ connected: false, error: null })
    expect(states.every((s) => !s.connected)).toBe(true)
  })
})
