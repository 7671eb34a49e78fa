import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultAdminCatalogData, fullUnitName, splitUnitName } from '../../../core/coding'
import { decodeAdminUnits, encodeAdminUnits } from '../../../core/coding/catalog/compact-units'
import {
  buildAdminCatalogModule,
  DATA_DIR,
  DATA_FILE,
  LICENCE_FILES
} from '../../../scripts/build-admin-catalog'
import {
  currentUnits,
  oldToNew,
  readShared,
  SHARED_SKIP_NOTE,
  sharedAvailable,
  sharedDir
} from '../../support/shared-data'

describe('the embedded catalogue file', () => {
  it('decodes and re-encodes to the same text', () => {
    const data = defaultAdminCatalogData()
    expect(decodeAdminUnits(encodeAdminUnits(data))).toEqual(data)
  })

  it('carries both MIT licence notices beside it', () => {
    for (const f of LICENCE_FILES) expect(readFileSync(join(DATA_DIR, f), 'utf8')).toMatch(/^MIT License/)
    expect(readFileSync(join(DATA_DIR, 'LICENSE-units-current.txt'), 'utf8')).toContain('Thang Le Quoc')
    expect(readFileSync(join(DATA_DIR, 'LICENSE-mapping.txt'), 'utf8')).toContain('dvhcvn')
  })

  it('refuses to store a field that would break the generated module', () => {
    const data = defaultAdminCatalogData()
    const bad = {
      ...data,
      current: { ...data.current, provinces: [{ code: '01', kind: 'Tỉnh', name: 'a`b' }] }
    }
    expect(() => encodeAdminUnits(bad)).toThrow(/cannot be stored/)
  })
})

describe.skipIf(!sharedAvailable)(`the embedded catalogue against its source data${SHARED_SKIP_NOTE}`, () => {
  it('is exactly what `npm run build:catalog` writes from the source data', () => {
    // If this fails after the source data changed, run `npm run build:catalog` and commit the result.
    expect(readFileSync(DATA_FILE, 'utf8') === buildAdminCatalogModule(sharedDir)).toBe(true)
  })

  it('has the licence notices the source data ships', () => {
    for (const f of LICENCE_FILES) expect(readFileSync(join(DATA_DIR, f), 'utf8')).toBe(readShared(f))
  })

  it('has every current unit of the source list, with its code and full name', () => {
    const { current } = defaultAdminCatalogData()
    const embedded = new Set(current.communes.map((c) => `${c.code} ${fullUnitName(c)}`))
    // The kind is stored capitalised ("xã Bắc Sơn" in the source is "Xã Bắc Sơn").
    const source = new Set(
      currentUnits().flatMap((p) =>
        p.Wards.map((w) => `${w.Code} ${fullUnitName(splitUnitName(w.FullName))}`)
      )
    )
    expect(embedded).toEqual(source)
  })

  it('has every old unit of the source mapping, with the current units it went to', () => {
    const { legacy, current } = defaultAdminCatalogData()
    const codes = new Set(current.communes.map((c) => c.code))
    const embedded = new Map(legacy.communes.map((c) => [c.code, c]))
    const units = oldToNew().data.flatMap((p) => p.level3s)
    expect(embedded.size).toBe(units.length)
    const wrong = units.filter((u) => {
      const targets = embedded.get(u.level3_id)!.newCommunes.map((t) => t.code)
      // Targets the current list knows are kept as they are; the rest were resolved by name (Ba Chẽ, Ia Mơ).
      const known = u.splits.map((s) => s.new_id).filter((c) => codes.has(c))
      return targets.length !== u.splits.length || known.some((c) => !targets.includes(c))
    })
    expect(wrong.map((u) => u.name)).toEqual([])
  })
})
