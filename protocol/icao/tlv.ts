import { concat } from './bytes'
import { chipDataInvalid } from './errors'

/**
 * Strict BER-TLV (ISO/IEC 7816-4 / X.690 subset used by ICAO 9303): multi-byte tags, definite
 * lengths in short or long form (up to 4 length bytes). Indefinite lengths, truncated input and
 * runaway nesting are rejected with AppError CHIP_DATA_INVALID; nothing here can loop forever
 * because every step consumes at least one byte.
 */

export interface Tlv {
  /** Tag bytes read big-endian as a number, e.g. 0x61, 0x5F1F, 0x7F61. */
  tag: number
  /** Bit 6 of the first tag byte. */
  constructed: boolean
  /** The value bytes (a view into the input). */
  value: Uint8Array
  /** Bytes taken by tag + length. */
  headerLength: number
  /** Children, for constructed tags decoded with {@link decodeTlvTree}. */
  children?: Tlv[]
}

export const MAX_TLV_DEPTH = 24
const MAX_TAG_BYTES = 3
const MAX_LENGTH_BYTES = 4

export interface TlvHeader {
  tag: number
  constructed: boolean
  headerLength: number
  length: number
}

/**
 * Reads only the tag and length at `offset`. Useful to learn a file's size from its first bytes;
 * it does not require the value to be present.
 */
export function decodeTlvHeader(bytes: Uint8Array, offset = 0): TlvHeader {
  let at = offset
  const first = bytes[at]
  if (first === undefined) throw chipDataInvalid('TLV: missing tag', { offset })
  if (first === 0x00 || first === 0xff) throw chipDataInvalid('TLV: invalid tag byte', { offset })
  let tag = first
  at++
  if ((first & 0x1f) === 0x1f) {
    let count = 1
    for (;;) {
      const next = bytes[at]
      if (next === undefined) throw chipDataInvalid('TLV: truncated tag', { offset })
      tag = tag * 256 + next
      at++
      count++
      if (count > MAX_TAG_BYTES) throw chipDataInvalid('TLV: tag too long', { offset })
      if ((next & 0x80) === 0) break
    }
  }
  const lengthByte = bytes[at]
  if (lengthByte === undefined) throw chipDataInvalid('TLV: missing length', { offset })
  at++
  let length: number
  if (lengthByte < 0x80) {
    length = lengthByte
  } else {
    const n = lengthByte & 0x7f
    if (n === 0) throw chipDataInvalid('TLV: indefinite length not allowed', { offset })
    if (n > MAX_LENGTH_BYTES) throw chipDataInvalid('TLV: length field too long', { offset })
    length = 0
    for (let i = 0; i < n; i++) {
      const b = bytes[at]
      if (b === undefined) throw chipDataInvalid('TLV: truncated length', { offset })
      length = length * 256 + b
      at++
    }
  }
  return { tag, constructed: (first & 0x20) !== 0, headerLength: at - offset, length }
}

/** Decodes one TLV at `offset`; the value must fit in the input. */
export function decodeTlv(bytes: Uint8Array, offset = 0): Tlv {
  const header = decodeTlvHeader(bytes, offset)
  const start = offset + header.headerLength
  const end = start + header.length
  if (end > bytes.length) {
    throw chipDataInvalid('TLV: value runs past the end of the data', {
      offset,
      tag: header.tag.toString(16),
      length: header.length,
      available: bytes.length - start
    })
  }
  return {
    tag: header.tag,
    constructed: header.constructed,
    value: bytes.subarray(start, end),
    headerLength: header.headerLength
  }
}

/** Total encoded size (header + value) of a decoded TLV. */
export function tlvSize(tlv: Pick<Tlv, 'headerLength' | 'value'>): number {
  return tlv.headerLength + tlv.value.length
}

/** Decodes a concatenation of TLVs that must fill `bytes` exactly. */
export function decodeTlvList(bytes: Uint8Array): Tlv[] {
  const out: Tlv[] = []
  let at = 0
  while (at < bytes.length) {
    const tlv = decodeTlv(bytes, at)
    out.push(tlv)
    at += tlvSize(tlv)
  }
  return out
}

/** Decodes a TLV list and recurses into every constructed tag (bounded depth). */
export function decodeTlvTree(bytes: Uint8Array, depth = 0): Tlv[] {
  if (depth > MAX_TLV_DEPTH) throw chipDataInvalid('TLV: nesting too deep')
  return decodeTlvList(bytes).map((tlv) =>
    tlv.constructed ? { ...tlv, children: decodeTlvTree(tlv.value, depth + 1) } : tlv
  )
}

/** Decodes exactly one TLV that must span the whole input (trailing bytes are an error). */
export function decodeSingleTlv(bytes: Uint8Array, expectedTag?: number): Tlv {
  const tlv = decodeTlv(bytes, 0)
  if (expectedTag !== undefined && tlv.tag !== expectedTag) {
    throw chipDataInvalid(`TLV: expected tag ${expectedTag.toString(16)}, found ${tlv.tag.toString(16)}`)
  }
  if (tlvSize(tlv) !== bytes.length) throw chipDataInvalid('TLV: trailing bytes after the object')
  return tlv
}

/** First child with `tag` among a list, or undefined. */
export function findTlv(list: readonly Tlv[], tag: number): Tlv | undefined {
  return list.find((t) => t.tag === tag)
}

/** Like {@link findTlv} but a missing tag is a data error. */
export function requireTlv(list: readonly Tlv[], tag: number, what: string): Tlv {
  const found = findTlv(list, tag)
  if (!found) throw chipDataInvalid(`${what}: tag ${tag.toString(16)} missing`)
  return found
}

export function encodeTag(tag: number): Uint8Array {
  if (!Number.isInteger(tag) || tag <= 0 || tag > 0xffffff) throw new RangeError(`bad tag ${tag}`)
  if (tag <= 0xff) return Uint8Array.of(tag)
  if (tag <= 0xffff) return Uint8Array.of(tag >> 8, tag & 0xff)
  return Uint8Array.of(tag >> 16, (tag >> 8) & 0xff, tag & 0xff)
}

export function encodeLength(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 0xffffffff)
    throw new RangeError(`bad length ${length}`)
  if (length < 0x80) return Uint8Array.of(length)
  const bytes: number[] = []
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256)
  return Uint8Array.of(0x80 | bytes.length, ...bytes)
}

/** Encodes tag + minimal definite length + value. */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  return concat(encodeTag(tag), encodeLength(value.length), value)
}

/** Encodes a constructed TLV from already-encoded children. */
export function encodeConstructed(tag: number, ...children: Uint8Array[]): Uint8Array {
  return encodeTlv(tag, concat(...children))
}
