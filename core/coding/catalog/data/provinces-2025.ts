// The 34 provinces of the list in force since 1 July 2025 (QĐ 19/2025/QĐ-TTg).
// Derived from the MIT-licensed datasets in /work/shared/data/admin-units (thanglequoc/vietnamese-provinces-database
// and dvhcvn/20250701; licence notices in docs/adr/0006-admin-units-and-coding.md). Generated once; edit as data.
import type { ProvinceRecord } from '../types'

export const provinces2025: readonly ProvinceRecord[] = [
  { code: '01', kind: 'Thành phố', name: 'Hà Nội' },
  { code: '04', kind: 'Tỉnh', name: 'Cao Bằng' },
  { code: '08', kind: 'Tỉnh', name: 'Tuyên Quang' },
  { code: '11', kind: 'Tỉnh', name: 'Điện Biên' },
  { code: '12', kind: 'Tỉnh', name: 'Lai Châu' },
  { code: '14', kind: 'Tỉnh', name: 'Sơn La' },
  { code: '15', kind: 'Tỉnh', name: 'Lào Cai' },
  { code: '19', kind: 'Tỉnh', name: 'Thái Nguyên' },
  { code: '20', kind: 'Tỉnh', name: 'Lạng Sơn' },
  { code: '22', kind: 'Tỉnh', name: 'Quảng Ninh' },
  { code: '24', kind: 'Tỉnh', name: 'Bắc Ninh' },
  { code: '25', kind: 'Tỉnh', name: 'Phú Thọ' },
  { code: '31', kind: 'Thành phố', name: 'Hải Phòng' },
  { code: '33', kind: 'Tỉnh', name: 'Hưng Yên' },
  { code: '37', kind: 'Tỉnh', name: 'Ninh Bình' },
  { code: '38', kind: 'Tỉnh', name: 'Thanh Hoá' },
  { code: '40', kind: 'Tỉnh', name: 'Nghệ An' },
  { code: '42', kind: 'Tỉnh', name: 'Hà Tĩnh' },
  { code: '44', kind: 'Tỉnh', name: 'Quảng Trị' },
  { code: '46', kind: 'Thành phố', name: 'Huế' },
  { code: '48', kind: 'Thành phố', name: 'Đà Nẵng' },
  { code: '51', kind: 'Tỉnh', name: 'Quảng Ngãi' },
  { code: '52', kind: 'Tỉnh', name: 'Gia Lai' },
  { code: '56', kind: 'Tỉnh', name: 'Khánh Hoà' },
  { code: '66', kind: 'Tỉnh', name: 'Đắk Lắk' },
  { code: '68', kind: 'Tỉnh', name: 'Lâm Đồng' },
  { code: '75', kind: 'Thành phố', name: 'Đồng Nai' },
  { code: '79', kind: 'Thành phố', name: 'Hồ Chí Minh' },
  { code: '80', kind: 'Tỉnh', name: 'Tây Ninh' },
  { code: '82', kind: 'Tỉnh', name: 'Đồng Tháp' },
  { code: '86', kind: 'Tỉnh', name: 'Vĩnh Long' },
  { code: '91', kind: 'Tỉnh', name: 'An Giang' },
  { code: '92', kind: 'Thành phố', name: 'Cần Thơ' },
  { code: '96', kind: 'Tỉnh', name: 'Cà Mau' }
]
