import type { CatalogEntry, CatalogKind } from '../../contract/api'
import type { CodingCatalog } from '../coding/catalog/coding-catalog'
import { fullUnitName } from '../coding/catalog/admin-catalog'

/**
 * The lists the form's drop-downs show, from the catalogue the coding uses (so they always agree). Occupations come
 * most used first (`usage`: code → patients on this computer), then by name.
 */
export function listCatalog(
  catalog: CodingCatalog,
  kind: CatalogKind,
  parent: string | null,
  usage: () => ReadonlyMap<string, number> = () => new Map()
): CatalogEntry[] {
  const current = catalog.admin.data.current
  switch (kind) {
    case 'ethnicity':
      return catalog.ethnicities.entries.map((e) => ({ code: e.code, name: e.name, parent: null }))
    case 'nationality':
      return catalog.nationalities.entries
        .filter((n) => n.mohCode !== null)
        .map((n) => ({ code: n.mohCode!, name: n.name, parent: null }))
    case 'occupation':
      return byUsage(catalog.occupations.entries, usage()).map((o) => ({
        code: o.code,
        name: o.name,
        parent: null
      }))
    case 'province':
      return current.provinces.map((p) => ({ code: p.code, name: fullUnitName(p), parent: null }))
    case 'commune':
      return current.communes
        .filter((c) => parent === null || c.provinceCode === parent)
        .map((c) => ({ code: c.code, name: fullUnitName(c), parent: c.provinceCode }))
  }
}

const byName = new Intl.Collator('vi')

function byUsage<T extends { code: string; name: string }>(
  entries: readonly T[],
  usage: ReadonlyMap<string, number>
): T[] {
  return [...entries].sort(
    (a, b) => (usage.get(b.code) ?? 0) - (usage.get(a.code) ?? 0) || byName.compare(a.name, b.name)
  )
}
