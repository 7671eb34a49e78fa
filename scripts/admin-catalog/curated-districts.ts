// Pre-reform districts of Quảng Ninh, with the commune codes each held: the old→new mapping has no district level,
// so these were taken once from the QĐ 124/2004 list (commune codes run in blocks per district). Input to
// scripts/build-admin-catalog.ts. Other provinces' districts can be added here the same way.
import type { DistrictRecord } from '../../core/coding/catalog/types'

export interface CuratedDistricts {
  districts: readonly DistrictRecord[]
  /** Blocks of commune codes in code order: a commune belongs to the last block starting at or below its code. */
  blocks: readonly { firstCommune: string; district: string }[]
}

export const curatedDistrictsPre2025: Readonly<Record<string, CuratedDistricts>> = {
  '22': {
    districts: [
      { code: '193', provinceCode: '22', kind: 'Thành phố', name: 'Hạ Long', aliases: ['Hoành Bồ'] },
      { code: '194', provinceCode: '22', kind: 'Thành phố', name: 'Móng Cái', aliases: [] },
      { code: '195', provinceCode: '22', kind: 'Thành phố', name: 'Cẩm Phả', aliases: [] },
      { code: '196', provinceCode: '22', kind: 'Thành phố', name: 'Uông Bí', aliases: [] },
      { code: '198', provinceCode: '22', kind: 'Huyện', name: 'Bình Liêu', aliases: [] },
      { code: '199', provinceCode: '22', kind: 'Huyện', name: 'Tiên Yên', aliases: [] },
      { code: '200', provinceCode: '22', kind: 'Huyện', name: 'Đầm Hà', aliases: [] },
      { code: '201', provinceCode: '22', kind: 'Huyện', name: 'Hải Hà', aliases: [] },
      { code: '202', provinceCode: '22', kind: 'Huyện', name: 'Ba Chẽ', aliases: [] },
      { code: '203', provinceCode: '22', kind: 'Huyện', name: 'Vân Đồn', aliases: [] },
      // A town (thị xã) in QĐ 124 lists; cards issued after its upgrade say "thành phố". Both are accepted.
      { code: '205', provinceCode: '22', kind: 'Thị xã', name: 'Đông Triều', aliases: [] },
      { code: '206', provinceCode: '22', kind: 'Thị xã', name: 'Quảng Yên', aliases: [] },
      { code: '207', provinceCode: '22', kind: 'Huyện', name: 'Cô Tô', aliases: [] }
    ],
    blocks: [
      { firstCommune: '06649', district: '193' },
      { firstCommune: '06709', district: '194' },
      { firstCommune: '06760', district: '195' },
      { firstCommune: '06808', district: '196' },
      { firstCommune: '06838', district: '198' },
      { firstCommune: '06862', district: '199' },
      { firstCommune: '06895', district: '200' },
      { firstCommune: '06922', district: '201' },
      { firstCommune: '06970', district: '202' },
      { firstCommune: '06994', district: '203' },
      { firstCommune: '07030', district: '193' }, // the former Hoành Bồ district, part of Hạ Long since 1 January 2020
      { firstCommune: '07069', district: '205' },
      { firstCommune: '07132', district: '206' },
      { firstCommune: '07192', district: '207' }
    ]
  }
}
