// The 63 provinces before 1 July 2025 and the province each became part of: the one province list. Coding
// (core/coding/catalog) uses it as the pre-reform list; ID-number checks use its codes, because the first three
// digits of a personal ID number are the province of birth registration (TT 07/2016 Appendix 1: '0' + code).
// Derived from the MIT-licensed admin-unit datasets (thanglequoc/vietnamese-provinces-database and
// dvhcvn/20250701; licence notices in docs/adr/0006-admin-units-and-coding.md). Generated once; edit as data.

/** A province of the pre-July-2025 list. */
export interface LegacyProvinceRecord {
  /** 2 digits. */
  code: string
  /** 'Tỉnh' | 'Thành phố'. */
  kind: string
  /** Name without the kind, e.g. 'Quảng Ninh'. */
  name: string
  /** Province of the current list the old one became part of. */
  newProvinceCode: string
}

export const provincesPre2025: readonly LegacyProvinceRecord[] = [
  { code: '01', kind: 'Thành phố', name: 'Hà Nội', newProvinceCode: '01' },
  { code: '02', kind: 'Tỉnh', name: 'Hà Giang', newProvinceCode: '08' },
  { code: '04', kind: 'Tỉnh', name: 'Cao Bằng', newProvinceCode: '04' },
  { code: '06', kind: 'Tỉnh', name: 'Bắc Kạn', newProvinceCode: '19' },
  { code: '08', kind: 'Tỉnh', name: 'Tuyên Quang', newProvinceCode: '08' },
  { code: '10', kind: 'Tỉnh', name: 'Lào Cai', newProvinceCode: '15' },
  { code: '11', kind: 'Tỉnh', name: 'Điện Biên', newProvinceCode: '11' },
  { code: '12', kind: 'Tỉnh', name: 'Lai Châu', newProvinceCode: '12' },
  { code: '14', kind: 'Tỉnh', name: 'Sơn La', newProvinceCode: '14' },
  { code: '15', kind: 'Tỉnh', name: 'Yên Bái', newProvinceCode: '15' },
  { code: '17', kind: 'Tỉnh', name: 'Hoà Bình', newProvinceCode: '25' },
  { code: '19', kind: 'Tỉnh', name: 'Thái Nguyên', newProvinceCode: '19' },
  { code: '20', kind: 'Tỉnh', name: 'Lạng Sơn', newProvinceCode: '20' },
  { code: '22', kind: 'Tỉnh', name: 'Quảng Ninh', newProvinceCode: '22' },
  { code: '24', kind: 'Tỉnh', name: 'Bắc Giang', newProvinceCode: '24' },
  { code: '25', kind: 'Tỉnh', name: 'Phú Thọ', newProvinceCode: '25' },
  { code: '26', kind: 'Tỉnh', name: 'Vĩnh Phúc', newProvinceCode: '25' },
  { code: '27', kind: 'Tỉnh', name: 'Bắc Ninh', newProvinceCode: '24' },
  { code: '30', kind: 'Tỉnh', name: 'Hải Dương', newProvinceCode: '31' },
  { code: '31', kind: 'Thành phố', name: 'Hải Phòng', newProvinceCode: '31' },
  { code: '33', kind: 'Tỉnh', name: 'Hưng Yên', newProvinceCode: '33' },
  { code: '34', kind: 'Tỉnh', name: 'Thái Bình', newProvinceCode: '33' },
  { code: '35', kind: 'Tỉnh', name: 'Hà Nam', newProvinceCode: '37' },
  { code: '36', kind: 'Tỉnh', name: 'Nam Định', newProvinceCode: '37' },
  { code: '37', kind: 'Tỉnh', name: 'Ninh Bình', newProvinceCode: '37' },
  { code: '38', kind: 'Tỉnh', name: 'Thanh Hóa', newProvinceCode: '38' },
  { code: '40', kind: 'Tỉnh', name: 'Nghệ An', newProvinceCode: '40' },
  { code: '42', kind: 'Tỉnh', name: 'Hà Tĩnh', newProvinceCode: '42' },
  { code: '44', kind: 'Tỉnh', name: 'Quảng Bình', newProvinceCode: '44' },
  { code: '45', kind: 'Tỉnh', name: 'Quảng Trị', newProvinceCode: '44' },
  { code: '46', kind: 'Thành phố', name: 'Huế', newProvinceCode: '46' },
  { code: '48', kind: 'Thành phố', name: 'Đà Nẵng', newProvinceCode: '48' },
  { code: '49', kind: 'Tỉnh', name: 'Quảng Nam', newProvinceCode: '48' },
  { code: '51', kind: 'Tỉnh', name: 'Quảng Ngãi', newProvinceCode: '51' },
  { code: '52', kind: 'Tỉnh', name: 'Bình Định', newProvinceCode: '52' },
  { code: '54', kind: 'Tỉnh', name: 'Phú Yên', newProvinceCode: '66' },
  { code: '56', kind: 'Tỉnh', name: 'Khánh Hòa', newProvinceCode: '56' },
  { code: '58', kind: 'Tỉnh', name: 'Ninh Thuận', newProvinceCode: '56' },
  { code: '60', kind: 'Tỉnh', name: 'Bình Thuận', newProvinceCode: '68' },
  { code: '62', kind: 'Tỉnh', name: 'Kon Tum', newProvinceCode: '51' },
  { code: '64', kind: 'Tỉnh', name: 'Gia Lai', newProvinceCode: '52' },
  { code: '66', kind: 'Tỉnh', name: 'Đắk Lắk', newProvinceCode: '66' },
  { code: '67', kind: 'Tỉnh', name: 'Đắk Nông', newProvinceCode: '68' },
  { code: '68', kind: 'Tỉnh', name: 'Lâm Đồng', newProvinceCode: '68' },
  { code: '70', kind: 'Tỉnh', name: 'Bình Phước', newProvinceCode: '75' },
  { code: '72', kind: 'Tỉnh', name: 'Tây Ninh', newProvinceCode: '80' },
  { code: '74', kind: 'Tỉnh', name: 'Bình Dương', newProvinceCode: '79' },
  { code: '75', kind: 'Tỉnh', name: 'Đồng Nai', newProvinceCode: '75' },
  { code: '77', kind: 'Tỉnh', name: 'Bà Rịa - Vũng Tàu', newProvinceCode: '79' },
  { code: '79', kind: 'Thành phố', name: 'Hồ Chí Minh', newProvinceCode: '79' },
  { code: '80', kind: 'Tỉnh', name: 'Long An', newProvinceCode: '80' },
  { code: '82', kind: 'Tỉnh', name: 'Tiền Giang', newProvinceCode: '82' },
  { code: '83', kind: 'Tỉnh', name: 'Bến Tre', newProvinceCode: '86' },
  { code: '84', kind: 'Tỉnh', name: 'Trà Vinh', newProvinceCode: '86' },
  { code: '86', kind: 'Tỉnh', name: 'Vĩnh Long', newProvinceCode: '86' },
  { code: '87', kind: 'Tỉnh', name: 'Đồng Tháp', newProvinceCode: '82' },
  { code: '89', kind: 'Tỉnh', name: 'An Giang', newProvinceCode: '91' },
  { code: '91', kind: 'Tỉnh', name: 'Kiên Giang', newProvinceCode: '91' },
  { code: '92', kind: 'Thành phố', name: 'Cần Thơ', newProvinceCode: '92' },
  { code: '93', kind: 'Tỉnh', name: 'Hậu Giang', newProvinceCode: '92' },
  { code: '94', kind: 'Tỉnh', name: 'Sóc Trăng', newProvinceCode: '92' },
  { code: '95', kind: 'Tỉnh', name: 'Bạc Liêu', newProvinceCode: '96' },
  { code: '96', kind: 'Tỉnh', name: 'Cà Mau', newProvinceCode: '96' }
]

const byIdPrefix: ReadonlyMap<string, LegacyProvinceRecord> = new Map(
  provincesPre2025.map((p) => ['0' + p.code, p])
)

/** The province a 3-digit ID-number prefix ('022') names, or null when no province has that code. */
export function provinceOfIdPrefix(prefix: string): LegacyProvinceRecord | null {
  return byIdPrefix.get(prefix) ?? null
}
