// Quảng Ninh before 1 July 2025: districts (QĐ 124/2004 codes), the 171 communes, wards and townships, and
// where each went (dvhcvn old→new mapping; "full" = wholly absorbed, "partial" = split across several new units).
// Derived from the MIT-licensed datasets in /work/shared/data/admin-units (thanglequoc/vietnamese-provinces-database
// and dvhcvn/20250701; licence notices in docs/adr/0006-admin-units-and-coding.md). Generated once; edit as data.
import type { DistrictRecord, LegacyCommuneRecord } from '../types'

export const quangNinhDistrictsPre2025: readonly DistrictRecord[] = [
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
]

/** newCommunes: where the old unit went, in the mapping's order; more than one means it was split. */
export const quangNinhCommunesPre2025: readonly LegacyCommuneRecord[] = [
  {
    code: '06649',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hà Khánh',
    newCommunes: [{ code: '06658', share: 'full' }]
  },
  {
    code: '06652',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hà Phong',
    newCommunes: [{ code: '06652', share: 'full' }]
  },
  {
    code: '06655',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hà Khẩu',
    newCommunes: [
      { code: '06706', share: 'partial' },
      { code: '06661', share: 'partial' }
    ]
  },
  {
    code: '06658',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Cao Xanh',
    newCommunes: [{ code: '06658', share: 'full' }]
  },
  {
    code: '06661',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Giếng Đáy',
    newCommunes: [{ code: '06661', share: 'full' }]
  },
  {
    code: '06664',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hà Tu',
    newCommunes: [{ code: '06652', share: 'full' }]
  },
  {
    code: '06667',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hà Trung',
    newCommunes: [{ code: '06676', share: 'full' }]
  },
  {
    code: '06670',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hà Lầm',
    newCommunes: [{ code: '06676', share: 'full' }]
  },
  {
    code: '06673',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Bãi Cháy',
    newCommunes: [{ code: '06673', share: 'full' }]
  },
  {
    code: '06676',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Cao Thắng',
    newCommunes: [{ code: '06676', share: 'full' }]
  },
  {
    code: '06679',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hùng Thắng',
    newCommunes: [{ code: '06673', share: 'full' }]
  },
  {
    code: '06685',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Trần Hưng Đạo',
    newCommunes: [{ code: '06685', share: 'full' }]
  },
  {
    code: '06688',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hồng Hải',
    newCommunes: [{ code: '06688', share: 'full' }]
  },
  {
    code: '06691',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hồng Gai',
    newCommunes: [{ code: '06685', share: 'full' }]
  },
  {
    code: '06694',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Bạch Đằng',
    newCommunes: [{ code: '06685', share: 'full' }]
  },
  {
    code: '06697',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hồng Hà',
    newCommunes: [{ code: '06688', share: 'full' }]
  },
  {
    code: '06700',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Tuần Châu',
    newCommunes: [{ code: '06706', share: 'full' }]
  },
  {
    code: '06703',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Việt Hưng',
    newCommunes: [{ code: '06661', share: 'full' }]
  },
  {
    code: '06706',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Đại Yên',
    newCommunes: [{ code: '06706', share: 'full' }]
  },
  {
    code: '06709',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Phường',
    name: 'Ka Long',
    newCommunes: [{ code: '06709', share: 'full' }]
  },
  {
    code: '06712',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Phường',
    name: 'Trần Phú',
    newCommunes: [{ code: '06712', share: 'full' }]
  },
  {
    code: '06715',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Phường',
    name: 'Ninh Dương',
    newCommunes: [{ code: '06709', share: 'full' }]
  },
  {
    code: '06721',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Phường',
    name: 'Trà Cổ',
    newCommunes: [{ code: '06712', share: 'full' }]
  },
  {
    code: '06724',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Xã',
    name: 'Hải Sơn',
    newCommunes: [{ code: '06724', share: 'full' }]
  },
  {
    code: '06727',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Xã',
    name: 'Bắc Sơn',
    newCommunes: [{ code: '06724', share: 'full' }]
  },
  {
    code: '06730',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Xã',
    name: 'Hải Đông',
    newCommunes: [{ code: '06736', share: 'full' }]
  },
  {
    code: '06733',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Xã',
    name: 'Hải Tiến',
    newCommunes: [{ code: '06733', share: 'full' }]
  },
  {
    code: '06736',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Phường',
    name: 'Hải Yên',
    newCommunes: [{ code: '06736', share: 'full' }]
  },
  {
    code: '06739',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Xã',
    name: 'Quảng Nghĩa',
    newCommunes: [{ code: '06733', share: 'full' }]
  },
  {
    code: '06742',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Phường',
    name: 'Hải Hoà',
    newCommunes: [{ code: '06712', share: 'full' }]
  },
  {
    code: '06745',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Xã',
    name: 'Hải Xuân',
    newCommunes: [{ code: '06712', share: 'full' }]
  },
  {
    code: '06748',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Xã',
    name: 'Vạn Ninh',
    newCommunes: [{ code: '06709', share: 'full' }]
  },
  {
    code: '06751',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Phường',
    name: 'Bình Ngọc',
    newCommunes: [{ code: '06712', share: 'full' }]
  },
  {
    code: '06754',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Xã',
    name: 'Vĩnh Trung',
    newCommunes: [{ code: '06757', share: 'full' }]
  },
  {
    code: '06757',
    provinceCode: '22',
    districtCode: '194',
    kind: 'Xã',
    name: 'Vĩnh Thực',
    newCommunes: [{ code: '06757', share: 'full' }]
  },
  {
    code: '06760',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Mông Dương',
    newCommunes: [{ code: '06760', share: 'full' }]
  },
  {
    code: '06763',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cửa Ông',
    newCommunes: [{ code: '06781', share: 'full' }]
  },
  {
    code: '06766',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cẩm Sơn',
    newCommunes: [{ code: '06781', share: 'full' }]
  },
  {
    code: '06769',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cẩm Đông',
    newCommunes: [{ code: '06793', share: 'full' }]
  },
  {
    code: '06772',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cẩm Phú',
    newCommunes: [{ code: '06781', share: 'full' }]
  },
  {
    code: '06775',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cẩm Tây',
    newCommunes: [{ code: '06793', share: 'full' }]
  },
  {
    code: '06778',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Quang Hanh',
    newCommunes: [{ code: '06778', share: 'full' }]
  },
  {
    code: '06781',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cẩm Thịnh',
    newCommunes: [{ code: '06781', share: 'full' }]
  },
  {
    code: '06784',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cẩm Thủy',
    newCommunes: [{ code: '06778', share: 'full' }]
  },
  {
    code: '06787',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cẩm Thạch',
    newCommunes: [{ code: '06778', share: 'full' }]
  },
  {
    code: '06790',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cẩm Thành',
    newCommunes: [{ code: '06793', share: 'full' }]
  },
  {
    code: '06793',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cẩm Trung',
    newCommunes: [{ code: '06793', share: 'full' }]
  },
  {
    code: '06796',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Phường',
    name: 'Cẩm Bình',
    newCommunes: [{ code: '06793', share: 'full' }]
  },
  {
    code: '06799',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Xã',
    name: 'Hải Hòa',
    newCommunes: [
      { code: '06799', share: 'partial' },
      { code: '06886', share: 'partial' }
    ]
  },
  {
    code: '06805',
    provinceCode: '22',
    districtCode: '195',
    kind: 'Xã',
    name: 'Dương Huy',
    newCommunes: [{ code: '06760', share: 'full' }]
  },
  {
    code: '06808',
    provinceCode: '22',
    districtCode: '196',
    kind: 'Phường',
    name: 'Vàng Danh',
    newCommunes: [{ code: '06820', share: 'full' }]
  },
  {
    code: '06811',
    provinceCode: '22',
    districtCode: '196',
    kind: 'Phường',
    name: 'Thanh Sơn',
    newCommunes: [{ code: '06811', share: 'full' }]
  },
  {
    code: '06814',
    provinceCode: '22',
    districtCode: '196',
    kind: 'Phường',
    name: 'Bắc Sơn',
    newCommunes: [{ code: '06820', share: 'full' }]
  },
  {
    code: '06817',
    provinceCode: '22',
    districtCode: '196',
    kind: 'Phường',
    name: 'Quang Trung',
    newCommunes: [{ code: '06811', share: 'full' }]
  },
  {
    code: '06820',
    provinceCode: '22',
    districtCode: '196',
    kind: 'Phường',
    name: 'Trưng Vương',
    newCommunes: [
      { code: '06820', share: 'partial' },
      { code: '06811', share: 'partial' }
    ]
  },
  {
    code: '06823',
    provinceCode: '22',
    districtCode: '196',
    kind: 'Phường',
    name: 'Nam Khê',
    newCommunes: [{ code: '06820', share: 'full' }]
  },
  {
    code: '06826',
    provinceCode: '22',
    districtCode: '196',
    kind: 'Phường',
    name: 'Yên Thanh',
    newCommunes: [{ code: '06811', share: 'full' }]
  },
  {
    code: '06829',
    provinceCode: '22',
    districtCode: '196',
    kind: 'Xã',
    name: 'Thượng Yên Công',
    newCommunes: [{ code: '06832', share: 'full' }]
  },
  {
    code: '06832',
    provinceCode: '22',
    districtCode: '196',
    kind: 'Phường',
    name: 'Phương Đông',
    newCommunes: [{ code: '06832', share: 'full' }]
  },
  {
    code: '06835',
    provinceCode: '22',
    districtCode: '196',
    kind: 'Phường',
    name: 'Phương Nam',
    newCommunes: [{ code: '06832', share: 'full' }]
  },
  {
    code: '06838',
    provinceCode: '22',
    districtCode: '198',
    kind: 'Thị trấn',
    name: 'Bình Liêu',
    newCommunes: [{ code: '06838', share: 'full' }]
  },
  {
    code: '06841',
    provinceCode: '22',
    districtCode: '198',
    kind: 'Xã',
    name: 'Hoành Mô',
    newCommunes: [{ code: '06841', share: 'full' }]
  },
  {
    code: '06844',
    provinceCode: '22',
    districtCode: '198',
    kind: 'Xã',
    name: 'Đồng Tâm',
    newCommunes: [{ code: '06856', share: 'full' }]
  },
  {
    code: '06847',
    provinceCode: '22',
    districtCode: '198',
    kind: 'Xã',
    name: 'Đồng Văn',
    newCommunes: [{ code: '06841', share: 'full' }]
  },
  {
    code: '06853',
    provinceCode: '22',
    districtCode: '198',
    kind: 'Xã',
    name: 'Vô Ngại',
    newCommunes: [
      { code: '06862', share: 'partial' },
      { code: '06838', share: 'partial' }
    ]
  },
  {
    code: '06856',
    provinceCode: '22',
    districtCode: '198',
    kind: 'Xã',
    name: 'Lục Hồn',
    newCommunes: [{ code: '06856', share: 'full' }]
  },
  {
    code: '06859',
    provinceCode: '22',
    districtCode: '198',
    kind: 'Xã',
    name: 'Húc Động',
    newCommunes: [{ code: '06838', share: 'full' }]
  },
  {
    code: '06862',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Thị trấn',
    name: 'Tiên Yên',
    newCommunes: [{ code: '06862', share: 'full' }]
  },
  {
    code: '06865',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Xã',
    name: 'Hà Lâu',
    newCommunes: [{ code: '06874', share: 'full' }]
  },
  {
    code: '06868',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Xã',
    name: 'Đại Dực',
    newCommunes: [
      { code: '06862', share: 'partial' },
      { code: '06877', share: 'partial' }
    ]
  },
  {
    code: '06871',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Xã',
    name: 'Phong Dụ',
    newCommunes: [{ code: '06862', share: 'full' }]
  },
  {
    code: '06874',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Xã',
    name: 'Điền Xá',
    newCommunes: [{ code: '06874', share: 'full' }]
  },
  {
    code: '06877',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Xã',
    name: 'Đông Ngũ',
    newCommunes: [
      { code: '06862', share: 'partial' },
      { code: '06877', share: 'partial' }
    ]
  },
  {
    code: '06880',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Xã',
    name: 'Yên Than',
    newCommunes: [
      { code: '06862', share: 'partial' },
      { code: '06874', share: 'partial' }
    ]
  },
  {
    code: '06883',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Xã',
    name: 'Đông Hải',
    newCommunes: [{ code: '06877', share: 'full' }]
  },
  {
    code: '06886',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Xã',
    name: 'Hải Lạng',
    newCommunes: [
      { code: '06799', share: 'partial' },
      { code: '06886', share: 'partial' },
      { code: '06978', share: 'partial' }
    ]
  },
  {
    code: '06889',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Xã',
    name: 'Tiên Lãng',
    newCommunes: [{ code: '06862', share: 'full' }]
  },
  {
    code: '06892',
    provinceCode: '22',
    districtCode: '199',
    kind: 'Xã',
    name: 'Đồng Rui',
    newCommunes: [{ code: '06886', share: 'full' }]
  },
  {
    code: '06895',
    provinceCode: '22',
    districtCode: '200',
    kind: 'Thị trấn',
    name: 'Đầm Hà',
    newCommunes: [{ code: '06895', share: 'full' }]
  },
  {
    code: '06898',
    provinceCode: '22',
    districtCode: '200',
    kind: 'Xã',
    name: 'Quảng Lâm',
    newCommunes: [{ code: '06913', share: 'full' }]
  },
  {
    code: '06901',
    provinceCode: '22',
    districtCode: '200',
    kind: 'Xã',
    name: 'Quảng An',
    newCommunes: [{ code: '06913', share: 'full' }]
  },
  {
    code: '06904',
    provinceCode: '22',
    districtCode: '200',
    kind: 'Xã',
    name: 'Tân Bình',
    newCommunes: [{ code: '06895', share: 'full' }]
  },
  {
    code: '06910',
    provinceCode: '22',
    districtCode: '200',
    kind: 'Xã',
    name: 'Dực Yên',
    newCommunes: [{ code: '06913', share: 'full' }]
  },
  {
    code: '06913',
    provinceCode: '22',
    districtCode: '200',
    kind: 'Xã',
    name: 'Quảng Tân',
    newCommunes: [{ code: '06913', share: 'full' }]
  },
  {
    code: '06916',
    provinceCode: '22',
    districtCode: '200',
    kind: 'Xã',
    name: 'Đầm Hà',
    newCommunes: [{ code: '06895', share: 'full' }]
  },
  {
    code: '06917',
    provinceCode: '22',
    districtCode: '200',
    kind: 'Xã',
    name: 'Tân Lập',
    newCommunes: [{ code: '06895', share: 'full' }]
  },
  {
    code: '06919',
    provinceCode: '22',
    districtCode: '200',
    kind: 'Xã',
    name: 'Đại Bình',
    newCommunes: [{ code: '06895', share: 'full' }]
  },
  {
    code: '06922',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Thị trấn',
    name: 'Quảng Hà',
    newCommunes: [{ code: '06922', share: 'full' }]
  },
  {
    code: '06925',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Xã',
    name: 'Quảng Đức',
    newCommunes: [{ code: '06931', share: 'full' }]
  },
  {
    code: '06928',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Xã',
    name: 'Quảng Sơn',
    newCommunes: [{ code: '06946', share: 'full' }]
  },
  {
    code: '06931',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Xã',
    name: 'Quảng Thành',
    newCommunes: [{ code: '06931', share: 'full' }]
  },
  {
    code: '06937',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Xã',
    name: 'Quảng Thịnh',
    newCommunes: [{ code: '06931', share: 'full' }]
  },
  {
    code: '06940',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Xã',
    name: 'Quảng Minh',
    newCommunes: [{ code: '06922', share: 'full' }]
  },
  {
    code: '06943',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Xã',
    name: 'Quảng Chính',
    newCommunes: [{ code: '06922', share: 'full' }]
  },
  {
    code: '06946',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Xã',
    name: 'Quảng Long',
    newCommunes: [
      { code: '06922', share: 'partial' },
      { code: '06946', share: 'partial' }
    ]
  },
  {
    code: '06949',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Xã',
    name: 'Đường Hoa',
    newCommunes: [{ code: '06946', share: 'full' }]
  },
  {
    code: '06952',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Xã',
    name: 'Quảng Phong',
    newCommunes: [{ code: '06922', share: 'full' }]
  },
  {
    code: '06967',
    provinceCode: '22',
    districtCode: '201',
    kind: 'Xã',
    name: 'Cái Chiên',
    newCommunes: [{ code: '06967', share: 'full' }]
  },
  {
    code: '06970',
    provinceCode: '22',
    districtCode: '202',
    kind: 'Thị trấn',
    name: 'Ba Chẽ',
    newCommunes: [{ code: '06978', share: 'full' }]
  },
  {
    code: '06973',
    provinceCode: '22',
    districtCode: '202',
    kind: 'Xã',
    name: 'Thanh Sơn',
    newCommunes: [{ code: '06978', share: 'full' }]
  },
  {
    code: '06976',
    provinceCode: '22',
    districtCode: '202',
    kind: 'Xã',
    name: 'Thanh Lâm',
    newCommunes: [{ code: '06979', share: 'full' }]
  },
  {
    code: '06979',
    provinceCode: '22',
    districtCode: '202',
    kind: 'Xã',
    name: 'Đạp Thanh',
    newCommunes: [{ code: '06979', share: 'full' }]
  },
  {
    code: '06982',
    provinceCode: '22',
    districtCode: '202',
    kind: 'Xã',
    name: 'Nam Sơn',
    newCommunes: [{ code: '06978', share: 'full' }]
  },
  {
    code: '06985',
    provinceCode: '22',
    districtCode: '202',
    kind: 'Xã',
    name: 'Lương Minh',
    newCommunes: [{ code: '06985', share: 'full' }]
  },
  {
    code: '06988',
    provinceCode: '22',
    districtCode: '202',
    kind: 'Xã',
    name: 'Đồn Đạc',
    newCommunes: [{ code: '06978', share: 'full' }]
  },
  {
    code: '06994',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Thị trấn',
    name: 'Cái Rồng',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '06997',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Đài Xuyên',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07000',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Bình Dân',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07003',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Vạn Yên',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07006',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Minh Châu',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07009',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Đoàn Kết',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07012',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Hạ Long',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07015',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Đông Xá',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07018',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Bản Sen',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07021',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Thắng Lợi',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07024',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Quan Lạn',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07027',
    provinceCode: '22',
    districtCode: '203',
    kind: 'Xã',
    name: 'Ngọc Vừng',
    newCommunes: [{ code: '06994', share: 'full' }]
  },
  {
    code: '07030',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Phường',
    name: 'Hoành Bồ',
    newCommunes: [{ code: '07030', share: 'full' }]
  },
  {
    code: '07033',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Kỳ Thượng',
    newCommunes: [{ code: '06979', share: 'full' }]
  },
  {
    code: '07036',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Đồng Sơn',
    newCommunes: [{ code: '06985', share: 'full' }]
  },
  {
    code: '07039',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Tân Dân',
    newCommunes: [{ code: '07054', share: 'full' }]
  },
  {
    code: '07042',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Đồng Lâm',
    newCommunes: [
      { code: '07060', share: 'partial' },
      { code: '07030', share: 'partial' }
    ]
  },
  {
    code: '07045',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Hòa Bình',
    newCommunes: [{ code: '07060', share: 'full' }]
  },
  {
    code: '07048',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Vũ Oai',
    newCommunes: [{ code: '07060', share: 'full' }]
  },
  {
    code: '07051',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Dân Chủ',
    newCommunes: [{ code: '07054', share: 'full' }]
  },
  {
    code: '07054',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Quảng La',
    newCommunes: [{ code: '07054', share: 'full' }]
  },
  {
    code: '07057',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Bằng Cả',
    newCommunes: [{ code: '07054', share: 'full' }]
  },
  {
    code: '07060',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Thống Nhất',
    newCommunes: [{ code: '07060', share: 'full' }]
  },
  {
    code: '07063',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Sơn Dương',
    newCommunes: [{ code: '07030', share: 'full' }]
  },
  {
    code: '07066',
    provinceCode: '22',
    districtCode: '193',
    kind: 'Xã',
    name: 'Lê Lợi',
    newCommunes: [{ code: '07030', share: 'full' }]
  },
  {
    code: '07069',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Mạo Khê',
    newCommunes: [{ code: '07069', share: 'full' }]
  },
  {
    code: '07075',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Xã',
    name: 'An Sinh',
    newCommunes: [{ code: '07090', share: 'full' }]
  },
  {
    code: '07078',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Xã',
    name: 'Tràng Lương',
    newCommunes: [{ code: '07081', share: 'full' }]
  },
  {
    code: '07081',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Bình Khê',
    newCommunes: [{ code: '07081', share: 'full' }]
  },
  {
    code: '07084',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Xã',
    name: 'Việt Dân',
    newCommunes: [{ code: '07090', share: 'full' }]
  },
  {
    code: '07090',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Bình Dương',
    newCommunes: [{ code: '07090', share: 'full' }]
  },
  {
    code: '07093',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Đức Chính',
    newCommunes: [
      { code: '07090', share: 'partial' },
      { code: '07093', share: 'partial' }
    ]
  },
  {
    code: '07096',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Tràng An',
    newCommunes: [{ code: '07081', share: 'full' }]
  },
  {
    code: '07099',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Xã',
    name: 'Nguyễn Huệ',
    newCommunes: [{ code: '07093', share: 'full' }]
  },
  {
    code: '07102',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Thủy An',
    newCommunes: [{ code: '07093', share: 'full' }]
  },
  {
    code: '07105',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Xuân Sơn',
    newCommunes: [{ code: '07069', share: 'full' }]
  },
  {
    code: '07108',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Xã',
    name: 'Hồng Thái Tây',
    newCommunes: [{ code: '07114', share: 'full' }]
  },
  {
    code: '07111',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Xã',
    name: 'Hồng Thái Đông',
    newCommunes: [{ code: '07114', share: 'full' }]
  },
  {
    code: '07114',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Hoàng Quế',
    newCommunes: [{ code: '07114', share: 'full' }]
  },
  {
    code: '07117',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Yên Thọ',
    newCommunes: [{ code: '07069', share: 'full' }]
  },
  {
    code: '07120',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Hồng Phong',
    newCommunes: [{ code: '07093', share: 'full' }]
  },
  {
    code: '07123',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Kim Sơn',
    newCommunes: [{ code: '07069', share: 'full' }]
  },
  {
    code: '07126',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Hưng Đạo',
    newCommunes: [{ code: '07093', share: 'full' }]
  },
  {
    code: '07129',
    provinceCode: '22',
    districtCode: '205',
    kind: 'Phường',
    name: 'Yên Đức',
    newCommunes: [{ code: '07114', share: 'full' }]
  },
  {
    code: '07132',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Quảng Yên',
    newCommunes: [{ code: '07132', share: 'full' }]
  },
  {
    code: '07135',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Đông Mai',
    newCommunes: [{ code: '07135', share: 'full' }]
  },
  {
    code: '07138',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Minh Thành',
    newCommunes: [{ code: '07135', share: 'full' }]
  },
  {
    code: '07144',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Xã',
    name: 'Sông Khoai',
    newCommunes: [{ code: '07147', share: 'full' }]
  },
  {
    code: '07147',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Xã',
    name: 'Hiệp Hòa',
    newCommunes: [{ code: '07147', share: 'full' }]
  },
  {
    code: '07150',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Cộng Hòa',
    newCommunes: [{ code: '07147', share: 'full' }]
  },
  {
    code: '07153',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Xã',
    name: 'Tiền An',
    newCommunes: [{ code: '07132', share: 'full' }]
  },
  {
    code: '07156',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Xã',
    name: 'Hoàng Tân',
    newCommunes: [{ code: '07168', share: 'full' }]
  },
  {
    code: '07159',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Tân An',
    newCommunes: [{ code: '07168', share: 'full' }]
  },
  {
    code: '07162',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Yên Giang',
    newCommunes: [{ code: '07132', share: 'full' }]
  },
  {
    code: '07165',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Nam Hoà',
    newCommunes: [{ code: '07183', share: 'full' }]
  },
  {
    code: '07168',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Hà An',
    newCommunes: [{ code: '07168', share: 'full' }]
  },
  {
    code: '07171',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Xã',
    name: 'Cẩm La',
    newCommunes: [{ code: '07183', share: 'full' }]
  },
  {
    code: '07174',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Phong Hải',
    newCommunes: [{ code: '07180', share: 'full' }]
  },
  {
    code: '07177',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Yên Hải',
    newCommunes: [{ code: '07183', share: 'full' }]
  },
  {
    code: '07180',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Xã',
    name: 'Liên Hòa',
    newCommunes: [
      { code: '07168', share: 'partial' },
      { code: '07180', share: 'partial' }
    ]
  },
  {
    code: '07183',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Phường',
    name: 'Phong Cốc',
    newCommunes: [{ code: '07183', share: 'full' }]
  },
  {
    code: '07186',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Xã',
    name: 'Liên Vị',
    newCommunes: [{ code: '07180', share: 'full' }]
  },
  {
    code: '07189',
    provinceCode: '22',
    districtCode: '206',
    kind: 'Xã',
    name: 'Tiền Phong',
    newCommunes: [{ code: '07180', share: 'full' }]
  },
  {
    code: '07192',
    provinceCode: '22',
    districtCode: '207',
    kind: 'Thị trấn',
    name: 'Cô Tô',
    newCommunes: [{ code: '07192', share: 'full' }]
  },
  {
    code: '07195',
    provinceCode: '22',
    districtCode: '207',
    kind: 'Xã',
    name: 'Đồng Tiến',
    newCommunes: [{ code: '07192', share: 'full' }]
  },
  {
    code: '07198',
    provinceCode: '22',
    districtCode: '207',
    kind: 'Xã',
    name: 'Thanh Lân',
    newCommunes: [{ code: '07192', share: 'full' }]
  }
]
