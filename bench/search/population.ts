// A seeded synthetic population of Quảng Ninh patients with realistic Vietnamese names, for bench/search.ts.
import type { PatientForm } from '../../contract/patient'
import { defaultAdminCatalogData } from '../../core/coding'
import { type CommuneRecord, UNIT_LIST_CURRENT } from '../../core/coding/catalog/types'

/** The synthetic population lives in Quảng Ninh, like the facilities' patients. */
let qnCommunes: readonly CommuneRecord[] | null = null
const quangNinhCommunes = (): readonly CommuneRecord[] =>
  (qnCommunes ??= defaultAdminCatalogData().current.communes.filter((c) => c.provinceCode === '22'))

// ---- A seeded generator, so every run builds the same population. ----
let seed = 0x9e3779b9
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!

/** Weighted pick: [value, weight] pairs. */
function weighted<T>(pairs: readonly (readonly [T, number])[]): () => T {
  const total = pairs.reduce((s, [, w]) => s + w, 0)
  return () => {
    let r = random() * total
    for (const [v, w] of pairs) if ((r -= w) < 0) return v
    return pairs[pairs.length - 1]![0]
  }
}

// Family-name shares follow published surveys of Vietnamese surnames (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %…).
const familyName = weighted([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5.1],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.9],
  ['Đào', 0.8],
  ['Lương', 0.6],
  ['Trịnh', 0.6],
  ['Mai', 0.5],
  ['Tạ', 0.3],
  ['Chu', 0.3],
  ['Lưu', 0.3],
  ['Vương', 0.2],
  ['Hà', 0.5],
  ['Triệu', 0.3]
] as const)
const middleFemale = [
  'Thị',
  'Thị',
  'Thị',
  'Thị Thu',
  'Thị Thanh',
  'Thị Hồng',
  'Ngọc',
  'Thu',
  'Thanh',
  'Thị Minh',
  'Hồng'
]
const middleMale = [
  'Văn',
  'Văn',
  'Văn',
  'Đức',
  'Minh',
  'Quang',
  'Văn Minh',
  'Hữu',
  'Xuân',
  'Công',
  'Thanh',
  'Ngọc'
]
const givenFemale = [
  'Anh',
  'Hà',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngọc',
  'Nhung',
  'Phương',
  'Thảo',
  'Trang',
  'Hằng',
  'Hoa',
  'Huyền',
  'Thủy',
  'Hạnh',
  'Loan',
  'Nga',
  'Yến',
  'Vân',
  'Dung',
  'Giang',
  'Hiền',
  'Thu',
  'Oanh',
  'Quyên',
  'Nhàn',
  'Tâm',
  'Ly',
  'Châu',
  'My',
  'Hậu',
  'Liên',
  'Xuân',
  'Diệp',
  'Khánh',
  'Thư',
  'Uyên',
  'Vy',
  'Hòa'
]
const givenMale = [
  'Anh',
  'Hùng',
  'Dũng',
  'Tuấn',
  'Hải',
  'Nam',
  'Long',
  'Minh',
  'Sơn',
  'Thắng',
  'Cường',
  'Đức',
  'Hiếu',
  'Hoàng',
  'Huy',
  'Khoa',
  'Lâm',
  'Phong',
  'Quân',
  'Tài',
  'Thành',
  'Trung',
  'Tú',
  'Việt',
  'Vinh',
  'Bình',
  'Công',
  'Đạt',
  'Hưng',
  'Kiên',
  'Mạnh',
  'Nghĩa',
  'Phúc',
  'Quang',
  'Tiến',
  'Toàn',
  'Trọng',
  'Tùng',
  'Khôi',
  'Bảo'
]
const birthProvinces = ['022', '022', '022', '022', '001', '031', '030', '034', '036', '024', '019', '079']
const streets = [
  'Tổ 1',
  'Tổ 5, Khu 3',
  'Thôn 2',
  'Thôn Đồng Tâm',
  'Khu 7',
  'Số 12 đường Lê Thánh Tông',
  'Xóm Bắc'
]
const bhytCategories = ['DN', 'HC', 'HT', 'TE', 'HS', 'HN', 'CN', 'GD']

export interface Person {
  fullName: string
  sex: 'male' | 'female'
  dateOfBirth: string
  idNumber: string
  oldIdNumber: string | null
  bhyt: string | null
  communeCode: string
  addressText: string
}

export function person(i: number): Person {
  const sex = random() < 0.55 ? 'female' : 'male'
  const fullName = `${familyName()} ${pick(sex === 'female' ? middleFemale : middleMale)} ${pick(
    sex === 'female' ? givenFemale : givenMale
  )}`
  const year = 1935 + Math.floor(random() * 91)
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
  const century = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0)
  // The 6-digit serial is the row number: every ID number is unique, like the real ones.
  const idNumber = `${pick(birthProvinces)}${century}${String(year % 100).padStart(2, '0')}${String(i % 1_000_000).padStart(6, '0')}`
  const commune = pick(quangNinhCommunes())
  return {
    fullName,
    sex,
    dateOfBirth: `${year}-${month}-${day}`,
    idNumber,
    oldIdNumber:
      year < 1995 && random() < 0.5 ? String(100_000_000 + Math.floor(random() * 899_999_999)) : null,
    bhyt:
      random() < 0.6
        ? `${pick(bhytCategories)}${1 + Math.floor(random() * 5)}22${String(2_200_000_000 + i).padStart(10, '0')}`
        : null,
    communeCode: commune.code,
    addressText: `${pick(streets)}, ${commune.kind} ${commune.name}, Tỉnh Quảng Ninh`
  }
}

export function formOf(p: Person): PatientForm {
  return {
    fullName: p.fullName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    idNumber: p.idNumber,
    oldIdNumber: p.oldIdNumber,
    bhytCardNumber: p.bhyt,
    ethnicityCode: '01',
    nationalityCode: '000',
    occupationCode: null,
    address: {
      text: p.addressText,
      provinceCode: '22',
      communeCode: p.communeCode,
      unitListVersion: UNIT_LIST_CURRENT
    },
    phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    guardian: null,
    cardDetails: null
  }
}
