import { describe, expect, it } from 'vitest'
import { codeAddress, defaultAdminCatalog, fullUnitName } from '../../../core/coding'
import { foldVietnamese } from '../../../contract/rules/text'
import { currentUnits, oldToNew } from './shared-data'

const catalog = defaultAdminCatalog()
const qnNow = currentUnits().find((p) => p.Code === '22')!.Wards
const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')

/** The mapping's target, resolved against the current list (the mapping still says 06970 for Ba Chẽ; the list says 06978). */
function currentCode(target: { new_id: string; name: string }): string {
  if (qnNow.some((w) => w.Code === target.new_id)) return target.new_id
  const byName = qnNow.find((w) => foldVietnamese(w.FullName) === foldVietnamese(target.name))
  if (byName === undefined) throw new Error(`unresolvable target ${target.new_id}`)
  return byName.Code
}

const ABBR: Record<string, string> = {
  Phường: 'P.',
  Xã: 'X.',
  'Thị trấn': 'TT.',
  'Thành phố': 'TP.',
  Huyện: 'H.',
  'Thị xã': 'TX.'
}

const oldUnits = oldToNew()
  .data.find((p) => p.level1_id === '22')!
  .level3s.map((u) => {
    const record = catalog.legacyCommunes.get(u.level3_id)
    if (record === undefined) throw new Error(`old unit ${u.level3_id} missing from the catalogue`)
    const district = catalog.legacyDistricts.get(record.districtCode)!
    return { ...u, record, district, targets: [...new Set(u.splits.map(currentCode))].sort() }
  })

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

describe('every pre-reform Quảng Ninh unit of the shared mapping codes to its new commune', () => {
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

  it('offers split units ranked and asks the clerk to choose', () => {
    const splits = oldUnits.filter((u) => u.targets.length > 1)
    expect(splits.length).toBeGreaterThanOrEqual(10)
  })
})
