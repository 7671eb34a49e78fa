import { describe, expect, it } from 'vitest'
import { identitySchema } from '../../../contract/identity'
import { isAppError } from '../../../contract/errors'
import { decodeDg13, encodeDg13, cardFieldLabels } from '../../../protocol/cccd'
import { ALL_VIETNAMESE_LETTERS, HOLDER_2021, HOLDER_2024, HOLDER_ELDERLY, LONG_ADDRESS } from './fixtures'

// An independent BER builder so the tests do not only check the production encoder against itself.
const enc = new TextEncoder()
function len(n: number): number[] {
  if (n < 0x80) return [n]
  if (n < 0x100) return [0x81, n]
  return [0x82, n >> 8, n & 0xff]
}
function tlv(tag: number, ...parts: (number[] | Uint8Array)[]): number[] {
  const body = parts.flatMap((p) => Array.from(p))
  return [tag, ...len(body.length), ...body]
}
const utf8 = (s: string): number[] => tlv(0x0c, enc.encode(s))
const printable = (s: string): number[] => tlv(0x13, enc.encode(s))
const field = (n: number, ...values: number[][]): number[] => tlv(0x30, [0x02, 0x01, n], ...values)
const OID = [0x06, 0x06, 0x28, 0xd3, 0x16, 0x01, 0x00, 0x08]
function dg13(...fields: number[][]): Uint8Array {
  return Uint8Array.from(tlv(0x6d, tlv(0x30, [0x02, 0x01, 0x01], OID, tlv(0x31, ...fields))))
}

function errorOf(fn: () => unknown): { code: string; messageVi: string; details: unknown } {
  try {
    fn()
  } catch (e) {
    if (isAppError(e)) return { code: e.code, messageVi: e.messageVi, details: e.details }
    throw e
  }
  throw new Error('expected an AppError')
}

describe('decodeDg13: 2021 CCCD layout', () => {
  const bytes = dg13(
    field(1, printable('022093004712')),
    field(2, utf8('Đặng Quốc Hưởng')),
    field(3, printable('05/01/1993')),
    field(4, utf8('Nam')),
    field(5, utf8('Việt Nam')),
    field(6, utf8('Kinh')),
    field(7, utf8('Không')),
    field(8, utf8('Xã Yên Đức, Thị xã Đông Triều, Quảng Ninh')),
    field(9, utf8(LONG_ADDRESS)),
    field(10, utf8('Nốt ruồi C:1,5cm trên trước đuôi mắt trái')),
    field(11, printable('12/04/2021')),
    field(12, utf8('05/01/2033')),
    // appota nesting: SEQUENCE{INTEGER 13, SEQUENCE{father}, SEQUENCE{mother}}
    field(13, tlv(0x30, utf8('Đặng Văn Ước')), tlv(0x30, utf8('Lê Thị Ỷ'))),
    field(14, tlv(0x30, utf8('Phạm Thị Huyền Trâm'))),
    field(15, printable('100987654')),
    field(16, printable('A1B2C3D4E5F60718'))
  )

  it('fills every Identity field from the field numbers, long address included', () => {
    const { identity, extra, generation, warnings } = decodeDg13(bytes)
    expect(identity).toEqual(HOLDER_2021)
    expect(identitySchema.parse(identity)).toEqual(identity)
    expect(generation).toBe('cccd2021')
    expect(warnings).toEqual([])
    // Field 16's meaning is not settled: it is returned raw, not guessed.
    expect(extra).toHaveLength(1)
    expect(extra[0]!.fieldNumber).toBe(16)
    expect(extra[0]!.texts).toEqual(['A1B2C3D4E5F60718'])
    expect(Array.from(extra[0]!.raw)).toEqual(printable('A1B2C3D4E5F60718'))
  })

  it('uses an 82-form length for the address and still finds the fields after it', () => {
    const residence = field(9, utf8(LONG_ADDRESS))
    expect(residence[1]).toBe(0x82)
    expect(decodeDg13(bytes).identity.issueDate).toBe('2021-04-12')
  })

  it('does not depend on field order', () => {
    const shuffled = dg13(
      field(12, utf8('05/01/2033')),
      field(4, utf8('Nam')),
      field(2, utf8('Đặng Quốc Hưởng')),
      field(1, printable('022093004712')),
      field(3, printable('05/01/1993'))
    )
    const { identity } = decodeDg13(shuffled)
    expect(identity).toMatchObject({ idNumber: '022093004712', sex: 'male', expiryDate: '2033-01-05' })
    expect(identity.placeOfResidence).toBeNull()
  })
})

describe('decodeDg13: variants seen on real chips', () => {
  it('reads parents from the NghiaLio nesting SEQUENCE{father, mother} too', () => {
    const bytes = dg13(
      field(2, utf8('Hoàng Ngọc Ánh Dương')),
      field(13, tlv(0x30, utf8('Hoàng Văn Thắng'), utf8('Nông Thị Lụa')))
    )
    expect(decodeDg13(bytes).identity).toMatchObject({
      fatherName: 'Hoàng Văn Thắng',
      motherName: 'Nông Thị Lụa'
    })
  })

  it('treats the empty spouse field `30 03 02 01 0E` of an unmarried holder as no spouse', () => {
    const bytes = dg13(field(2, utf8('Vi Thị Mỉm')), [0x30, 0x03, 0x02, 0x01, 0x0e])
    expect(decodeDg13(bytes).identity.spouseName).toBeNull()
  })

  it('reads "Không thời hạn" as a card without expiry', () => {
    const bytes = dg13(field(2, utf8('Vi Thị Mỉm')), field(12, utf8('Không thời hạn')))
    const { identity } = decodeDg13(bytes)
    expect(identity.noExpiry).toBe(true)
    expect(identity.expiryDate).toBeNull()
  })

  it.each([
    ['15/06/1950', '1950-06-15'],
    ['06/1950', '1950-06'],
    ['1950', '1950'],
    ['00/00/1950', '1950'],
    ['00/06/1950', '1950-06']
  ])('accepts the date of birth %s → %s', (text, iso) => {
    const bytes = dg13(field(2, utf8('Vi Thị Mỉm')), field(3, printable(text)))
    expect(decodeDg13(bytes).identity.dateOfBirth).toBe(iso)
  })

  it('normalises decomposed (NFD) text to NFC and trims stray whitespace', () => {
    const nfd = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD')
    const bytes = dg13(field(2, utf8(`  ${nfd}\n`)), field(4, utf8('Nữ'.normalize('NFD'))))
    const { identity } = decodeDg13(bytes)
    expect(identity.fullName).toBe('Nguyễn Thị Ánh Tuyết'.normalize('NFC'))
    expect(identity.sex).toBe('female')
  })

  it('keeps every Vietnamese letter intact', () => {
    const bytes = dg13(field(2, utf8(ALL_VIETNAMESE_LETTERS)))
    expect(decodeDg13(bytes).identity.fullName).toBe(ALL_VIETNAMESE_LETTERS)
  })

  it('reads UTF-8 text put in a PrintableString', () => {
    const bytes = dg13(field(2, printable('Lò Văn Pọm')))
    expect(decodeDg13(bytes).identity.fullName).toBe('Lò Văn Pọm')
  })

  it('leaves absent fields null', () => {
    const { identity } = decodeDg13(dg13(field(2, utf8('Lò Văn Pọm'))))
    expect(identity).toMatchObject({
      idNumber: null,
      dateOfBirth: null,
      sex: null,
      spouseName: null,
      noExpiry: false
    })
  })

  it('keeps unknown 2024 fields (e.g. a blood group) raw and in order', () => {
    const bytes = dg13(
      field(2, utf8('Hoàng Ngọc Ánh Dương')),
      field(17, utf8('O+')),
      field(20, tlv(0x04, [1, 2, 3]))
    )
    const { extra } = decodeDg13(bytes)
    expect(extra.map((e) => e.fieldNumber)).toEqual([17, 20])
    expect(extra[0]!.texts).toEqual(['O+'])
  })

  it('accepts the reader padding the last chunk with 00/FF', () => {
    const bytes = dg13(field(2, utf8('Lò Văn Pọm')))
    const padded = Uint8Array.from([...bytes, 0x00, 0x00, 0xff])
    expect(decodeDg13(padded).identity.fullName).toBe('Lò Văn Pọm')
  })

  it('marks a card issued from 1 July 2024 as a Căn cước card with the new labels', () => {
    const { identity, generation } = decodeDg13(encodeDg13(HOLDER_2024))
    expect(identity).toEqual(HOLDER_2024)
    expect(generation).toBe('cancuoc2024')
    expect(cardFieldLabels(generation)).toEqual({
      placeOfOrigin: 'Nơi đăng ký khai sinh',
      placeOfResidence: 'Nơi cư trú'
    })
  })

  it('round-trips the encoder for all three card holders and both parent nestings', () => {
    for (const holder of [HOLDER_2021, HOLDER_2024, HOLDER_ELDERLY]) {
      for (const parentsNesting of ['separate', 'joint'] as const) {
        expect(decodeDg13(encodeDg13(holder, { parentsNesting, emptySpouseField: true })).identity).toEqual(
          holder
        )
      }
    }
  })

  it('warns when the ID number disagrees with the date of birth', () => {
    const bytes = dg13(
      field(1, printable('022093004712')),
      field(2, utf8('Đặng Quốc Hưởng')),
      field(3, printable('05/01/1994'))
    )
    expect(decodeDg13(bytes).warnings.map((w) => w.code)).toEqual(['ID_BIRTH_YEAR_MISMATCH'])
  })

  it('keeps a non-CMND value of field 15 raw and warns instead of failing', () => {
    const bytes = dg13(field(2, utf8('Lò Văn Pọm')), field(15, printable('B1234567')))
    const out = decodeDg13(bytes)
    expect(out.identity.oldIdNumber).toBeNull()
    expect(out.extra[0]).toMatchObject({ fieldNumber: 15, texts: ['B1234567'] })
    expect(out.warnings.map((w) => w.code)).toEqual(['OLD_ID_UNUSUAL'])
  })
})

describe('decodeDg13: malformed data names the field', () => {
  const name = field(2, utf8('Lò Văn Pọm'))
  it.each([
    ['bad date of birth', dg13(name, field(3, printable('31/02/1990'))), 3],
    ['bad sex word', dg13(name, field(4, utf8('Khác'))), 4],
    ['ID not 12 digits', dg13(name, field(1, printable('02209300471'))), 1],
    ['partial issue date', dg13(name, field(11, printable('04/2021'))), 11],
    ['garbage expiry', dg13(name, field(12, utf8('sắp hết'))), 12],
    ['invalid UTF-8 in the name', dg13(field(2, tlv(0x0c, [0x4e, 0xc3, 0x28]))), 2],
    ['number where text belongs', dg13(name, field(6, tlv(0x02, [5]))), 6],
    ['duplicate field', dg13(name, field(5, utf8('Việt Nam')), field(5, utf8('Lào'))), 5],
    ['name missing', dg13(field(5, utf8('Việt Nam'))), 2]
  ])('%s → CHIP_DATA_INVALID at field %i', (_label, bytes, fieldNumber) => {
    const err = errorOf(() => decodeDg13(bytes))
    expect(err.code).toBe('CHIP_DATA_INVALID')
    expect(err.details).toEqual({ file: 'DG13', field: fieldNumber })
    expect(err.messageVi).toContain(`trường số ${fieldNumber}`)
  })

  it('rejects a value that runs past the end, naming the field it sits in', () => {
    // Field 9 claims 0x50 bytes of address but the SEQUENCE around it only holds 3.
    const broken = dg13(name, [0x30, 0x08, 0x02, 0x01, 0x09, 0x0c, 0x50, 0x41, 0x42, 0x43])
    const err = errorOf(() => decodeDg13(broken))
    expect(err.code).toBe('CHIP_DATA_INVALID')
    expect(err.details).toEqual({ file: 'DG13', field: 9 })
    expect(err.messageVi).toContain('Nơi thường trú')
  })

  it.each([
    ['empty input', new Uint8Array(0)],
    ['wrong outer tag (DG1)', Uint8Array.from(tlv(0x61, tlv(0x5f1f & 0xff, [0x41])))],
    ['truncated file', dg13(name).subarray(0, 20)],
    ['no SET of fields', Uint8Array.from(tlv(0x6d, tlv(0x30, [0x02, 0x01, 0x01], OID)))],
    ['indefinite length', Uint8Array.from([0x6d, 0x80, 0x00, 0x00])],
    ['junk after the object', Uint8Array.from([...dg13(name), 0x30])]
  ])('%s → CHIP_DATA_INVALID on the structure', (_label, bytes) => {
    const err = errorOf(() => decodeDg13(bytes))
    expect(err.code).toBe('CHIP_DATA_INVALID')
    expect(err.details).toEqual({ file: 'DG13', field: null })
  })
})
