import { emptyIdentity, type Identity } from '../../../contract/identity'

/**
 * Realistic CCCD data for the decoders' tests (invented people, shapes from docs/cccd-card.md).
 * ALL_VIETNAMESE_LETTERS: every Vietnamese letter with every tone, lower and upper case, NFC,
 * space-separated (glued together, "aá" would look like VNI-encoded text, which no real name is).
 */
const VOWELS = 'aăâeêioôơuưy'
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323']
export const ALL_VIETNAMESE_LETTERS = (() => {
  const out = ['đ', 'Đ']
  for (const v of VOWELS)
    for (const t of TONES) out.push((v + t).normalize('NFC'), (v.toUpperCase() + t).normalize('NFC'))
  return out.join(' ')
})()

/** A long 2021-style permanent address (over 255 UTF-8 bytes, so DG13 needs an 82-form length). */
export const LONG_ADDRESS =
  'Số nhà 18, ngõ 75, đường Nguyễn Văn Cừ, Tổ dân phố 4, Khu phố Hồng Hải, Phường Hồng Hải, ' +
  'Thành phố Hạ Long, Tỉnh Quảng Ninh (cũ: Tổ 4, Khu 5, Phường Hồng Hải, Thành phố Hạ Long), gần chợ Hạ Long 2, ' +
  'đối diện Trường Tiểu học Hồng Hải'

/** A 2021 CCCD holder: man born 1993, card issued 2021, with old CMND and spouse. */
export const HOLDER_2021: Identity = {
  ...emptyIdentity('chip', 'Đặng Quốc Hưởng'),
  idNumber: '022093004712',
  oldIdNumber: '100987654',
  dateOfBirth: '1993-01-05',
  sex: 'male',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Yên Đức, Thị xã Đông Triều, Quảng Ninh',
  placeOfResidence: LONG_ADDRESS,
  identifyingFeatures: 'Nốt ruồi C:1,5cm trên trước đuôi mắt trái',
  issueDate: '2021-04-12',
  expiryDate: '2033-01-05',
  noExpiry: false,
  fatherName: 'Đặng Văn Ước',
  motherName: 'Lê Thị Ỷ',
  spouseName: 'Phạm Thị Huyền Trâm'
}

/** A 2024 Căn cước holder: girl born 2016 (under 14), no old ID, no spouse, no identifying features. */
export const HOLDER_2024: Identity = {
  ...emptyIdentity('chip', 'Hoàng Ngọc Ánh Dương'),
  idNumber: '022316008841',
  dateOfBirth: '2016-09-30',
  sex: 'female',
  nationality: 'Việt Nam',
  ethnicity: 'Tày',
  religion: 'Không',
  placeOfOrigin: 'Phường Cẩm Phả, Tỉnh Quảng Ninh',
  placeOfResidence: 'Thôn Đồng Tâm, Xã Bình Liêu, Tỉnh Quảng Ninh',
  issueDate: '2024-11-20',
  expiryDate: '2030-09-30',
  fatherName: 'Hoàng Văn Thắng',
  motherName: 'Nông Thị Lụa'
}

/** An elderly holder with a year-only date of birth and a card without expiry. */
export const HOLDER_ELDERLY: Identity = {
  ...emptyIdentity('chip', 'Vi Thị Mỉm'),
  idNumber: '022144000317',
  oldIdNumber: '100000317',
  dateOfBirth: '1944',
  sex: 'female',
  nationality: 'Việt Nam',
  ethnicity: 'Sán Dìu',
  religion: 'Phật giáo',
  placeOfOrigin: 'Xã Quảng Lâm, Huyện Đầm Hà, Quảng Ninh',
  placeOfResidence: 'Thôn Tân Tiến, Xã Quảng Lâm, Huyện Đầm Hà, Quảng Ninh',
  issueDate: '2021-06-02',
  noExpiry: true
}
