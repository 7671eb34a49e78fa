import { defaultAdminCatalogData, fullUnitName } from '../../core/coding'

export interface UnitListJsonProvince {
  Code: string
  FullName: string
  Wards: { Code: string; FullName: string; ProvinceCode: string }[]
}

/**
 * The embedded current list written back in the import format (`[{Code, FullName, Wards: [...]}]`), i.e. the file
 * IT would import. The embedded list is checked against the source file in catalog-build.test.ts, so tests can
 * use this instead of needing the source data.
 */
export function nationalUnitList(): UnitListJsonProvince[] {
  const { current } = defaultAdminCatalogData()
  return current.provinces.map((p) => ({
    Code: p.code,
    FullName: fullUnitName(p),
    Wards: current.communes
      .filter((c) => c.provinceCode === p.code)
      .map((c) => ({ Code: c.code, FullName: fullUnitName(c), ProvinceCode: p.code }))
  }))
}

export const nationalUnitListJson = (): string => JSON.stringify(nationalUnitList())
