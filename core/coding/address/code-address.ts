import type { AdminCatalog, NameEntry } from '../catalog/admin-catalog'
import { fullUnitName } from '../catalog/admin-catalog'
import type { MappingTarget } from '../catalog/types'
import { tidyText } from '../../../contract/rules/text'
import { findMentions, type Mention } from './mentions'
import { tokenizeAddress } from './tokenize'

export interface AddressCandidate {
  provinceCode: string
  communeCode: string
  /** Full name in the current list, e.g. "Phường Hà Tu". */
  communeName: string
  unitListVersion: string
  /** 0–1; how sure the reading is. */
  confidence: number
  /** 'current' when the text names a unit of the current list; 'legacy' when reached through the old→new mapping. */
  via: 'current' | 'legacy'
  /** The old unit it came from, when via = 'legacy'. */
  fromOldCode: string | null
  /** The old unit was split: this is only one of the units its area went to. */
  fromSplit: boolean
  /** The old unit's name ("Xã Hạ Long"), when via = 'legacy': what the clerk asks the patient about. */
  fromOldName?: string | null
  /** How much of the old unit went here: all of it, or a part (the list does not say which part). */
  share?: 'full' | 'partial' | null
  /** The name was read with one typo, so the clerk confirms it. */
  typo: boolean
}

export interface OldUnitMapping {
  unitListVersion: string
  communeCode: string
  communeName: string
  /** Null when the catalogue does not know the old unit's district. */
  districtCode: string | null
  districtName: string | null
  /** Every current unit the old one went to; more than one means it was split. */
  newCommunes: readonly (MappingTarget & { name: string })[]
}

export interface AddressCoding {
  original: string
  /** NFC, single spaces, trimmed: what is stored as DIA_CHI. */
  normalized: string
  best: Pick<
    AddressCandidate,
    'provinceCode' | 'communeCode' | 'communeName' | 'unitListVersion' | 'confidence'
  > | null
  /** Ranked, best first. */
  candidates: readonly AddressCandidate[]
  /** Set when the best reading came from a pre-reform unit. */
  mappedFromOld: OldUnitMapping | null
  /** The province when it is known even though the commune is not. */
  provinceCode: string | null
  /** The clerk must pick: the old unit was split, the text is ambiguous, or the reading is weak. Never guessed silently. */
  needsChoice: boolean
}

// Scoring weights: a reading starts at BASE and gains or loses for each thing the text confirms or contradicts.
const BASE = 0.5
const SPELLING = 0.1
const KIND = 0.1
const KIND_MISMATCH = -0.05
const PROVINCE = 0.1
const DISTRICT_MATCH = 0.25
const DISTRICT_MISMATCH = -0.3
const OLD_WITHOUT_DISTRICT = -0.1
const NEW_WITH_DISTRICT = -0.15
const NEW_WITHOUT_DISTRICT = 0.15
const UNUSED_MENTION = -0.1
const TYPO = -0.2
const EARLIER_NAME = -0.1
const DISTRICT_ONLY = 0.3
/** A district the catalogue does not list was named: the text is pre-reform, its district cannot be checked. */
const UNLISTED_DISTRICT = 0
/** Below this, or closer than MARGIN to the runner-up, the clerk chooses. */
const MIN_CONFIDENCE = 0.6
const MARGIN = 0.1

/**
 * Codes a free-text residence address (card QR, chip DG13, typed) into current province + commune codes.
 * Reads old 3-level text ("xã X, huyện Y, tỉnh Z") through the old→new mapping and new 2-level text directly.
 * Never throws; an unreadable text gives no candidates.
 */
export function codeAddress(text: string, catalog: AdminCatalog): AddressCoding {
  const original = text
  const normalized = tidyText(text)
  const mentions = findMentions(tokenizeAddress(normalized), catalog)

  const scored = new Map<string, AddressCandidate>()
  const keep = (c: AddressCandidate): void => {
    const prev = scored.get(c.communeCode)
    if (prev === undefined || c.confidence > prev.confidence) scored.set(c.communeCode, c)
  }

  let provinceCode: string | null = null
  const contexts = contextsAfter(mentions)
  // A unit name before this one suggests this one is the district or province, not the commune.
  let earlier = 0
  mentions.forEach((m, index) => {
    const communeEntries = m.entries
      .map((e, k) => ({ e, exact: m.exact[k] ?? null }))
      .filter(
        ({ e }) => e.level === 'commune' && (m.keyword === null || m.keyword.levels.includes('commune'))
      )
    const context = contexts.at(index)
    if (index > 0 && mentions[index - 1]!.entries.some((e) => e.level === 'commune')) earlier++
    provinceCode ??= context.firstProvince
    // After a commune, a bare name that is also a province ("Thanh Sơn, Quảng Ninh") is the province, never one of
    // the communes elsewhere that carry the province's name (Xã Quảng Ninh of Thanh Hóa and of Quảng Trị).
    if (earlier > 0 && m.keyword === null && m.entries.some((e) => e.level === 'province')) return
    for (const { e, exact } of communeEntries) {
      if (context.provinces.any && !context.provinces.has(e.provinceCode)) continue
      let score = BASE + context.unused * UNUSED_MENTION + earlier * EARLIER_NAME + (m.typo ? TYPO : 0)
      if (exact === true) score += SPELLING
      if (exact === false) score -= SPELLING
      if (m.keyword !== null) score += m.keyword.kinds.includes(e.kind) ? KIND : KIND_MISMATCH
      if (context.provinces.any) score += PROVINCE
      if (e.list === 'current') {
        score +=
          context.districts.any || context.unlistedDistricts > 0 ? NEW_WITH_DISTRICT : NEW_WITHOUT_DISTRICT
        const unit = catalog.communes.get(e.code)
        if (unit !== undefined)
          keep({
            ...candidate(unit.provinceCode, unit.code, fullUnitName(unit), catalog, score, null, false),
            typo: m.typo
          })
      } else {
        if (!context.districts.any)
          score += context.unlistedDistricts > 0 ? UNLISTED_DISTRICT : OLD_WITHOUT_DISTRICT
        else
          score +=
            e.districtCode !== null && context.districts.has(e.districtCode)
              ? DISTRICT_MATCH
              : DISTRICT_MISMATCH
        const old = catalog.legacyCommunes.get(e.code)
        if (old === undefined) continue
        const split = old.newCommunes.length > 1
        for (const target of old.newCommunes) {
          const unit = catalog.communes.get(target.code)
          if (unit !== undefined)
            keep({
              ...candidate(unit.provinceCode, unit.code, fullUnitName(unit), catalog, score, old.code, split),
              fromOldName: fullUnitName(old),
              share: target.share,
              typo: m.typo
            })
        }
      }
    }
  })

  if (scored.size === 0) districtOnly(mentions, catalog).forEach(keep)
  if (provinceCode === null) provinceCode = firstProvince(mentions)

  const candidates = [...scored.values()].sort(
    (a, b) =>
      b.confidence - a.confidence ||
      Number(a.fromSplit) - Number(b.fromSplit) ||
      a.communeCode.localeCompare(b.communeCode)
  )
  const top = candidates[0]
  if (top === undefined)
    return {
      original,
      normalized,
      best: null,
      candidates,
      mappedFromOld: null,
      provinceCode,
      needsChoice: provinceCode !== null
    }

  const runnerUp = candidates[1]
  const needsChoice =
    top.fromSplit ||
    top.typo ||
    top.confidence < MIN_CONFIDENCE ||
    (runnerUp !== undefined && Math.round((top.confidence - runnerUp.confidence) * 100) < MARGIN * 100)
  return {
    original,
    normalized,
    best: {
      provinceCode: top.provinceCode,
      communeCode: top.communeCode,
      communeName: top.communeName,
      unitListVersion: top.unitListVersion,
      confidence: top.confidence
    },
    candidates,
    mappedFromOld: top.fromOldCode === null ? null : oldUnitMapping(top.fromOldCode, catalog),
    provinceCode: top.provinceCode,
    needsChoice
  }
}

/** What the mentions after a commune say: the districts and provinces named, and how many said nothing usable. */
interface MentionContext {
  districts: { any: boolean; has(code: string): boolean }
  provinces: { any: boolean; has(code: string): boolean }
  /** The first province named after the mention (in reading order), or null. */
  firstProvince: string | null
  /** Districts named after the mention that the catalogue does not list (pre-reform text outside Quảng Ninh). */
  unlistedDistricts: number
  unused: number
}

function usableAbove(m: Mention): NameEntry[] {
  if (m.unlistedDistrict === true) return []
  return m.entries.filter(
    (e: NameEntry) =>
      (e.level === 'district' || e.level === 'province') &&
      (m.keyword === null || m.keyword.levels.includes(e.level))
  )
}

/**
 * The context after every mention, in one pass from the end: for each code, the last mention that names it, so
 * "named after mention i" is one comparison. Linear in the mentions (asking each mention about all later ones
 * was quadratic, and a long pasted text froze the desk).
 */
function contextsAfter(mentions: readonly Mention[]): { at(index: number): MentionContext } {
  const lastDistrict = new Map<string, number>()
  const lastProvince = new Map<string, number>()
  const usable = mentions.map(usableAbove)
  usable.forEach((entries, i) => {
    for (const e of entries) {
      if (e.level === 'district' && e.districtCode !== null) lastDistrict.set(e.districtCode, i)
      if (e.level === 'province') lastProvince.set(e.provinceCode, i)
    }
  })
  // Suffix facts: how many later mentions are unusable, the nearest later one naming a district / a province.
  const n = mentions.length
  const unusedAfter = new Array<number>(n + 1).fill(0)
  const unlistedAfter = new Array<number>(n + 1).fill(0)
  const nextDistrict = new Array<number>(n + 1).fill(-1)
  const nextProvince = new Array<number>(n + 1).fill(-1)
  for (let i = n - 1; i >= 0; i--) {
    const entries = usable[i]!
    const unlisted = mentions[i]!.unlistedDistrict === true
    unlistedAfter[i] = unlistedAfter[i + 1]! + (unlisted ? 1 : 0)
    unusedAfter[i] = unusedAfter[i + 1]! + (entries.length === 0 && !unlisted ? 1 : 0)
    const hasDistrict = entries.some((e) => e.level === 'district' && e.districtCode !== null)
    nextDistrict[i] = hasDistrict ? i : nextDistrict[i + 1]!
    nextProvince[i] = entries.some((e) => e.level === 'province') ? i : nextProvince[i + 1]!
  }
  return {
    at(index: number): MentionContext {
      const after = index + 1
      const provinceAt = nextProvince[after]!
      const firstProvince =
        provinceAt < 0
          ? null
          : (usable[provinceAt]!.find((e) => e.level === 'province')?.provinceCode ?? null)
      return {
        districts: {
          any: nextDistrict[after]! >= 0,
          has: (code) => (lastDistrict.get(code) ?? -1) > index
        },
        provinces: {
          any: provinceAt >= 0,
          has: (code) => (lastProvince.get(code) ?? -1) > index
        },
        firstProvince,
        unlistedDistricts: unlistedAfter[after]!,
        unused: unusedAfter[after]!
      }
    }
  }
}

function firstProvince(mentions: readonly Mention[]): string | null {
  for (const m of [...mentions].reverse())
    for (const e of m.entries)
      if (e.level === 'province' && (m.keyword === null || m.keyword.levels.includes('province')))
        return e.provinceCode
  return null
}

/** "huyện Tiên Yên, Quảng Ninh" with no commune: every current unit the district's communes went to, weakly. */
function districtOnly(mentions: readonly Mention[], catalog: AdminCatalog): AddressCandidate[] {
  const out: AddressCandidate[] = []
  for (const m of mentions)
    for (const e of m.entries) {
      if (e.level !== 'district' || e.districtCode === null) continue
      if (m.keyword !== null && !m.keyword.levels.includes('district')) continue
      for (const old of catalog.legacyCommunesByDistrict.get(e.districtCode) ?? [])
        for (const target of old.newCommunes) {
          const unit = catalog.communes.get(target.code)
          if (unit !== undefined)
            out.push({
              ...candidate(
                unit.provinceCode,
                unit.code,
                fullUnitName(unit),
                catalog,
                DISTRICT_ONLY,
                null,
                true
              ),
              via: 'legacy'
            })
        }
    }
  return out
}

function candidate(
  provinceCode: string,
  communeCode: string,
  communeName: string,
  catalog: AdminCatalog,
  score: number,
  fromOldCode: string | null,
  fromSplit: boolean
): AddressCandidate {
  return {
    provinceCode,
    communeCode,
    communeName,
    unitListVersion: catalog.currentVersion.id,
    confidence: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100,
    via: fromOldCode === null ? 'current' : 'legacy',
    fromOldCode,
    fromSplit,
    typo: false
  }
}

function oldUnitMapping(code: string, catalog: AdminCatalog): OldUnitMapping | null {
  const old = catalog.legacyCommunes.get(code)
  if (old === undefined) return null
  const district = old.districtCode === null ? undefined : catalog.legacyDistricts.get(old.districtCode)
  return {
    unitListVersion: catalog.legacyVersion.id,
    communeCode: old.code,
    communeName: fullUnitName(old),
    districtCode: old.districtCode,
    districtName: district === undefined ? null : fullUnitName(district),
    newCommunes: old.newCommunes.map((t) => ({ ...t, name: nameOf(t.code, catalog) }))
  }
}

function nameOf(code: string, catalog: AdminCatalog): string {
  const unit = catalog.communes.get(code)
  return unit === undefined ? code : fullUnitName(unit)
}
