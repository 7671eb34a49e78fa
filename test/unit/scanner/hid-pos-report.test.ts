import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  HidPosAssembler,
  NEWLAND_HID_POS_LAYOUT,
  STANDARD_HID_POS_LAYOUT,
  encodeHidPosReports,
  parseHidPosReport
} from '../../../devices/scanner/hid-pos-report'
import { symbolBytesToText } from '../../../devices/scanner/symbol-text'

const cccdQr =
  '001303012345|123456789|Nguyễn Thị Hoa|21032003|Nữ|Số 12, Phường Hồng Gai, Tỉnh Quảng Ninh|14082021'
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

/** A Honeywell HID-POS report as recorded from a Voyager (REVINF response, python_hon_usbhid README). */
const recordedHoneywellReport = Uint8Array.from([
  2,
  9,
  93,
  88,
  48,
  117,
  109,
  58,
  32,
  78,
  47,
  65,
  13,
  10,
  ...new Array<number>(48).fill(0),
  63,
  0,
  0
])

describe('parseHidPosReport', () => {
  it('reads length, AIM symbology and the end-of-symbol flag of a recorded Honeywell report', () => {
    const r = parseHidPosReport(recordedHoneywellReport, STANDARD_HID_POS_LAYOUT)
    expect(r).not.toBeNull()
    expect(new TextDecoder().decode(r!.data)).toBe('um: N/A\r\n')
    expect(r!.symbology).toBe(']X0')
    expect(r!.more).toBe(false)
  })

  it('ignores reports with another report id and lengths that overflow the report', () => {
    const other = recordedHoneywellReport.slice()
    other[0] = 4
    expect(parseHidPosReport(other, STANDARD_HID_POS_LAYOUT)).toBeNull()
    const bad = recordedHoneywellReport.slice()
    bad[1] = 200
    expect(parseHidPosReport(bad, STANDARD_HID_POS_LAYOUT)).toBeNull()
  })
})

describe('HidPosAssembler', () => {
  it('joins a CCCD QR split over several reports into one symbol with its Vietnamese text intact', () => {
    const reports = encodeHidPosReports(utf8(cccdQr + '\r'))
    expect(reports.length).toBeGreaterThan(2)
    const assembler = new HidPosAssembler(STANDARD_HID_POS_LAYOUT)
    const out = reports.map((r) => assembler.push(r))
    expect(out.slice(0, -1).every((s) => s === null)).toBe(true)
    const symbol = out.at(-1)!
    expect(symbol.symbology).toBe(']Q1')
    expect(symbolBytesToText(symbol.bytes)).toBe(cccdQr)
  })

  it('emits two scans for two symbols sent back to back', () => {
    const assembler = new HidPosAssembler(STANDARD_HID_POS_LAYOUT)
    const texts: string[] = []
    for (const r of [...encodeHidPosReports(utf8('Lê Văn Tám')), ...encodeHidPosReports(utf8(cccdQr))]) {
      const s = assembler.push(r)
      if (s) texts.push(symbolBytesToText(s.bytes))
    }
    expect(texts).toEqual(['Lê Văn Tám', cccdQr])
  })

  it('Newland layout: a short report ends the symbol, a full one waits for more or for flush()', () => {
    const bytes = utf8(cccdQr)
    const reports: Uint8Array[] = []
    for (let off = 0; off < bytes.length; off += 56) {
      const chunk = bytes.subarray(off, off + 56)
      const r = new Uint8Array(63)
      r[0] = 2
      r[1] = chunk.length
      r.set(chunk, 2)
      r[62] = 0x51
      reports.push(r)
    }
    const assembler = new HidPosAssembler(NEWLAND_HID_POS_LAYOUT)
    const results = reports.map((r) => assembler.push(r))
    expect(symbolBytesToText(results.at(-1)!.bytes)).toBe(cccdQr)

    const exact = new Uint8Array(63)
    exact[0] = 2
    exact[1] = 56
    exact.set(utf8('x'.repeat(56)), 2)
    expect(assembler.push(exact)).toBeNull()
    expect(symbolBytesToText(assembler.flush()!.bytes)).toBe('x'.repeat(56))
  })

  it('fuzz: any UTF-8 text round-trips through standard reports; random reports never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (text) => {
        fc.pre(!/[\r\n\t\0]$/.test(text) && !text.startsWith('\uFEFF'))
        const assembler = new HidPosAssembler(STANDARD_HID_POS_LAYOUT)
        const symbols = encodeHidPosReports(utf8(text))
          .map((r) => assembler.push(r))
          .filter((s) => s !== null)
        expect(symbols.map((s) => symbolBytesToText(s.bytes))).toEqual([text])
      }),
      { numRuns: 200 }
    )
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 70 }), { maxLength: 10 }), (reports) => {
        const assembler = new HidPosAssembler(STANDARD_HID_POS_LAYOUT)
        for (const r of reports) assembler.push(r)
        assembler.flush()
      }),
      { numRuns: 300 }
    )
  })
})
