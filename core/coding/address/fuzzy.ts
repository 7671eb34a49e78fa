import { type AdminCatalog, deletions, MIN_FUZZY_LENGTH } from '../catalog/admin-catalog'

/**
 * Catalogue names within one typo (insert, delete, replace or swap two neighbours) of a folded key:
 * "gieng dai" → "gieng day". Exact matches are not returned (the caller tried them first).
 */
export function namesWithinOneTypo(key: string, catalog: AdminCatalog): string[] {
  // One typo changes the length by at most one: a longer key matches nothing (and its deletions would cost
  // the square of its length).
  if (key.length < MIN_FUZZY_LENGTH || key.length > catalog.maxNameLength + 1) return []
  const found = new Set<string>()
  for (const d of deletions(key))
    for (const name of catalog.byDeletion.get(d) ?? [])
      if (name !== key && withinOneEdit(key, name)) found.add(name)
  return [...found]
}

/** Optimal-string-alignment distance ≤ 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}
