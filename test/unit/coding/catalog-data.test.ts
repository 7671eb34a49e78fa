import { describe, expect, it } from 'vitest'
import { defaultAdminCatalog, defaultAdminCatalogData, ethnicities } from '../../../core/coding'
import { compactKey, foldVietnamese } from '../../../contract/rules/text'
import { currentUnits, oldToNew } from './shared-data'

describe('embedded administrative-unit catalogue', () => {
  const data = defaultAdminCatalogData

  it('has the 34 provinces of the July 2025 list, Quảng Ninh = 22', () => {
    expect(data.current.provinces).toHaveLength(34)
    expect(data.current.provinces.find((p) => p.code === '22')?.name).toBe('Quảng Ninh')
    const shared = currentUnits().map((p) => p.Code)
    expect(data.current.provinces.map((p) => p.code).sort()).toEqual(shared.sort())
  })

  it("has Quảng Ninh's 54 units: 30 wards, 22 communes, 2 special zones, as in the shared list", () => {
    const qn = data.current.communes.filter((c) => c.provinceCode === '22')
    expect(qn).toHaveLength(54)
    const count = (kind: string): number => qn.filter((c) => c.kind === kind).length
    expect([count('Phường'), count('Xã'), count('Đặc khu')]).toEqual([30, 22, 2])
    const shared = currentUnits().find((p) => p.Code === '22')!.Wards
    expect(new Set(qn.map((c) => `${c.code} ${c.kind} ${c.name}`))).toEqual(
      new Set(shared.map((w) => `${w.Code} ${w.FullName}`))
    )
  })

  it('has every pre-reform Quảng Ninh unit of the shared mapping, each in a district and mapped to current units', () => {
    const shared = oldToNew().data.find((p) => p.level1_id === '22')!.level3s
    expect(data.legacy.communes).toHaveLength(shared.length)
    expect(shared.length).toBe(171)
    const catalog = defaultAdminCatalog()
    for (const old of data.legacy.communes) {
      expect(catalog.legacyDistricts.has(old.districtCode), old.name).toBe(true)
      expect(old.newCommunes.length).toBeGreaterThan(0)
      for (const t of old.newCommunes)
        expect(catalog.communes.has(t.code), `${old.name} → ${t.code}`).toBe(true)
    }
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
