import type { AdminCatalog, NameEntry, UnitLevel } from '../catalog/admin-catalog'
import { foldVietnamese, markedWords } from '../../../contract/rules/text'
import { namesWithinOneTypo } from './fuzzy'
import type { AddressToken } from './tokenize'

type WordToken = Extract<AddressToken, { boundary: false }>

/** An administrative keyword and the unit kinds it announces. */
interface Keyword {
  words: readonly { fold: string; marked: string }[]
  levels: readonly UnitLevel[]
  /** Unit kinds (as in the catalogue) the keyword names exactly. */
  kinds: readonly string[]
}

const kw = (text: string, marked: string, levels: UnitLevel[], kinds: string[]): Keyword => ({
  words: text.split(' ').map((fold, i) => ({ fold, marked: markedWords(marked)[i]! })),
  levels,
  kinds
})

// Longest first, so "thị xã" wins over "xã".
const ADMIN_KEYWORDS: readonly Keyword[] = [
  kw('thanh pho', 'thành phố', ['province', 'district'], ['Thành phố']),
  kw('thi xa', 'thị xã', ['district'], ['Thị xã']),
  kw('thi tran', 'thị trấn', ['commune'], ['Thị trấn']),
  kw('dac khu', 'đặc khu', ['commune'], ['Đặc khu']),
  kw('phuong', 'phường', ['commune'], ['Phường']),
  kw('xa', 'xã', ['commune'], ['Xã']),
  kw('huyen', 'huyện', ['district'], ['Huyện']),
  kw('quan', 'quận', ['district'], ['Quận']),
  kw('tinh', 'tỉnh', ['province'], ['Tỉnh']),
  kw('tp', 'tp', ['province', 'district'], ['Thành phố']),
  kw('tx', 'tx', ['district'], ['Thị xã']),
  kw('tt', 'tt', ['commune'], ['Thị trấn'])
]

/** Words that start a house, street or hamlet part ("Số 12", "đường …", "Thôn 3", "Tổ 5 Khu 2"). */
const DETAIL_WORDS: ReadonlyMap<string, string> = new Map(
  [
    'số',
    'sn',
    'đường',
    'phố',
    'ngõ',
    'ngách',
    'hẻm',
    'kiệt',
    'thôn',
    'xóm',
    'tổ',
    'khu',
    'bản',
    'ấp',
    'khóm',
    'khối',
    'cụm',
    'đội',
    'làng',
    'nhà',
    'lô',
    'tầng',
    'tòa',
    'km',
    'tdp'
  ].map((w) => [foldVietnamese(w), markedWords(w)[0]!])
)

/** A stretch of the address read as a unit name, with the keyword that announced it (if any). */
export interface Mention {
  start: number
  end: number
  keyword: Keyword | null
  entries: readonly NameEntry[]
  /** Whether the text's spelling (with marks) equals the entry's; null when the text has no marks there. */
  exact: readonly (boolean | null)[]
  /** Read with one typo ("Gieng Dai" for "Giếng Đáy"). */
  typo: boolean
  /**
   * A district the catalogue does not list ("Quận Ba Đình": pre-reform districts are embedded for Quảng Ninh only).
   * It has no entries; its name is consumed so it is not read as a commune of the same name.
   */
  unlistedDistrict?: true
}

function sameWord(t: WordToken, w: { fold: string; marked: string }): boolean {
  if (t.fold !== w.fold) return false
  // With marks, "xá" is not "xã"; without, they cannot be told apart. Both sides are markedWords keys.
  return !t.hasMarks || t.marked === w.marked
}

function keywordAt(tokens: readonly AddressToken[], i: number): Keyword | null {
  for (const k of ADMIN_KEYWORDS) {
    let ok = true
    for (let j = 0; j < k.words.length; j++) {
      const t = tokens[i + j]
      if (t === undefined || t.boundary || !sameWord(t, k.words[j]!)) {
        ok = false
        break
      }
    }
    if (ok) return k
  }
  return null
}

function isDetailWord(t: AddressToken | undefined): boolean {
  if (t === undefined || t.boundary) return false
  const marked = DETAIL_WORDS.get(t.fold)
  return marked !== undefined && (!t.hasMarks || t.marked === marked)
}

/** Longest catalogue name starting at i (not crossing a boundary), or null. */
function nameAt(
  tokens: readonly AddressToken[],
  i: number,
  catalog: AdminCatalog,
  minWords: number
): { end: number; entries: readonly NameEntry[]; marked: string; hasMarks: boolean } | null {
  const words: WordToken[] = []
  for (let j = i; j < tokens.length && words.length < catalog.maxNameWords; j++) {
    const t = tokens[j]!
    if (t.boundary) break
    words.push(t)
  }
  for (let n = words.length; n >= minWords; n--) {
    const slice = words.slice(0, n)
    const entries = catalog.byName.get(slice.map((w) => w.fold).join(' '))
    if (entries !== undefined)
      return {
        end: i + n,
        entries,
        marked: slice.map((w) => w.marked).join(' '),
        hasMarks: slice.some((w) => w.hasMarks)
      }
  }
  return null
}

/**
 * When no name matches exactly, the rest of the segment (up to the next comma) read with one typo. Only whole
 * segments are tried, so a typo can never pull a name out of a longer street or hamlet text.
 */
function typoNameAt(
  tokens: readonly AddressToken[],
  i: number,
  catalog: AdminCatalog,
  minWords: number
): { end: number; entries: NameEntry[] } | null {
  const words: string[] = []
  let j = i
  for (; j < tokens.length; j++) {
    const t = tokens[j]!
    if (t.boundary) break
    // A segment longer than any name cannot be one: stop here, so a long comma-free text stays linear.
    if (words.length === catalog.maxNameWords) return null
    words.push(t.fold)
  }
  if (words.length < minWords) return null
  const entries = namesWithinOneTypo(words.join(' '), catalog).flatMap(
    (name) => catalog.byName.get(name) ?? []
  )
  return entries.length === 0 ? null : { end: j, entries }
}

/**
 * Reads the unit names an address mentions, left to right. After a keyword ("xã", "TP", "huyện"…) a name of
 * one word is accepted; without one, names need two words, so a stray "Huế" in a street name is not a city.
 * House, street and hamlet parts are skipped up to the next boundary or keyword.
 */
export function findMentions(tokens: readonly AddressToken[], catalog: AdminCatalog): Mention[] {
  const mentions: Mention[] = []
  let i = 0
  let inDetail = false
  while (i < tokens.length) {
    const t = tokens[i]!
    if (t.boundary) {
      inDetail = false
      i++
      continue
    }
    const country = i === 0 || tokens[i - 1]!.boundary ? countryEnd(tokens, i) : null
    if (country !== null) {
      i = country
      continue
    }
    const keyword = keywordAt(tokens, i)
    if (keyword !== null) {
      const after = i + keyword.words.length
      const named = nameAt(tokens, after, catalog, 1)
      const entries = named?.entries.filter((e) => keyword.levels.includes(e.level)) ?? []
      if (named !== null && entries.length > 0) {
        mentions.push(toMention(i, named.end, keyword, entries, named))
        inDetail = false
        i = named.end
        continue
      }
      const typo = named === null ? typoNameAt(tokens, after, catalog, 1) : null
      const typoEntries = typo?.entries.filter((e) => keyword.levels.includes(e.level)) ?? []
      if (typo !== null && typoEntries.length > 0) {
        mentions.push({
          start: i,
          end: typo.end,
          keyword,
          entries: typoEntries,
          exact: typoEntries.map(() => null),
          typo: true
        })
        inDetail = false
        i = typo.end
        continue
      }
      const unlisted = keyword.levels.includes('commune') ? null : unlistedDistrictEnd(tokens, after, catalog)
      if (unlisted !== null) {
        mentions.push({
          start: i,
          end: unlisted,
          keyword,
          entries: [],
          exact: [],
          typo: false,
          unlistedDistrict: true
        })
        inDetail = false
        i = unlisted
        continue
      }
    }
    if (!inDetail) {
      const named = nameAt(tokens, i, catalog, 2)
      if (named !== null) {
        mentions.push(toMention(i, named.end, null, named.entries, named))
        i = named.end
        continue
      }
      const segmentStart = i === 0 || tokens[i - 1]!.boundary
      const typo = segmentStart && !isDetailWord(t) ? typoNameAt(tokens, i, catalog, 2) : null
      if (typo !== null) {
        mentions.push({
          start: i,
          end: typo.end,
          keyword: null,
          entries: typo.entries,
          exact: typo.entries.map(() => null),
          typo: true
        })
        i = typo.end
        continue
      }
      if (isDetailWord(t)) inDetail = true
    } else if (/^\d+[a-z]?$/.test(t.fold)) {
      // "Thôn 3", "Tổ 5", "Số 12": the number closes the part; a name may follow without a comma.
      inDetail = false
    }
    i++
  }
  return mentions
}

/** Ways an address names the country; "Việt Nam" must not be read, with a typo, as "Việt Lâm". */
const COUNTRY_NAMES = new Set(['viet nam', 'vietnam', 'vn', 'nuoc chxhcn viet nam'])

/** The end of a segment that is only the country's name, or null. */
function countryEnd(tokens: readonly AddressToken[], start: number): number | null {
  const words: string[] = []
  let j = start
  for (; j < tokens.length && !tokens[j]!.boundary; j++) words.push((tokens[j] as WordToken).fold)
  return COUNTRY_NAMES.has(words.join(' ')) ? j : null
}

/**
 * Where the name of a district the catalogue does not know ends: at the next boundary, keyword, or province name
 * ("Quận Ba Đình Hà Nội" stops before "Hà Nội"). Null when no word follows the keyword.
 */
function unlistedDistrictEnd(
  tokens: readonly AddressToken[],
  start: number,
  catalog: AdminCatalog
): number | null {
  let j = start
  while (j < tokens.length && !tokens[j]!.boundary && keywordAt(tokens, j) === null) {
    if (j > start && nameAt(tokens, j, catalog, 1)?.entries.some((e) => e.level === 'province')) break
    j++
  }
  return j === start ? null : j
}

function toMention(
  start: number,
  end: number,
  keyword: Keyword | null,
  entries: readonly NameEntry[],
  named: { marked: string; hasMarks: boolean }
): Mention {
  return {
    start,
    end,
    keyword,
    entries,
    exact: entries.map((e) => (named.hasMarks ? named.marked === e.marked : null)),
    typo: false
  }
}
