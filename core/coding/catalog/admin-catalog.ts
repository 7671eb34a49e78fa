import { foldVietnamese, markedWords } from '../../../contract/rules/text'
import type {
  AdminCatalogData,
  CommuneRecord,
  DistrictRecord,
  LegacyCommuneRecord,
  LegacyProvinceRecord,
  ProvinceRecord,
  UnitListVersion
} from './types'
import { defaultAdminCatalogData } from './default-admin-data'

export type UnitLevel = 'province' | 'district' | 'commune'

/** One way a name in an address can be read: a unit of the current or of the pre-reform list. */
export interface NameEntry {
  level: UnitLevel
  list: 'current' | 'legacy'
  code: string
  /** For legacy provinces: the current province they are now part of. Otherwise the unit's own province. */
  provinceCode: string
  districtCode: string | null
  kind: string
  name: string
  /** Diacritic-preserving key of the name (see markedWords), to tell "Xã" from "Xá" when the text has marks. */
  marked: string
}

/** A built catalogue: the stored data plus the lookup indexes address coding needs (built once). */
export interface AdminCatalog {
  readonly data: AdminCatalogData
  readonly currentVersion: UnitListVersion
  readonly legacyVersion: UnitListVersion
  /** Folded name ("ha tu") → every unit carrying it. */
  readonly byName: ReadonlyMap<string, readonly NameEntry[]>
  readonly maxNameWords: number
  /** Characters of the longest folded name. */
  readonly maxNameLength: number
  /** One-deletion variants of every folded name of 5+ letters → those names, for typo-tolerant lookup. */
  readonly byDeletion: ReadonlyMap<string, readonly string[]>
  readonly provinces: ReadonlyMap<string, ProvinceRecord>
  readonly legacyProvinces: ReadonlyMap<string, LegacyProvinceRecord>
  readonly communes: ReadonlyMap<string, CommuneRecord>
  readonly legacyCommunes: ReadonlyMap<string, LegacyCommuneRecord>
  readonly legacyDistricts: ReadonlyMap<string, DistrictRecord>
  /** Legacy communes of each legacy district, for "district only" addresses. */
  readonly legacyCommunesByDistrict: ReadonlyMap<string, readonly LegacyCommuneRecord[]>
}

export function buildAdminCatalog(data: AdminCatalogData): AdminCatalog {
  const byName = new Map<string, NameEntry[]>()
  let maxNameWords = 1
  // The national list repeats names (old and new units, "Tân Lập" in many provinces): fold each spelling once.
  const keys = new Map<string, { key: string; marked: string }>()
  let maxNameLength = 1
  const add = (name: string, entry: Omit<NameEntry, 'marked' | 'name'> & { name: string }): void => {
    let known = keys.get(name)
    if (known === undefined) {
      known = { key: foldVietnamese(name), marked: markedWords(name).join(' ') }
      keys.set(name, known)
    }
    const { key, marked } = known
    if (key === '') return
    maxNameWords = Math.max(maxNameWords, key.split(' ').length)
    maxNameLength = Math.max(maxNameLength, key.length)
    const list = byName.get(key)
    const full: NameEntry = { ...entry, name: entry.name, marked }
    if (list === undefined) byName.set(key, [full])
    else list.push(full)
  }

  for (const p of data.current.provinces)
    add(p.name, {
      level: 'province',
      list: 'current',
      code: p.code,
      provinceCode: p.code,
      districtCode: null,
      kind: p.kind,
      name: p.name
    })
  for (const p of data.legacy.provinces)
    add(p.name, {
      level: 'province',
      list: 'legacy',
      code: p.code,
      provinceCode: p.newProvinceCode,
      districtCode: null,
      kind: p.kind,
      name: p.name
    })
  const newProvinceOf = new Map(data.legacy.provinces.map((p) => [p.code, p.newProvinceCode]))
  const newProvince = (oldCode: string): string => newProvinceOf.get(oldCode) ?? oldCode
  for (const d of data.legacy.districts) {
    const provinceCode = newProvince(d.provinceCode)
    for (const n of [d.name, ...d.aliases])
      add(n, {
        level: 'district',
        list: 'legacy',
        code: d.code,
        provinceCode,
        districtCode: d.code,
        kind: d.kind,
        name: d.name
      })
  }
  for (const c of data.current.communes)
    add(c.name, {
      level: 'commune',
      list: 'current',
      code: c.code,
      provinceCode: c.provinceCode,
      districtCode: null,
      kind: c.kind,
      name: c.name
    })
  for (const c of data.legacy.communes)
    add(c.name, {
      level: 'commune',
      list: 'legacy',
      code: c.code,
      provinceCode: newProvince(c.provinceCode),
      districtCode: c.districtCode,
      kind: c.kind,
      name: c.name
    })

  const legacyCommunesByDistrict = new Map<string, LegacyCommuneRecord[]>()
  for (const c of data.legacy.communes) {
    if (c.districtCode === null) continue
    const list = legacyCommunesByDistrict.get(c.districtCode) ?? []
    list.push(c)
    legacyCommunesByDistrict.set(c.districtCode, list)
  }

  let byDeletion: Map<string, string[]> | null = null
  return {
    data,
    // Only typo-tolerant lookups need it: built the first time a name does not match exactly.
    get byDeletion() {
      byDeletion ??= deletionIndex(byName.keys())
      return byDeletion
    },
    currentVersion: data.current.version,
    legacyVersion: data.legacy.version,
    byName,
    maxNameWords,
    maxNameLength,
    provinces: new Map(data.current.provinces.map((p) => [p.code, p])),
    legacyProvinces: new Map(data.legacy.provinces.map((p) => [p.code, p])),
    communes: new Map(data.current.communes.map((c) => [c.code, c])),
    legacyCommunes: new Map(data.legacy.communes.map((c) => [c.code, c])),
    legacyDistricts: new Map(data.legacy.districts.map((d) => [d.code, d])),
    legacyCommunesByDistrict
  }
}

/** Names shorter than this are not looked up with a typo: too many would match. */
export const MIN_FUZZY_LENGTH = 5

/** The name itself and every string one character shorter than it. */
export function deletions(key: string): string[] {
  const out = [key]
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1))
  return out
}

function deletionIndex(keys: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const key of keys) {
    if (key.length < MIN_FUZZY_LENGTH) continue
    for (const d of new Set(deletions(key))) {
      const list = index.get(d) ?? []
      list.push(key)
      index.set(d, list)
    }
  }
  return index
}

let defaultCatalog: AdminCatalog | null = null

/** The embedded national catalogue, built on first use and then shared (it is immutable). */
export function defaultAdminCatalog(): AdminCatalog {
  defaultCatalog ??= buildAdminCatalog(defaultAdminCatalogData())
  return defaultCatalog
}

/** "Phường Hà Tu": how a unit is written in full. */
export function fullUnitName(unit: { kind: string; name: string }): string {
  return `${unit.kind} ${unit.name}`
}
