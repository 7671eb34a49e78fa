import type { Db } from '../../db/connection'
import { getSetting, setSetting } from '../../db/settings'
import { buildAdminCatalog } from '../coding/catalog/admin-catalog'
import {
  buildCodingCatalog,
  defaultCodingCatalog,
  type CodingCatalog
} from '../coding/catalog/coding-catalog'
import { defaultAdminCatalogData } from '../coding/catalog/default-admin-data'
import { ethnicities } from '../coding/catalog/ethnicity'
import { nationalities } from '../coding/catalog/nationality'
import { occupations } from '../coding/catalog/occupation'
import type { AdminUnitList, CodeListVersioned, OccupationRecord } from '../coding/catalog/types'

/** Settings key of an imported national unit list (replaces the embedded default's current list). */
export const IMPORTED_UNITS_KEY = 'catalog.adminUnits.current'

/** Settings key of an imported QĐ 34/2020 occupation list (replaces the embedded 00000-only list). */
export const IMPORTED_OCCUPATIONS_KEY = 'catalog.occupations.current'

/**
 * The catalogue coding uses: the embedded default, with the imported current unit list and occupation list when IT
 * imported them.
 */
export function loadCodingCatalog(db: Db): CodingCatalog {
  const imported = getSetting<AdminUnitList>(db, IMPORTED_UNITS_KEY)
  const importedOccupations = getSetting<CodeListVersioned<OccupationRecord>>(db, IMPORTED_OCCUPATIONS_KEY)
  if (!imported && !importedOccupations) return defaultCodingCatalog()
  return buildCodingCatalog({
    admin: imported
      ? () => buildAdminCatalog({ ...defaultAdminCatalogData(), current: imported })
      : () => defaultCodingCatalog().admin,
    ethnicities,
    nationalities,
    occupations: importedOccupations ?? occupations
  })
}

export function storeImportedOccupations(
  db: Db,
  list: CodeListVersioned<OccupationRecord>,
  at: string
): void {
  setSetting(db, IMPORTED_OCCUPATIONS_KEY, list, at)
}

export function storeImportedUnits(db: Db, list: AdminUnitList, at: string): void {
  setSetting(db, IMPORTED_UNITS_KEY, list, at)
}
