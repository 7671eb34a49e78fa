import type {
  AdminUnitList,
  LegacyCommuneRecord,
  LegacyProvinceRecord,
  MappingTarget
} from '../catalog/types'
import { foldVietnamese } from '../../../contract/rules/text'
import { splitUnitName } from './admin-units-import'

/**
 * The old→new mapping of the July 2025 reform, in the two JSON files the mapping dataset publishes:
 * - splits: `{data: [{level1_id, name, splits: [{new_id}], level3s: [{level3_id, name, splits: [{new_id, name}]}]}]}`,
 *   every pre-reform province and commune-level unit with the current units it went to;
 * - merges: `{data: [{level1_id, level2s: [{level2_id, merges: [{old_id, type: 'full' | 'partial'}]}]}]}`,
 *   the same links seen from the new side, saying whether the old unit went wholly or in part.
 * Districts are not in either file: the caller supplies them (see districtOf).
 */
export interface AdminMapping {
  provinces: LegacyProvinceRecord[]
  communes: LegacyCommuneRecord[]
}

interface SplitsFile {
  data: {
    level1_id: string
    name: string
    splits: { new_id: string }[]
    level3s: { level3_id: string; name: string; splits: { new_id: string; name: string }[] }[]
  }[]
}

interface MergesFile {
  data: { level2s: { level2_id: string; merges: { old_id: string; type: string }[] }[] }[]
}

/**
 * Reads the mapping against the current list (at build time: a bad file is a build error, not a clerk's message). A target code the current list does not have (the mapping and the
 * list disagree on a few codes, e.g. Ba Chẽ 06970 / 06978) is resolved by the target's name within the new
 * province; one that still cannot be found is an error, so a stale mapping never ships silently.
 */
export function parseAdminMapping(
  splitsJson: string,
  mergesJson: string,
  current: AdminUnitList,
  districtOf: (communeCode: string, provinceCode: string) => string | null = () => null
): AdminMapping {
  const splits = readJson<SplitsFile>(splitsJson, 'splits')
  const merges = readJson<MergesFile>(mergesJson, 'merges')

  const share = new Map<string, MappingTarget['share']>()
  for (const p of merges.data)
    for (const unit of p.level2s)
      for (const m of unit.merges)
        share.set(`${m.old_id}>${unit.level2_id}`, m.type === 'partial' ? 'partial' : 'full')

  const currentCodes = new Set(current.communes.map((c) => c.code))
  const byName = new Map(current.communes.map((c) => [`${c.provinceCode}|${fullKey(c)}`, c.code]))

  const provinces: LegacyProvinceRecord[] = []
  const communes: LegacyCommuneRecord[] = []
  for (const p of splits.data) {
    const newProvinceCode = p.splits[0]?.new_id
    if (newProvinceCode === undefined) throw invalid(`province ${p.level1_id} has no new province`)
    provinces.push({ code: p.level1_id, ...splitUnitName(p.name, 'Tỉnh'), newProvinceCode })
    for (const unit of p.level3s) {
      const newCommunes = unit.splits.map((target): MappingTarget => {
        const code = currentCodes.has(target.new_id)
          ? target.new_id
          : byName.get(`${newProvinceCode}|${fullKey(splitUnitName(target.name))}`)
        if (code === undefined)
          throw invalid(`${unit.level3_id} ${unit.name} → ${target.new_id} is not in the current list`)
        return { code, share: share.get(`${unit.level3_id}>${target.new_id}`) ?? 'full' }
      })
      communes.push({
        code: unit.level3_id,
        provinceCode: p.level1_id,
        districtCode: districtOf(unit.level3_id, p.level1_id),
        ...splitUnitName(unit.name),
        newCommunes
      })
    }
  }
  return { provinces, communes }
}

const fullKey = (u: { kind: string; name: string }): string => foldVietnamese(`${u.kind} ${u.name}`)

function readJson<T extends { data: unknown }>(text: string, what: string): T {
  let parsed: unknown
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw invalid(`${what}: ${(e as Error).message}`)
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as T).data))
    throw invalid(`${what}: expected {data: [...]}`)
  return parsed as T
}

function invalid(detail: string): Error {
  return new Error(`Invalid old→new unit mapping: ${detail}`)
}
