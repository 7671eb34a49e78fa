import { describe, expect, it } from 'vitest'
import { codeAddress, defaultAdminCatalog, fullUnitName } from '../../../core/coding'

// The old units and their targets come from the embedded catalogue, which catalog-build.test.ts checks against the
// source mapping (Ba Chẽ's target already resolved to the current list's 06978).
const catalog = defaultAdminCatalog()
const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')

const ABBR: Record<string, string> = {
  Phường: 'P.',
  Xã: 'X.',
  'Thị trấn': 'TT.',
  'Thành phố': 'TP.',
  Huyện: 'H.',
  'Thị xã': 'TX.'
}

const oldUnits = catalog.data.legacy.communes
  .filter((u) => u.provinceCode === '22')
  .map((record) => ({
    level3_id: record.code,
    name: fullUnitName(record),
    record,
    district: catalog.legacyDistricts.get(record.districtCode!)!,
    targets: [...new Set(record.newCommunes.map((t) => t.code))].sort()
  }))

function expectCoded(text: string, unit: (typeof oldUnits)[number]): void {
  const r = codeAddress(text, catalog)
  expect(r.best, text).not.toBeNull()
  if (unit.targets.length === 1) {
    expect(r.best!.communeCode, text).toBe(unit.targets[0])
    expect(r.best!.provinceCode).toBe('22')
    expect(r.needsChoice, text).toBe(false)
    expect(r.mappedFromOld?.communeCode, text).toBe(unit.level3_id)
  } else {
    // Split: every unit the old one went to is offered, ranked equal, and the clerk must choose.
    expect(r.needsChoice, text).toBe(true)
    const top = r.candidates
      .filter((c) => c.confidence === r.candidates[0]!.confidence)
      .map((c) => c.communeCode)
    expect(top.sort(), text).toEqual(unit.targets)
    expect(r.mappedFromOld?.newCommunes.map((t) => t.code).sort(), text).toEqual(unit.targets)
  }
}

describe('every pre-reform Quảng Ninh unit codes to its new commune', () => {
  it.each(oldUnits.map((u) => [u.name, u] as const))('%s, written as on a 2021 card', (_name, unit) => {
    expectCoded(`${unit.name}, ${fullUnitName(unit.district)}, Tỉnh Quảng Ninh`, unit)
  })

  it.each(oldUnits.map((u) => [u.name, u] as const))(
    '%s, abbreviated, without diacritics, with a hamlet',
    (_name, unit) => {
      const kind = ABBR[unit.record.kind] ?? unit.record.kind
      const districtKind = ABBR[unit.district.kind] ?? unit.district.kind
      expectCoded(
        `Thon 3, ${kind}${fold(unit.record.name)}, ${districtKind} ${fold(unit.district.name)}, ${fold('Quảng Ninh')}`,
        unit
      )
    }
  )

  it('covers all 171 old units, each in its district, and more than ten splits', () => {
    expect(oldUnits).toHaveLength(171)
    expect(oldUnits.every((u) => u.district !== undefined)).toBe(true)
    expect(oldUnits.filter((u) => u.targets.length > 1).length).toBeGreaterThanOrEqual(10)
  })
})
