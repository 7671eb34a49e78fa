import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeAddress, defaultAdminCatalog } from '../../../core/coding'

const catalog = defaultAdminCatalog()
const code = (text: string): ReturnType<typeof codeAddress> => codeAddress(text, catalog)

describe('codeAddress: new 2-level addresses', () => {
  it('codes a ward of the current list directly, with the list version', () => {
    const r = code('Tổ 5 Khu 2, Phường Hà Tu, Tỉnh Quảng Ninh')
    expect(r.best).toEqual({
      provinceCode: '22',
      communeCode: '06652',
      communeName: 'Phường Hà Tu',
      unitListVersion: 'vn-admin-2025-07',
      confidence: expect.any(Number)
    })
    expect(r.needsChoice).toBe(false)
    expect(r.mappedFromOld).toBeNull()
  })

  it.each([
    ['P. Hạ Long, T. Quảng Ninh', '06688'],
    ['X.Hải Sơn, Quảng Ninh', '06724'],
    ['Đặc khu Cô Tô, tỉnh Quảng Ninh', '07192'],
    ['dac khu van don, quang ninh', '06994'],
    ['Phường Móng Cái 2, Quảng Ninh', '06709'],
    ['phuong mong cai 3 quang ninh', '06736'],
    ['Số 12 đường Trần Hưng Đạo, Phường Hồng Gai, Quảng Ninh', '06685'],
    ['Thôn 3 Xã Điền Xá Quảng Ninh', '06874'],
    ['XÃ HẢI HÒA, TỈNH QUẢNG NINH', '06799'],
    ['Xã Hải Hoà, Tỉnh Quảng Ninh', '06799']
  ])('%s → %s', (text, expected) => {
    const r = code(text)
    expect(r.best?.communeCode).toBe(expected)
    expect(r.needsChoice).toBe(false)
  })

  it('does not offer a hamlet named like an old ward as a reading', () => {
    // "Hồng Hà" was a ward of Hạ Long (now Phường Hạ Long); here it is a residential area of Bãi Cháy.
    const r = code('Khu Hồng Hà, Phường Bãi Cháy, Tỉnh Quảng Ninh')
    expect(r.candidates.map((c) => c.communeCode)).toEqual(['06673'])
  })

  it('does not read a street named after an old ward as the ward', () => {
    // "Trần Hưng Đạo" was a ward of Hạ Long; here it is only the street.
    const r = code('Số 12 đường Trần Hưng Đạo, phường Bãi Cháy, tỉnh Quảng Ninh')
    expect(r.best?.communeCode).toBe('06673')
  })
})

describe('codeAddress: old 3-level addresses on 2021 cards', () => {
  it('maps an old ward through its district to the new one and says where it came from', () => {
    const r = code('Tổ 3, Khu 4, Phường Giếng Đáy, Thành phố Hạ Long, Tỉnh Quảng Ninh')
    expect(r.best?.communeCode).toBe('06661')
    expect(r.mappedFromOld).toMatchObject({
      unitListVersion: 'vn-admin-pre-2025',
      communeCode: '06661',
      communeName: 'Phường Giếng Đáy',
      districtCode: '193',
      districtName: 'Thành phố Hạ Long'
    })
    expect(r.needsChoice).toBe(false)
  })

  it('uses the district to tell apart old units with the same name', () => {
    expect(code('Xã Thanh Sơn, Huyện Ba Chẽ, Quảng Ninh').best?.communeCode).toBe('06978')
    expect(code('Phường Thanh Sơn, TP Uông Bí, Quảng Ninh').best?.communeCode).toBe('06811')
    expect(code('Xã Hạ Long, huyện Vân Đồn, tỉnh Quảng Ninh').best?.communeCode).toBe('06994')
  })

  it('reads a reused code as the old unit when the text is old: "Phường Hà Tu, TP Hạ Long" and "Hà Tu" agree', () => {
    expect(code('Hà Tu, Hạ Long, Quảng Ninh').best?.communeCode).toBe('06652')
  })

  it('accepts the district that was merged into Hạ Long in 2020', () => {
    expect(code('Xã Lê Lợi, huyện Hoành Bồ, tỉnh Quảng Ninh').best?.communeCode).toBe('07030')
  })

  it('offers every new unit of a split old commune and asks the clerk to choose', () => {
    const r = code('Thôn Khe Lặc, xã Hải Lạng, huyện Tiên Yên, tỉnh Quảng Ninh')
    expect(r.needsChoice).toBe(true)
    expect(
      r.candidates
        .slice(0, 3)
        .map((c) => c.communeCode)
        .sort()
    ).toEqual(['06799', '06886', '06978'])
    expect(r.candidates.slice(0, 3).every((c) => c.fromSplit)).toBe(true)
    expect(r.mappedFromOld?.newCommunes.map((t) => t.share)).toEqual(['partial', 'partial', 'partial'])
  })
})

describe('codeAddress: ambiguous or unreadable text', () => {
  it('asks when a name fits two units and nothing decides', () => {
    const r = code('Thanh Sơn, Quảng Ninh')
    expect(r.needsChoice).toBe(true)
    expect(r.candidates.map((c) => c.communeCode).sort()).toEqual(['06811', '06978'])
  })

  it('offers the district’s units when only the district is given', () => {
    const r = code('Huyện Cô Tô, Tỉnh Quảng Ninh')
    expect(r.best?.communeCode).toBe('07192')
    expect(r.needsChoice).toBe(true)
  })

  it('knows the province even when the commune is not in the catalogue', () => {
    const r = code('Số 1, phường Qwxyz, thành phố Hà Nội')
    expect(r.best).toBeNull()
    expect(r.provinceCode).toBe('01')
    expect(r.needsChoice).toBe(true)
  })

  it('maps a pre-reform province name to the province it joined', () => {
    expect(code('xã Tân Việt, tỉnh Hải Dương').provinceCode).toBe('31')
  })

  it.each(['', '   ', 'Việt Nam', '12345', 'Thôn 3'])('"%s" gives no candidates', (text) => {
    const r = code(text)
    expect(r.best).toBeNull()
    expect(r.candidates).toEqual([])
  })

  it('keeps the original and stores NFC text with single spaces', () => {
    const decomposed = 'Phường  Hà Tu ,  Quảng Ninh'.normalize('NFD')
    const r = code(decomposed)
    expect(r.original).toBe(decomposed)
    expect(r.normalized).toBe('Phường Hà Tu , Quảng Ninh'.normalize('NFC'))
    expect(r.best?.communeCode).toBe('06652')
  })
})

describe('codeAddress: typing mistakes', () => {
  it('reads a name with one typo but asks the clerk to confirm it', () => {
    const r = code('Phuong Gieng Dai, TP Ha Long, Quang Ninh')
    expect(r.best?.communeCode).toBe('06661')
    expect(r.candidates[0]?.typo).toBe(true)
    expect(r.needsChoice).toBe(true)
  })

  it.each([
    ['Phường Bãi Cháyy, Tỉnh Quảng Ninh', '06673'],
    ['Xã Hải Sơm, Quảng Ninh', '06724'],
    ['Phường Cẩm Phảa, Quảng Ninh', '06793']
  ])('%s → %s, to be confirmed', (text, expected) => {
    const r = code(text)
    expect([r.best?.communeCode, r.needsChoice]).toEqual([expected, true])
  })

  it('keeps exact readings free of the typo flag', () => {
    const r = code('Phường Bãi Cháy, Tỉnh Quảng Ninh')
    expect([r.candidates[0]?.typo, r.needsChoice]).toEqual([false, false])
  })

  it('does not correct words inside a longer street or hamlet part', () => {
    expect(code('Số 12 đường Bãi Cháyy').candidates).toEqual([])
  })
})

describe('codeAddress: fuzz', () => {
  const pieces = [
    'Phường',
    'xã',
    'P.',
    'TP.',
    'huyện',
    'Hà Tu',
    'Hạ Long',
    'Quảng Ninh',
    'Thôn 3',
    ',',
    'Số 12',
    'đường',
    'Hải Lạng',
    '.'
  ]
  it('never throws, and best is null exactly when there are no candidates', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.array(fc.constantFrom(...pieces)).map((p) => p.join(' '))
        ),
        (text) => {
          const r = codeAddress(text, catalog)
          expect(r.best === null).toBe(r.candidates.length === 0)
          for (const c of r.candidates) {
            expect(c.confidence).toBeGreaterThanOrEqual(0)
            expect(c.confidence).toBeLessThanOrEqual(1)
            expect(catalog.communes.has(c.communeCode)).toBe(true)
          }
        }
      ),
      { numRuns: 1500 }
    )
  })
})
