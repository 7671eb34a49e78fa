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
import type { AdminUnitList } from '../coding/catalog/types'

/** Settings key of an imported national unit list (replaces the embedded default's current list). */
export const IMPORTED_UNITS_KEY = 'catalog.adminUnits.current'

/** The catalogue coding uses: the embedded default, with an imported current unit list when IT imported one. */
export function loadCodingCatalog(db: Db): CodingCatalog {
  const imported = getSetting<AdminUnitList>(db, IMPORTED_UNITS_KEY)
  if (!imported) return defaultCodingCatalog()
  return buildCodingCatalog({
    admin: () => buildAdminCatalog({ ...defaultAdminCatalogData(), current: imported }),
    ethnicities,
    nationalities,
    occupations
  })
}

export function storeImportedUnits(db: Db, list: AdminUnitList, at: string): void {
  setSetting(db, IMPORTED_UNITS_KEY, list, at)
}
