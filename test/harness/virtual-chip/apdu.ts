// Minimal ISO 7816-4 command parsing and BER-TLV scanning for the virtual chip.

export interface CommandApdu {
  cla: number
  ins: number
  p1: number
  p2: number
  data: Buffer
  /** Expected response length; null when absent; 256 (short) or 65536 (extended) for a zero Le. */
  le: number | null
}

export function parseCommand(apdu: Uint8Array): CommandApdu | null {
  if (apdu.length < 4) return null
  const b = Buffer.from(apdu)
  const head = { cla: b[0]!, ins: b[1]!, p1: b[2]!, p2: b[3]! }
  if (b.length === 4) return { ...head, data: Buffer.alloc(0), le: null }
  if (b.length === 5) return { ...head, data: Buffer.alloc(0), le: b[4] === 0 ? 256 : b[4]! }
  if (b[4] === 0 && b.length >= 7) {
    // Extended length.
    if (b.length === 7) {
      const le = b.readUInt16BE(5)
      return { ...head, data: Buffer.alloc(0), le: le === 0 ? 65536 : le }
    }
    const lc = b.readUInt16BE(5)
    const rest = b.length - 7 - lc
    if (rest !== 0 && rest !== 2) return null
    const le = rest === 2 ? b.readUInt16BE(7 + lc) : null
    return { ...head, data: b.subarray(7, 7 + lc), le: le === 0 ? 65536 : le }
  }
  const lc = b[4]!
  const rest = b.length - 5 - lc
  if (rest !== 0 && rest !== 1) return null
  const le = rest === 1 ? (b[5 + lc] === 0 ? 256 : b[5 + lc]!) : null
  return { ...head, data: b.subarray(5, 5 + lc), le }
}

export interface Tlv {
  tag: number
  value: Buffer
  /** The whole encoded object (tag ‖ length ‖ value), needed for MAC input. */
  raw: Buffer
}

/** Scans a flat list of single-byte-tag TLVs (SM data objects). Returns null on malformed input. */
export function parseFlatTlvs(data: Uint8Array): Tlv[] | null {
  const b = Buffer.from(data)
  const out: Tlv[] = []
  let i = 0
  while (i < b.length) {
    const start = i
    const tag = b[i++]!
    if (i >= b.length) return null
    let len = b[i++]!
    if (len === 0x81) {
      if (i >= b.length) return null
      len = b[i++]!
    } else if (len === 0x82) {
      if (i + 1 >= b.length) return null
      len = b.readUInt16BE(i)
      i += 2
    } else if (len > 0x80) return null
    if (i + len > b.length) return null
    out.push({ tag, value: b.subarray(i, i + len), raw: b.subarray(start, i + len) })
    i += len
  }
  return out
}

/** BER length octets (short form, or 81/82/83 long form). */
export function berLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  if (n <= 0xff) return Buffer.from([0x81, n])
  if (n <= 0xffff) return Buffer.from([0x82, n >> 8, n & 0xff])
  return Buffer.from([0x83, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff])
}

export function sw(code: number): Buffer {
  return Buffer.from([code >> 8, code & 0xff])
}
