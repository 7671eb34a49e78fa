import { compactKey } from '../../../contract/rules/text'
import { type AdminCatalog, defaultAdminCatalog } from './admin-catalog'
import { ethnicities } from './ethnicity'
import { nationalities } from './nationality'
import { occupations } from './occupation'
import type { CodeListVersioned, EthnicityRecord, NationalityRecord, OccupationRecord } from './types'

/** Every catalogue identity coding needs, with its lookup indexes built once. */
export interface CodingCatalog {
  admin: AdminCatalog
  ethnicities: CodeListVersioned<EthnicityRecord>
  nationalities: CodeListVersioned<NationalityRecord>
  occupations: CodeListVersioned<OccupationRecord>
  /** compactKey(name or variant) → record. */
  ethnicityByKey: ReadonlyMap<string, EthnicityRecord>
  nationalityByKey: ReadonlyMap<string, NationalityRecord>
  occupationByCode: ReadonlyMap<string, OccupationRecord>
}

/**
 * `admin` may be given as a function: the administrative catalogue (the national list, about 0.15 s to build) is then
 * built the first time an address is coded, not when the services start (a `queue flush` never needs it).
 */
export function buildCodingCatalog(parts: {
  admin: AdminCatalog | (() => AdminCatalog)
  ethnicities: CodeListVersioned<EthnicityRecord>
  nationalities: CodeListVersioned<NationalityRecord>
  occupations: CodeListVersioned<OccupationRecord>
}): CodingCatalog {
  const ethnicityByKey = new Map<string, EthnicityRecord>()
  for (const e of parts.ethnicities.entries)
    for (const n of [e.name, ...e.variants]) ethnicityByKey.set(compactKey(n), e)
  const nationalityByKey = new Map<string, NationalityRecord>()
  for (const n of parts.nationalities.entries)
    for (const v of [n.name, ...n.variants]) nationalityByKey.set(compactKey(v), n)
  const admin = parts.admin
  let built: AdminCatalog | null = typeof admin === 'function' ? null : admin
  return {
    get admin(): AdminCatalog {
      built ??= (admin as () => AdminCatalog)()
      return built
    },
    ethnicities: parts.ethnicities,
    nationalities: parts.nationalities,
    occupations: parts.occupations,
    ethnicityByKey,
    nationalityByKey,
    occupationByCode: new Map(parts.occupations.entries.map((o) => [o.code, o]))
  }
}

let defaultCatalog: CodingCatalog | null = null

/** The embedded default catalogues (built once; immutable). */
export function defaultCodingCatalog(): CodingCatalog {
  defaultCatalog ??= buildCodingCatalog({
    admin: defaultAdminCatalog,
    ethnicities,
    nationalities,
    occupations
  })
  return defaultCatalog
}

/** "Dân tộc Kinh", "KINH", "H'Mông", "Khmer", "San Diu" → the GSO record; null when unknown. */
export function lookupEthnicity(text: string, catalog: CodingCatalog): EthnicityRecord | null {
  const bare = text.normalize('NFC').replace(/^\s*d[âa]n\s*t[ộo]c\s*/iu, '')
  // "Kinh (Việt)": try the whole text, then without the bracketed gloss.
  for (const candidate of [bare, bare.replace(/\([^)]*\)/gu, '')]) {
    const key = compactKey(candidate)
    const found = key === '' ? undefined : catalog.ethnicityByKey.get(key)
    if (found !== undefined) return found
  }
  return null
}

/** "Việt Nam", "VIET NAM", "Vietnamese" → the record; null when unknown. */
export function lookupNationality(text: string, catalog: CodingCatalog): NationalityRecord | null {
  const key = compactKey(text.normalize('NFC').replace(/^\s*qu[ốo]c\s*t[ịi]ch\s*/iu, ''))
  if (key === '') return null
  return catalog.nationalityByKey.get(key) ?? null
}
