import { describe, expect, it } from 'vitest'
import { defaultAdminCatalog, defaultAdminCatalogData, ethnicities } from '../../../core/coding'
import { compactKey, foldVietnamese } from '../../../contract/rules/text'

describe('embedded administrative-unit catalogue', () => {
  const data = defaultAdminCatalogData()

  it('has the 34 provinces of the July 2025 list, Quảng Ninh = 22, and all 3,321 commune-level units', () => {
    expect(data.current.provinces).toHaveLength(34)
    expect(data.current.provinces.find((p) => p.code === '22')?.name).toBe('Quảng Ninh')
    expect(data.current.communes).toHaveLength(3321)
    const provinces = new Set(data.current.provinces.map((p) => p.code))
    expect(new Set(data.current.communes.map((c) => c.provinceCode))).toEqual(provinces)
    expect(new Set(data.current.communes.map((c) => c.code)).size).toBe(3321)
  })

  it("has Quảng Ninh's 54 units: 30 wards, 22 communes, 2 special zones; Ba Chẽ is 06978", () => {
    const qn = data.current.communes.filter((c) => c.provinceCode === '22')
    expect(qn).toHaveLength(54)
    const count = (kind: string): number => qn.filter((c) => c.kind === kind).length
    expect([count('Phường'), count('Xã'), count('Đặc khu')]).toEqual([30, 22, 2])
    expect(qn.find((c) => c.name === 'Ba Chẽ')?.code).toBe('06978')
  })

  it('has every pre-reform unit of the 63 old provinces, each mapped to current units of the province it joined', () => {
    expect(data.legacy.communes).toHaveLength(10047)
    const catalog = defaultAdminCatalog()
    const moved = new Set<string>()
    for (const old of data.legacy.communes) {
      const joined = catalog.legacyProvinces.get(old.provinceCode)!.newProvinceCode
      expect(old.newCommunes.length, old.name).toBeGreaterThan(0)
      for (const t of old.newCommunes) {
        const unit = catalog.communes.get(t.code)
        expect(unit, `${old.name} → ${t.code}`).toBeDefined()
        // Nearly every old unit stays in the province its old province joined (one went to a neighbour).
        if (unit!.provinceCode !== joined) moved.add(old.code)
      }
    }
    expect(moved.size).toBeLessThan(10)
  })

  it("keeps Quảng Ninh's 171 old units in their 13 districts; other provinces have none embedded", () => {
    const qn = data.legacy.communes.filter((c) => c.provinceCode === '22')
    expect(qn).toHaveLength(171)
    const catalog = defaultAdminCatalog()
    for (const old of qn) expect(catalog.legacyDistricts.has(old.districtCode ?? ''), old.name).toBe(true)
    expect(new Set(data.legacy.districts.map((d) => d.provinceCode))).toEqual(new Set(['22']))
    expect(
      data.legacy.communes.filter((c) => c.provinceCode !== '22').every((c) => c.districtCode === null)
    ).toBe(true)
  })

  it('versions both lists with effective dates that meet on 1 July 2025', () => {
    expect(data.current.version).toMatchObject({
      id: 'vn-admin-2025-07',
      effectiveFrom: '2025-07-01',
      effectiveTo: null
    })
    expect(data.legacy.version).toMatchObject({ id: 'vn-admin-pre-2025', effectiveTo: '2025-07-01' })
  })

  it('maps old provinces to the new ones, including reused codes (old 15 Yên Bái and old 10 Lào Cai → new 15)', () => {
    const old = new Map(data.legacy.provinces.map((p) => [p.code, p]))
    expect(data.legacy.provinces).toHaveLength(63)
    expect(old.get('15')).toMatchObject({ name: 'Yên Bái', newProvinceCode: '15' })
    expect(old.get('10')).toMatchObject({ name: 'Lào Cai', newProvinceCode: '15' })
    expect(old.get('30')).toMatchObject({ name: 'Hải Dương', newProvinceCode: '31' })
  })

  it('keeps unit names unique within Quảng Ninh after folding, so no-diacritics text stays decidable', () => {
    const keys = data.current.communes
      .filter((c) => c.provinceCode === '22')
      .map((c) => foldVietnamese(c.name))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('has GSO ethnic codes 01–54 whose names and variants never collide once folded', () => {
    expect(ethnicities.entries.map((e) => e.code)).toEqual(
      Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0'))
    )
    const owner = new Map<string, string>()
    for (const e of ethnicities.entries)
      for (const n of [e.name, ...e.variants]) {
        const key = compactKey(n)
        expect(owner.get(key) ?? e.code, `${n} collides`).toBe(e.code)
        owner.set(key, e.code)
      }
  })
})
