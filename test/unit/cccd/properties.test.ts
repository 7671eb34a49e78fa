import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { emptyIdentity, identitySchema, type Identity } from '../../../contract/identity'
import { isAppError } from '../../../contract/errors'
import { decodeDg13, encodeCccdQr, encodeDg13, parseCccdQr } from '../../../protocol/cccd'
import { HOLDER_2021, HOLDER_2024, HOLDER_ELDERLY } from './fixtures'

const NAME_PARTS = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Thị',
  'Văn',
  'Ánh',
  'Tuyết',
  'Hưởng',
  'Ước',
  'Ỷ',
  'Mỉm',
  'Khởi',
  'Ẩn',
  'Ngọc',
  'Quốc',
  'Đức',
  'Thuỳ',
  'Duyên',
  'Phượng',
  'Nhung',
  'Lụa',
  'Thắng',
  'Ổn',
  'Ứng',
  'Ỳ',
  'Khuê',
  'Oanh',
  'Xuân',
  'Giang',
  'Yến',
  'Tường',
  'Ẽm'
]
const PLACES = [
  'Phường Hồng Hải',
  'Thành phố Hạ Long',
  'Tỉnh Quảng Ninh',
  'Xã Quảng Lâm',
  'Huyện Đầm Hà',
  'Đặc khu Vân Đồn',
  'Phường Cẩm Phả',
  'Thị xã Đông Triều',
  'Xã Bình Liêu',
  'Thôn Đồng Tâm',
  'Khu 5',
  'Tổ 4',
  'Số 18 ngõ 75'
]

const pad = (n: number, w: number): string => String(n).padStart(w, '0')
const digits = (n: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^\\d{${n}}$`))
const fullDate = fc
  .record({
    y: fc.integer({ min: 1900, max: 2030 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 })
  })
  .map(({ y, m, d }) => `${y}-${pad(m, 2)}-${pad(d, 2)}`)
const partialDate = fc.oneof(
  fullDate,
  fullDate.map((d) => d.slice(0, 7)),
  fullDate.map((d) => d.slice(0, 4))
)
const words = (pool: string[], min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...pool), { minLength: min, maxLength: max }).map((w) => w.join(' '))

const qrIdentity: fc.Arbitrary<Identity> = fc
  .record({
    idNumber: digits(12),
    oldIdNumber: fc.option(fc.oneof(digits(9), digits(12)), { nil: null }),
    fullName: words(NAME_PARTS, 2, 5),
    dateOfBirth: partialDate,
    sex: fc.constantFrom('male' as const, 'female' as const),
    placeOfResidence: fc.option(
      fc.array(fc.constantFrom(...PLACES), { minLength: 1, maxLength: 8 }).map((p) => p.join(', ')),
      { nil: null }
    ),
    issueDate: fullDate
  })
  .map((r) => ({ ...emptyIdentity('qr'), ...r }))

const extraFields = fc.array(fc.oneof(fc.constant(''), digits(12), words(NAME_PARTS, 1, 3)), { maxLength: 6 })

/** A decoder may return a valid Identity or throw one of the allowed AppErrors; nothing else. */
function outcome(fn: () => { identity: Identity }, allowed: string[]): void {
  try {
    const { identity } = fn()
    identitySchema.parse(identity)
  } catch (e) {
    if (!isAppError(e)) throw e
    expect(allowed).toContain(e.code)
  }
}

describe('QR properties', () => {
  it('encode then decode gives back the same identity and trailing fields', () => {
    fc.assert(
      fc.property(qrIdentity, extraFields, (identity, extra) => {
        const out = parseCccdQr(encodeCccdQr(identity, extra))
        expect(out.identity).toEqual(identity)
        expect(out.extraFields).toEqual(extra)
      }),
      { numRuns: 400 }
    )
  })

  it('survives scanner framing around the text', () => {
    const framing = fc.constantFrom('', '\r', '\n', '\r\n', '\uFEFF', '\u0000', ' ', '\t', '\u0002', '\u0003')
    fc.assert(
      fc.property(qrIdentity, framing, framing, (identity, before, after) => {
        const text = before + encodeCccdQr(identity) + after
        expect(parseCccdQr(text).identity).toEqual(identity)
      }),
      { numRuns: 200 }
    )
  })

  it('never crashes on arbitrary text: a valid Identity or QR_INVALID / SCAN_DAMAGED', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        outcome(() => parseCccdQr(text), ['QR_INVALID', 'SCAN_DAMAGED'])
      }),
      { numRuns: 1500 }
    )
  })

  it('never crashes on pipe-separated near-misses', () => {
    const field = fc.oneof(
      fc.string({ maxLength: 14 }),
      digits(8),
      digits(12),
      fc.constantFrom('Nam', 'Nữ', 'nu', 'NAM', '', '31022020', '00001950', '29022000')
    )
    fc.assert(
      fc.property(fc.array(field, { minLength: 0, maxLength: 12 }), (fields) => {
        outcome(() => parseCccdQr(fields.join('|')), ['QR_INVALID', 'SCAN_DAMAGED'])
      }),
      { numRuns: 1500 }
    )
  })
})

describe('DG13 properties', () => {
  const chipIdentity: fc.Arbitrary<Identity> = qrIdentity.chain((base) =>
    fc
      .record({
        ethnicity: fc.option(fc.constantFrom('Kinh', 'Tày', 'Sán Dìu', 'Dao', 'Hoa'), { nil: null }),
        placeOfOrigin: fc.option(fc.constantFrom(...PLACES), { nil: null }),
        fatherName: fc.option(words(NAME_PARTS, 2, 4), { nil: null }),
        motherName: fc.option(words(NAME_PARTS, 2, 4), { nil: null }),
        spouseName: fc.option(words(NAME_PARTS, 2, 4), { nil: null }),
        noExpiry: fc.boolean(),
        expiryDate: fullDate
      })
      .map((r) => ({
        ...base,
        ...r,
        source: 'chip' as const,
        expiryDate: r.noExpiry ? null : r.expiryDate
      }))
  )

  it('encode then decode gives back the same identity', () => {
    fc.assert(
      fc.property(
        chipIdentity,
        fc.constantFrom('separate' as const, 'joint' as const),
        (identity, parentsNesting) => {
          expect(decodeDg13(encodeDg13(identity, { parentsNesting })).identity).toEqual(identity)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('never crashes on arbitrary bytes: a valid Identity or CHIP_DATA_INVALID', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        outcome(() => decodeDg13(bytes), ['CHIP_DATA_INVALID'])
      }),
      { numRuns: 1500 }
    )
  })

  it('never crashes on corrupted real-shaped DG13 (flipped bytes, truncation)', () => {
    const valid = [HOLDER_2021, HOLDER_2024, HOLDER_ELDERLY].map((h) =>
      encodeDg13(h, { emptySpouseField: true })
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (source, flips, cut) => {
          const bytes = source.slice(0, source.length - (cut % 8))
          for (const [at, value] of flips) bytes[at % bytes.length] = value
          outcome(() => decodeDg13(bytes), ['CHIP_DATA_INVALID'])
        }
      ),
      { numRuns: 1500 }
    )
  })
})
