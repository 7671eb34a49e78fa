import { describe, expect, it } from 'vitest'
import { codeAddress, defaultAdminCatalog } from '../../../core/coding'

// The embedded catalogue covers the whole country: no import needed for a patient from another province.
const catalog = defaultAdminCatalog()
const code = (text: string) => codeAddress(text, catalog)

describe('codeAddress with the embedded national catalogue', () => {
  it('codes a Hà Nội card address of 2021 to its 2025 ward: Trúc Bạch, Quận Ba Đình → Phường Ba Đình', () => {
    const r = code('Phường Trúc Bạch, Quận Ba Đình, Hà Nội')
    expect(r.best).toMatchObject({ provinceCode: '01', communeCode: '00004', communeName: 'Phường Ba Đình' })
    expect(r.needsChoice).toBe(false)
    expect(r.mappedFromOld).toMatchObject({ communeCode: '00004', communeName: 'Phường Trúc Bạch' })
    // The old district is not embedded for Hà Nội, and is not read as a ward named like it.
    expect(r.mappedFromOld?.districtCode).toBeNull()
  })

  it('reads the same address without commas, diacritics or with abbreviations', () => {
    for (const text of [
      'Phường Trúc Bạch Quận Ba Đình Thành phố Hà Nội',
      'P. Truc Bach, Q. Ba Dinh, TP. Ha Noi',
      'Số 8 Phố Trúc Bạch, P.Trúc Bạch, Q.Ba Đình, Hà Nội, Việt Nam'
    ])
      expect(code(text).best?.communeCode, text).toBe('00004')
  })

  it('codes 2-level addresses of other provinces directly (TP Hồ Chí Minh, Đà Nẵng)', () => {
    expect(code('123 Lê Lợi, Phường Sài Gòn, TP Hồ Chí Minh').best).toMatchObject({
      provinceCode: '79',
      communeCode: '26740'
    })
    const r = code('Phường Hải Châu, Thành phố Đà Nẵng')
    expect(r.best).toMatchObject({ provinceCode: '48', communeCode: '20242' })
    expect(r.needsChoice).toBe(false)
  })

  it('maps an old Đà Nẵng ward through the mapping: Hòa Cường Bắc, Quận Hải Châu → Phường Hòa Cường', () => {
    const r = code('Phường Hòa Cường Bắc, Quận Hải Châu, TP Đà Nẵng')
    expect(r.best).toMatchObject({ provinceCode: '48', communeCode: '20257' })
    expect(r.mappedFromOld?.communeName).toBe('Phường Hòa Cường Bắc')
  })

  it('codes an address in a province merged in 2025 to the province it joined (Hải Dương → Hải Phòng)', () => {
    const r = code('Xã Cẩm Vũ, Huyện Cẩm Giàng, Tỉnh Hải Dương')
    expect(r.provinceCode).toBe('31')
    expect(r.best?.provinceCode).toBe('31')
    expect(r.mappedFromOld?.communeName).toBe('Xã Cẩm Vũ')
    expect(r.needsChoice).toBe(false)
  })

  it('reaches HCM through the old Bình Dương province name (merged into TP Hồ Chí Minh)', () => {
    const r = code('Phường Phú Cường, Thành phố Thủ Dầu Một, Tỉnh Bình Dương')
    expect(r.best?.provinceCode).toBe('79')
    expect(r.mappedFromOld?.communeName).toBe('Phường Phú Cường')
  })

  it('offers every new ward of a split old Hà Nội ward and asks the clerk', () => {
    const r = code('Phường Ngọc Hà, Quận Ba Đình, Hà Nội')
    expect(r.needsChoice).toBe(true)
    expect(r.mappedFromOld?.newCommunes.map((t) => t.code).sort()).toEqual(['00004', '00008'])
    const top = r.candidates.filter((c) => c.confidence === r.candidates[0]!.confidence)
    expect(top.map((c) => c.communeCode).sort()).toEqual(['00004', '00008'])
    expect(top.every((c) => c.fromSplit)).toBe(true)
  })

  it('asks, with candidates, when an old name occurs twice in a province whose districts are not embedded', () => {
    // Two "Phường 1" of the old HCM city districts: the district would decide, but only Quảng Ninh's are embedded.
    const r = code('Phường 1, Quận 3, TP Hồ Chí Minh')
    expect(r.needsChoice).toBe(true)
    expect(r.candidates.length).toBeGreaterThan(1)
    expect(r.candidates.every((c) => c.provinceCode === '79')).toBe(true)
  })

  it('reads a province name after a commune as the province, not as a commune elsewhere with that name', () => {
    // "Xã Quảng Ninh" exists in Thanh Hóa and Quảng Trị.
    const r = code('Xã Hải Sơn, Quảng Ninh')
    expect(r.best).toMatchObject({ provinceCode: '22', communeCode: '06724' })
    expect(r.candidates.every((c) => c.provinceCode === '22')).toBe(true)
  })

  it('still codes a commune named like a province when the text says so', () => {
    expect(code('Xã Quảng Ninh, Tỉnh Thanh Hóa').best).toMatchObject({
      provinceCode: '38',
      communeCode: '16540'
    })
  })

  it('codes a thousand addresses in under two seconds once the catalogue is built', () => {
    const texts = [
      'Phường Trúc Bạch, Quận Ba Đình, Hà Nội',
      'Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh',
      'Xã Cẩm Vũ, Huyện Cẩm Giàng, Tỉnh Hải Dương',
      'Phường Sài Gòn, TP Hồ Chí Minh'
    ]
    const started = performance.now()
    for (let i = 0; i < 250; i++) for (const t of texts) code(t)
    // Generous for a shared 2-core machine: a linear scan of 13,000 units would take far longer.
    expect((performance.now() - started) / 1000).toBeLessThan(2)
  })
})
