import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fromHex, hex } from '../../../protocol/icao/bytes'
import { buildEfCom, parseEfCom } from '../../../protocol/icao/lds/com'
import { buildDg1, parseDg1, parseMrz } from '../../../protocol/icao/lds/mrz-parse'
import { buildDg2, parseDg2 } from '../../../protocol/icao/lds/dg2'
import { parseRawDataGroup } from '../../../protocol/icao/lds/raw'
import { encodeConstructed, encodeTlv } from '../../../protocol/icao/tlv'
import { isAppError } from '../../../contract/errors'

// Real CCCD MRZ that appears in a public test fixture (docs/cccd-card.md §4).
const CCCD_MRZ =
  'IDVNM0930470641001093047064<<2' + '9301054M3301052VNM<<<<<<<<<<<8' + 'UNG<<HOANG<HIEP<<<<<<<<<<<<<<<'

function code(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    if (isAppError(e)) return e.code
    throw e
  }
  return undefined
}

describe('EF.COM', () => {
  it('parses the ICAO appendix D EF.COM', () => {
    const com = parseEfCom(fromHex('60145F0104303130365F36063034303030305C026175'))
    expect(com).toEqual({ ldsVersion: '1.6', unicodeVersion: '4.0.0', dataGroups: [1, 2], unknownTags: [] })
  })

  it('parses the CCCD tag list in chip order and builds the expected 26 bytes', () => {
    const bytes = buildEfCom([1, 2, 3, 13, 15, 14])
    expect(hex(bytes)).toBe('60185F0104303130375F36063034303030305C066175636D6F6E')
    expect(bytes.length).toBe(26)
    expect(parseEfCom(bytes).dataGroups).toEqual([1, 2, 3, 13, 15, 14])
  })

  it('rejects a COM without a tag list', () => {
    expect(code(() => parseEfCom(fromHex('60065F0102303130')))).toBe('CHIP_DATA_INVALID')
  })
})

describe('DG1 (MRZ)', () => {
  it('reads a CCCD TD1 MRZ with all check digits', () => {
    const dg1 = buildDg1(CCCD_MRZ)
    expect(dg1.length).toBe(95)
    const f = parseDg1(dg1)
    expect(f).toMatchObject({
      format: 'TD1',
      documentCode: 'ID',
      issuingState: 'VNM',
      documentNumber: '093047064',
      optionalData1: '001093047064<<2',
      dateOfBirth: '930105',
      dateOfExpiry: '330105',
      sex: 'M',
      nationality: 'VNM',
      surname: 'UNG',
      givenNames: 'HOANG HIEP'
    })
  })

  it('rejects a wrong date-of-birth check digit and a wrong composite', () => {
    const badDob = CCCD_MRZ.slice(0, 36) + '5' + CCCD_MRZ.slice(37)
    expect(code(() => parseMrz(badDob))).toBe('CHIP_DATA_INVALID')
    const badComposite = CCCD_MRZ.slice(0, 59) + '9' + CCCD_MRZ.slice(60)
    expect(code(() => parseMrz(badComposite))).toBe('CHIP_DATA_INVALID')
  })

  it('follows the TD1 long document number rule', () => {
    // ICAO 9303-5 example: number D23145890734 (12 chars), check digit 9, '<' at position 15.
    const l1 = 'I<UTOD23145890<7349<<<<<<<<<<<'
    const l2body = '3407127M9507122UTO<<<<<<<<<<<'
    const composite = (() => {
      const text = l1.slice(5, 30) + l2body.slice(0, 7) + l2body.slice(8, 15) + l2body.slice(18, 29)
      const w = [7, 3, 1]
      let s = 0
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!
        const v = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55
        s += v * w[i % 3]!
      }
      return String(s % 10)
    })()
    const f = parseMrz(l1 + l2body + composite + 'STEVENSON<<PETER<JOHN<<<<<<<<<')
    expect(f.documentNumber).toBe('D23145890734')
    expect(f.surname).toBe('STEVENSON')
    expect(f.givenNames).toBe('PETER JOHN')
  })

  it('reads the ICAO TD3 specimen', () => {
    const f = parseMrz(
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<' + 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'
    )
    expect(f).toMatchObject({ format: 'TD3', documentNumber: 'L898902C3', dateOfBirth: '740812', sex: 'F' })
  })

  it('rejects a DG1 of the wrong length or alphabet', () => {
    expect(code(() => parseMrz(CCCD_MRZ.slice(0, 89)))).toBe('CHIP_DATA_INVALID')
    expect(code(() => parseMrz(CCCD_MRZ.replace('UNG', 'ÙNG')))).toBe('CHIP_DATA_INVALID')
  })
})

describe('DG2 (face)', () => {
  const jpeg = Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x10,
    ...'JFIF'.split('').map((c) => c.charCodeAt(0)),
    0xff,
    0xd9
  ])
  const jp2 = fromHex('0000000C6A5020200D0A870A00000014667479706A703220')
  const j2k = fromHex('FF4FFF51002F0000')

  it.each([
    ['image/jpeg', jpeg],
    ['image/jp2', jp2],
    ['image/j2k', j2k]
  ] as const)('extracts a %s image and its size from the ISO 19794-5 record', (mime, image) => {
    const face = parseDg2(buildDg2(image, { width: 240, height: 320 }))
    expect(face.mime).toBe(mime)
    expect(hex(face.image)).toBe(hex(image))
    expect(face).toMatchObject({ width: 240, height: 320 })
  })

  it('finds the image in a 7F2E block without an ISO header', () => {
    const bdb = encodeTlv(0x7f2e, Uint8Array.from([1, 2, 3, ...jpeg]))
    const dg2 = encodeConstructed(
      0x75,
      encodeConstructed(0x7f61, encodeTlv(0x02, Uint8Array.of(1)), encodeConstructed(0x7f60, bdb))
    )
    expect(hex(parseDg2(dg2).image)).toBe(hex(jpeg))
  })

  it('rejects a DG2 with no image', () => {
    const dg2 = encodeConstructed(
      0x75,
      encodeConstructed(0x7f61, encodeConstructed(0x7f60, encodeTlv(0x5f2e, Uint8Array.of(1, 2, 3))))
    )
    expect(code(() => parseDg2(dg2))).toBe('CHIP_DATA_INVALID')
  })
})

describe('LDS parsers on garbage', () => {
  const expectTyped = (fn: () => unknown) => {
    const c = code(fn)
    expect(c === undefined || c === 'CHIP_DATA_INVALID').toBe(true)
  }

  it('never crash on random bytes or mutated files', () => {
    const goodDg1 = buildDg1(CCCD_MRZ)
    const goodDg2 = buildDg2(fromHex('FFD8FFE000104A464946FFD9'))
    const mutate = (base: Uint8Array) =>
      fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, v]) => {
        const copy = new Uint8Array(base)
        copy[i] = v
        return copy
      })
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), mutate(goodDg1), mutate(goodDg2)), (bytes) => {
        expectTyped(() => parseDg1(bytes))
        expectTyped(() => parseDg2(bytes))
        expectTyped(() => parseEfCom(bytes))
      }),
      { numRuns: 1500 }
    )
  })

  it('MRZ parser on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 85, maxLength: 92 }), (s) => expectTyped(() => parseMrz(s))),
      { numRuns: 500 }
    )
  })
})

describe('raw data groups (DG14, DG15)', () => {
  it('keeps DG14/DG15 bytes after checking the outer tag', () => {
    const dg15 = encodeTlv(0x6f, encodeTlv(0x30, fromHex('0102')))
    const raw = parseRawDataGroup(15, dg15)
    expect(hex(raw.bytes)).toBe(hex(dg15))
    expect(hex(raw.value)).toBe('30020102')
    expect(code(() => parseRawDataGroup(14, dg15))).toBe('CHIP_DATA_INVALID')
    expect(code(() => parseRawDataGroup(14, encodeTlv(0x6e, fromHex('01')).subarray(0, 2)))).toBe(
      'CHIP_DATA_INVALID'
    )
  })
})
