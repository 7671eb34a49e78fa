import type { LegacyProvinceRecord } from '../../../contract/rules/provinces-pre-2025'

/**
 * Catalogue records. Every list is versioned data with an effective date: 5-digit commune codes (and some
 * province codes) were reused in July 2025 with new meanings, so a code means nothing without its list version.
 */

export const UNIT_LIST_CURRENT = 'vn-admin-2025-07'
export const UNIT_LIST_PRE_2025 = 'vn-admin-pre-2025'

export interface UnitListVersion {
  /** Stable id stored beside every coded address, e.g. 'vn-admin-2025-07'. */
  id: string
  /** ISO date the list took effect. */
  effectiveFrom: string
  /** ISO date the list stopped applying (first day it no longer applies), or null while in force. */
  effectiveTo: string | null
  /** Legal basis or data source, for the record. */
  source: string
}

export interface ProvinceRecord {
  /** 2 digits. */
  code: string
  /** 'Tỉnh' | 'Thành phố'. */
  kind: string
  /** Name without the kind, e.g. 'Quảng Ninh'. */
  name: string
}

export type { LegacyProvinceRecord } from '../../../contract/rules/provinces-pre-2025'

export interface DistrictRecord {
  /** 3 digits (QĐ 124/2004). */
  code: string
  provinceCode: string
  kind: string
  name: string
  /** Other names addresses still use for it (e.g. a district merged into this one). */
  aliases: readonly string[]
}

export interface CommuneRecord {
  /** 5 digits. */
  code: string
  provinceCode: string
  /** 'Phường' | 'Xã' | 'Thị trấn' | 'Đặc khu'. */
  kind: string
  name: string
  /** Only in lists that still had districts. */
  districtCode: string | null
}

export interface MappingTarget {
  /** Commune code in the current list. */
  code: string
  /** 'full': the old unit went wholly into this one; 'partial': it was split and part of it went here. */
  share: 'full' | 'partial'
}

export interface LegacyCommuneRecord extends CommuneRecord {
  /** Null where the embedded data has no districts for the province (only Quảng Ninh's are curated). */
  districtCode: string | null
  newCommunes: readonly MappingTarget[]
}

/** One administrative-unit list as stored: plain data, serialisable, no indexes. */
export interface AdminUnitList {
  version: UnitListVersion
  provinces: readonly ProvinceRecord[]
  districts: readonly DistrictRecord[]
  communes: readonly CommuneRecord[]
}

/** What the catalogue is built from (what db/ stores). */
export interface AdminCatalogData {
  current: AdminUnitList
  /** The list before the reform, with where each old unit went. */
  legacy: {
    version: UnitListVersion
    provinces: readonly LegacyProvinceRecord[]
    districts: readonly DistrictRecord[]
    communes: readonly LegacyCommuneRecord[]
  }
}

export interface EthnicityRecord {
  /** GSO 2-digit code (QĐ 121-TCTK/PPCĐ). */
  code: string
  name: string
  /** Other spellings seen on cards and in registers. */
  variants: readonly string[]
}

export interface NationalityRecord {
  /** MA_QUOCTICH (3 chars, Appendix 2 of TT 07/2016/TT-BCA), or null where not verified. */
  mohCode: string | null
  /** ISO 3166-1 alpha-2, for the VN Core FHIR nationality extension. */
  iso2: string
  name: string
  variants: readonly string[]
}

export interface OccupationRecord {
  /** 5-digit code of QĐ 34/2020/QĐ-TTg. */
  code: string
  name: string
}

export interface CodeListVersioned<T> {
  version: UnitListVersion
  entries: readonly T[]
}
