import type { AdminCatalogData } from './types'
import { UNIT_LIST_CURRENT, UNIT_LIST_PRE_2025 } from './types'
import { provinces2025 } from './data/provinces-2025'
import { quangNinhCommunes2025 } from './data/quang-ninh-2025'
import { provincesPre2025 } from '../../../contract/rules/provinces-pre-2025'
import { quangNinhCommunesPre2025, quangNinhDistrictsPre2025 } from './data/quang-ninh-pre-2025'

/**
 * The embedded default: all 34 provinces, Quảng Ninh's communes, and Quảng Ninh's pre-reform units with the
 * old→new mapping. Facilities replace or extend it by importing the official list (see importer/).
 */
export const defaultAdminCatalogData: AdminCatalogData = {
  current: {
    version: {
      id: UNIT_LIST_CURRENT,
      effectiveFrom: '2025-07-01',
      effectiveTo: null,
      source: 'QĐ 19/2025/QĐ-TTg; NQ 1679/NQ-UBTVQH15 (Quảng Ninh)'
    },
    provinces: provinces2025,
    districts: [],
    communes: quangNinhCommunes2025
  },
  legacy: {
    version: {
      id: UNIT_LIST_PRE_2025,
      effectiveFrom: '2004-07-01',
      effectiveTo: '2025-07-01',
      source: 'QĐ 124/2004/QĐ-TTg as amended up to 30 Jun 2025'
    },
    provinces: provincesPre2025,
    districts: quangNinhDistrictsPre2025,
    communes: quangNinhCommunesPre2025
  }
}
