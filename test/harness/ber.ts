// A small BER/DER encoder for building fixture files (EF.COM, DGs). Written here on purpose, separate
// from the decoders under test, so a fixture cannot inherit a decoder's bug.

/** Tag bytes, big-endian and minimal: 0x30 → [30], 0x5F1F → [5F 1F], 0x7F61 → [7F 61]. */
export function encodeTag(tag: number): Buffer {
  const bytes: number[] = []
  let t = tag
  do {
    bytes.unshift(t & 0xff)
    t = Math.floor(t / 256)
  } while (t > 0)
  return Buffer.from(bytes)
}

/** Definite length: short form below 128, else 81 / 82 / 83 long form. */
export function encodeLength(n: number): Buffer {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffff) throw new RangeError(`length ${n} out of range`)
  if (n < 0x80) return Buffer.from([n])
  if (n <= 0xff) return Buffer.from([0x81, n])
  if (n <= 0xffff) return Buffer.from([0x82, n >> 8, n & 0xff])
  return Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff])
}

export function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const value = Buffer.concat(content)
  return Buffer.concat([encodeTag(tag), encodeLength(value.length), value])
}

export const utf8String = (s: string): Buffer => tlv(0x0c, Buffer.from(s.normalize('NFC'), 'utf8'))

export function printableString(s: string): Buffer {
  if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s)) throw new Error(`not a PrintableString: ${JSON.stringify(s)}`)
  return tlv(0x13, Buffer.from(s, 'ascii'))
}

export function integer(n: number): Buffer {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('only non-negative integers')
  const bytes: number[] = []
  let v = n
  do {
    bytes.unshift(v & 0xff)
    v = Math.floor(v / 256)
  } while (v > 0)
  if (bytes[0]! & 0x80) bytes.unshift(0)
  return tlv(0x02, Buffer.from(bytes))
}

export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number)
  if (arcs.length < 2 || arcs.some((a) => !Number.isInteger(a) || a < 0)) throw new Error(`bad OID ${dotted}`)
  const out: number[] = []
  const push = (v: number) => {
    const chunk = [v & 0x7f]
    let r = Math.floor(v / 128)
    while (r > 0) {
      chunk.unshift((r & 0x7f) | 0x80)
      r = Math.floor(r / 128)
    }
    out.push(...chunk)
  }
  push(arcs[0]! * 40 + arcs[1]!)
  for (const a of arcs.slice(2)) push(a)
  return tlv(0x06, Buffer.from(out))
}

export const sequence = (...items: Uint8Array[]): Buffer => tlv(0x30, ...items)
export const set = (...items: Uint8Array[]): Buffer => tlv(0x31, ...items)
