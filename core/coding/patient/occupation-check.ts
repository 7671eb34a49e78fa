import { localized } from '../../../contract/messages'
import type { ReadingWarning } from '../../../contract/reading'
import type { CodingCatalog } from '../catalog/coding-catalog'
import { occupations as embeddedOccupations } from '../catalog/occupation'

/**
 * Whether the catalogue in use can judge an occupation code: only an imported QĐ 34/2020 list can. The embedded list
 * holds 00000 alone, so against it every real code would look unknown (docs/adr/0030).
 */
export function hasOccupationList(catalog: CodingCatalog): boolean {
  return catalog.occupations.version.id !== embeddedOccupations.version.id
}

/**
 * A stored occupation code the imported list does not hold: the code stays on the record (it may be from an older
 * list, or typed by hand) but is flagged for the clerk, as an unknown ethnicity is. Null when there is nothing to say.
 */
export function occupationCodeWarning(code: string | null, catalog: CodingCatalog): ReadingWarning | null {
  if (code === null || code === '' || !hasOccupationList(catalog)) return null
  if (catalog.occupationByCode.has(code)) return null
  return {
    code: 'OCCUPATION_UNKNOWN',
    field: 'occupationCode',
    blocking: false,
    ...localized('occupation.unknownCode', { code })
  }
}
