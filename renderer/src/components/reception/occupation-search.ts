import type { CatalogEntry } from '../../../../contract/api'
import { foldVietnamese } from '../../../../contract/rules/text'

/**
 * The occupations a clerk's typing points at, in the list's own order (most used at this desk first): digits match
 * the start of the code, words match names without regard to accents or case ("nong dan" finds "Nông dân"), every
 * typed word somewhere in the name.
 */
export function matchOccupations(entries: readonly CatalogEntry[], typed: string, limit = 8): CatalogEntry[] {
  const text = typed.trim()
  if (text === '') return []
  if (/^\d+$/.test(text)) return entries.filter((e) => e.code.startsWith(text)).slice(0, limit)
  const words = foldVietnamese(text).split(' ').filter(Boolean)
  if (words.length === 0) return []
  const out: CatalogEntry[] = []
  for (const e of entries) {
    const name = ` ${foldVietnamese(e.name)}`
    if (words.every((w) => name.includes(` ${w}`))) out.push(e)
    if (out.length === limit) break
  }
  return out
}
