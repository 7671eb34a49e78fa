/**
 * HID-POS (USB HID usage page 0x8C, "Bar Code Scanner") input reports → symbol bytes.
 *
 * Pure: bytes in, values out. The "Scanned Data Report" of the HID POS usage tables, as Honeywell,
 * Zebra and the Windows POS driver lay it out, is:
 *
 *   [report id 0x02][byte count][symbology id ×3][decoded data ×56][vendor ×2][flags: bit 0 = more data]
 *
 * A symbol longer than 56 bytes (a CCCD QR is 100–250 bytes) arrives over several reports, each with
 * the continuation bit set except the last. Some OEM scanners (Newland) omit the continuation bit and
 * put the symbology at the end; for those a report that is not full ends the symbol, and the adapter
 * closes a symbol after a short idle gap.
 */

export interface HidPosLayout {
  readonly name: string
  /** First byte of every scanned-data report, or null when the device sends unnumbered reports. */
  readonly reportId: number | null
  readonly lengthOffset: number
  readonly dataOffset: number
  /** Maximum data bytes per report. */
  readonly dataCapacity: number
  readonly symbologyOffset: number | null
  readonly symbologyLength: number
  /** Where the "decoded data continued" bit lives; null when the scanner does not send it. */
  readonly continuation: { readonly byteOffset: number; readonly mask: number } | null
}

/** HID POS usage tables / Honeywell / Zebra / Windows POS layout (64-byte report including the id). */
export const STANDARD_HID_POS_LAYOUT: HidPosLayout = {
  name: 'hid-pos-standard',
  reportId: 0x02,
  lengthOffset: 1,
  dataOffset: 5,
  dataCapacity: 56,
  symbologyOffset: 2,
  symbologyLength: 3,
  continuation: { byteOffset: 63, mask: 0x01 }
}

/** Newland-style layout: data right after the length byte, one symbology byte near the end, no continuation bit. */
export const NEWLAND_HID_POS_LAYOUT: HidPosLayout = {
  name: 'hid-pos-newland',
  reportId: 0x02,
  lengthOffset: 1,
  dataOffset: 2,
  dataCapacity: 56,
  symbologyOffset: 62,
  symbologyLength: 1,
  continuation: null
}

export interface HidPosReport {
  readonly data: Uint8Array
  /** Symbology identifier as sent (e.g. AIM "]Q1" for QR), null when absent or all zero. */
  readonly symbology: string | null
  /** true: more reports of this symbol follow; false: symbol ends here; null: the layout cannot tell. */
  readonly more: boolean | null
}

/** Parses one input report; null for reports that are not scanned data or are malformed. */
export function parseHidPosReport(report: Uint8Array, layout: HidPosLayout): HidPosReport | null {
  if (layout.reportId !== null && report[0] !== layout.reportId) return null
  const length = report[layout.lengthOffset]
  if (length === undefined || length > layout.dataCapacity) return null
  if (report.length < layout.dataOffset + length) return null
  const data = report.slice(layout.dataOffset, layout.dataOffset + length)

  let symbology: string | null = null
  if (layout.symbologyOffset !== null) {
    const raw = report.subarray(layout.symbologyOffset, layout.symbologyOffset + layout.symbologyLength)
    const printable = Array.from(raw).filter((b) => b >= 0x20 && b < 0x7f)
    if (printable.length > 0) symbology = String.fromCharCode(...printable)
  }

  let more: boolean | null = null
  if (layout.continuation !== null) {
    const flags = report[layout.continuation.byteOffset]
    more = flags === undefined ? false : (flags & layout.continuation.mask) !== 0
  }
  return { data, symbology, more }
}

export interface HidPosSymbol {
  readonly bytes: Uint8Array
  readonly symbology: string | null
}

/**
 * Joins the reports of one symbol. push() returns a finished symbol when a report ends it; for layouts
 * without a continuation bit the caller calls flush() after an idle gap (a full report may be the last).
 */
export class HidPosAssembler {
  private parts: Uint8Array[] = []
  private symbology: string | null = null

  constructor(private readonly layout: HidPosLayout) {}

  get pending(): boolean {
    return this.parts.length > 0
  }

  push(report: Uint8Array): HidPosSymbol | null {
    const parsed = parseHidPosReport(report, this.layout)
    if (parsed === null) return null
    if (parsed.data.length > 0) this.parts.push(parsed.data)
    this.symbology ??= parsed.symbology
    const ends = parsed.more === null ? parsed.data.length < this.layout.dataCapacity : !parsed.more
    return ends ? this.flush() : null
  }

  flush(): HidPosSymbol | null {
    if (this.parts.length === 0) {
      this.symbology = null
      return null
    }
    const total = this.parts.reduce((n, p) => n + p.length, 0)
    const bytes = new Uint8Array(total)
    let offset = 0
    for (const part of this.parts) {
      bytes.set(part, offset)
      offset += part.length
    }
    const symbol = { bytes, symbology: this.symbology }
    this.parts = []
    this.symbology = null
    return symbol
  }
}

/** Builds the reports a standard-layout scanner sends for one symbol (used by tests and the diagnostics CLI). */
export function encodeHidPosReports(bytes: Uint8Array, symbology = ']Q1'): Uint8Array[] {
  const layout = STANDARD_HID_POS_LAYOUT
  const reports: Uint8Array[] = []
  let offset = 0
  do {
    const chunk = bytes.subarray(offset, offset + layout.dataCapacity)
    offset += chunk.length
    const report = new Uint8Array(64)
    report[0] = layout.reportId ?? 0
    report[layout.lengthOffset] = chunk.length
    for (let i = 0; i < 3; i++) report[2 + i] = symbology.charCodeAt(i) || 0
    report.set(chunk, layout.dataOffset)
    report[63] = offset < bytes.length ? 0x01 : 0x00
    reports.push(report)
  } while (offset < bytes.length)
  return reports
}
