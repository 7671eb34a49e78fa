import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fromHex, hex } from '../../../protocol/icao/bytes'
import {
  decodeSingleTlv,
  decodeTlv,
  decodeTlvHeader,
  decodeTlvList,
  decodeTlvTree,
  encodeConstructed,
  encodeLength,
  encodeTlv
} from '../../../protocol/icao/tlv'
import { isAppError } from '../../../contract/errors'

function expectChipDataInvalid(fn: () => unknown): void {
  try {
    fn()
  } catch (e) {
    expect(isAppError(e) && e.code).toBe('CHIP_DATA_INVALID')
    return
  }
  throw new Error('expected CHIP_DATA_INVALID')
}

describe('BER-TLV', () => {
  it('decodes the EF.COM of the ICAO example with nested objects', () => {
    const com = fromHex('60145F0104303130365F36063034303030305C026175')
    const [root] = decodeTlvTree(com)
    expect(root!.tag).toBe(0x60)
    expect(root!.children!.map((c) => c.tag)).toEqual([0x5f01, 0x5f36, 0x5c])
    expect(hex(root!.children![2]!.value)).toBe('6175')
  })

  it('reads long-form lengths and three-byte tags', () => {
    const value = new Uint8Array(300).fill(7)
    const encoded = encodeTlv(0x7f2e, value)
    expect(hex(encoded.subarray(0, 5))).toBe('7F2E82012C')
    const tlv = decodeTlv(encoded)
    expect(tlv.tag).toBe(0x7f2e)
    expect(tlv.value.length).toBe(300)
    expect(decodeTlvHeader(fromHex('5F8F011F')).tag).toBe(0x5f8f01)
  })

  it('encodes minimal lengths', () => {
    expect(hex(encodeLength(0x7f))).toBe('7F')
    expect(hex(encodeLength(0x80))).toBe('8180')
    expect(hex(encodeLength(0x1234))).toBe('821234')
    expect(hex(encodeLength(0x123456))).toBe('83123456')
  })

  it('learns a DG2 size from its first four bytes', () => {
    const h = decodeTlvHeader(fromHex('75823AC8'))
    expect(h).toMatchObject({ tag: 0x75, headerLength: 4, length: 0x3ac8 })
  })

  it.each([
    ['truncated value', '6105AABB'],
    ['indefinite length', '6180AABB0000'],
    ['length field of 5 bytes', '61850000000001AA'],
    ['truncated multi-byte tag', '5F'],
    ['truncated long length', '7582AA'],
    ['empty input', ''],
    ['zero tag', '0001AA']
  ])('rejects %s', (_name, input) => {
    expectChipDataInvalid(() => decodeSingleTlv(fromHex(input)))
  })

  it('rejects trailing bytes when one object is expected, and a wrong tag', () => {
    expectChipDataInvalid(() => decodeSingleTlv(fromHex('6101AAFF')))
    expectChipDataInvalid(() => decodeSingleTlv(fromHex('6101AA'), 0x75))
  })

  it('rejects runaway nesting', () => {
    let nested = encodeTlv(0x04, Uint8Array.of(1))
    for (let i = 0; i < 40; i++) nested = encodeConstructed(0x30, nested)
    expectChipDataInvalid(() => decodeTlvTree(nested))
  })

  it('round-trips arbitrary tag/value pairs', () => {
    const tag = fc.oneof(
      fc.integer({ min: 1, max: 0x1e }).map((n) => n | 0x40),
      fc.integer({ min: 0x1f, max: 0x7f }).map((n) => 0x5f00 | n)
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(tag, fc.uint8Array({ maxLength: 600 })), { maxLength: 5 }), (items) => {
        const encoded = new Uint8Array(items.flatMap(([t, v]) => [...encodeTlv(t, v)]))
        const decoded = decodeTlvList(encoded)
        expect(decoded.map((d) => [d.tag, hex(d.value)])).toEqual(items.map(([t, v]) => [t, hex(v)]))
      }),
      { numRuns: 200 }
    )
  })

  it('never crashes on garbage: either a tree or CHIP_DATA_INVALID', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          decodeTlvTree(bytes)
        } catch (e) {
          if (!isAppError(e) || e.code !== 'CHIP_DATA_INVALID') throw e
        }
      }),
      { numRuns: 2000 }
    )
  })
})
