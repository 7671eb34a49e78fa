import { describe, expect, it } from 'vitest'
import { identitySchema } from '../../../contract/identity'
import { isAppError, type AppError } from '../../../contract/errors'
import { encodeCccdQr, parseCccdQr } from '../../../protocol/cccd'
import { ALL_VIETNAMESE_LETTERS, LONG_ADDRESS } from './fixtures'

const QR_2021 =
  '022093004712|100987654|Đặng Quốc Hưởng|05011993|Nam|Tổ 4, Khu 5, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|12042021'
const QR_2021_NO_OLD_ID =
  '022303001234||Nguyễn Thị Hoa|21032003|Nữ|Thôn 3, Xã Hạ Long, Huyện Vân Đồn, Quảng Ninh|14082021'
const QR_2024 =
  '022316008841||Hoàng Ngọc Ánh Dương|30092016|Nữ|Thôn Đồng Tâm, Xã Bình Liêu, Tỉnh Quảng Ninh|20112024||||'

function errorOf(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (isAppError(e)) return e
    throw e
  }
  throw new Error('expected an AppError')
}

describe('parseCccdQr: real-shaped codes', () => {
  it('reads a 2021 CCCD QR into a complete QR identity', () => {
    const out = parseCccdQr(QR_2021)
    expect(identitySchema.parse(out.identity)).toEqual(out.identity)
    expect(out.identity).toMatchObject({
      source: 'qr',
      idNumber: '022093004712',
      oldIdNumber: '100987654',
      fullName: 'Đặng Quốc Hưởng',
      dateOfBirth: '1993-01-05',
      sex: 'male',
      placeOfResidence: 'Tổ 4, Khu 5, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh',
      issueDate: '2021-04-12',
      expiryDate: null,
      noExpiry: false,
      ethnicity: null
    })
    expect(out.warnings).toEqual([])
    expect(out.extraFields).toEqual([])
    expect(out.generation).toBe('cccd2021')
  })

  it('reads an empty old-ID field as null without shifting the other fields', () => {
    const out = parseCccdQr(QR_2021_NO_OLD_ID)
    expect(out.identity).toMatchObject({ oldIdNumber: null, fullName: 'Nguyễn Thị Hoa', sex: 'female' })
  })

  it('reads a 2024 Căn cước QR and keeps the trailing fields raw', () => {
    const out = parseCccdQr(QR_2024)
    expect(out.identity).toMatchObject({
      idNumber: '022316008841',
      dateOfBirth: '2016-09-30',
      issueDate: '2024-11-20'
    })
    expect(out.extraFields).toEqual(['', '', '', ''])
    expect(out.generation).toBe('cancuoc2024')
  })

  it('keeps unknown 2024 trailing values (e.g. a cancelled ID number) as text', () => {
    const out = parseCccdQr(`${QR_2021_NO_OLD_ID}|022303009999|Nguyễn Văn Bình|Trần Thị Cúc`)
    expect(out.extraFields).toEqual(['022303009999', 'Nguyễn Văn Bình', 'Trần Thị Cúc'])
  })

  it('accepts a partial date of birth written with zeros', () => {
    const out = parseCccdQr('022144000317|100000317|Vi Thị Mỉm|00001944|Nữ|Xã Quảng Lâm, Quảng Ninh|02062021')
    expect(out.identity.dateOfBirth).toBe('1944')
    expect(out.warnings).toEqual([])
  })

  it('strips BOM, NUL, CR/LF suffixes and stray spaces, and normalises to NFC', () => {
    const nfd = QR_2021.normalize('NFD').replace('|Nam|', '| Nam |')
    const out = parseCccdQr(`\uFEFF\u0000${nfd}\r\n`)
    expect(out.identity).toEqual(parseCccdQr(QR_2021).identity)
    expect(out.identity.fullName).toBe('Đặng Quốc Hưởng'.normalize('NFC'))
  })

  it('keeps every Vietnamese letter and long addresses', () => {
    const qr = `022093004712||${ALL_VIETNAMESE_LETTERS}|05011993|Nam|${LONG_ADDRESS}|12042021`
    const out = parseCccdQr(qr)
    expect(out.identity.fullName).toBe(ALL_VIETNAMESE_LETTERS)
    expect(out.identity.placeOfResidence).toBe(LONG_ADDRESS)
  })

  it('round-trips through encodeCccdQr', () => {
    const out = parseCccdQr(QR_2024)
    expect(encodeCccdQr(out.identity, out.extraFields)).toBe(QR_2024)
  })
})

describe('parseCccdQr: consistency warnings (data still returned)', () => {
  it('warns when the century/sex digit disagrees with the sex and DOB', () => {
    // digit 4 = 1 → woman born 1900s; QR says man born 2003
    const out = parseCccdQr('022103001234||Nguyễn Văn Nam|21032003|Nam|Hạ Long, Quảng Ninh|14082021')
    expect(out.warnings.map((w) => w.code).sort()).toEqual(['ID_CENTURY_MISMATCH', 'ID_SEX_MISMATCH'])
    expect(out.identity.sex).toBe('male')
  })

  it('warns about an unknown province prefix without rejecting', () => {
    const out = parseCccdQr('099093004712||Đặng Quốc Hưởng|05011993|Nam|Hạ Long|12042021')
    expect(out.warnings.map((w) => w.code)).toEqual(['ID_PROVINCE_UNKNOWN'])
  })

  it('warns when name and address have no diacritics at all (dropped by a wedge scanner)', () => {
    const out = parseCccdQr(
      '022093004712||Dang Quoc Huong|05011993|Nam|To 4, Khu 5, Hong Hai, Ha Long|12042021'
    )
    expect(out.warnings.map((w) => w.code)).toEqual(['NO_DIACRITICS'])
  })

  it('warns about an issue date before birth and an odd old ID', () => {
    const out = parseCccdQr('022093004712|12345|Đặng Quốc Hưởng|05011993|Nam|Hạ Long|12041990')
    expect(out.warnings.map((w) => w.code).sort()).toEqual(['ISSUE_BEFORE_BIRTH', 'OLD_ID_UNUSUAL'])
    expect(out.identity.oldIdNumber).toBeNull()
  })
})

describe('parseCccdQr: texts that are not a CCCD QR', () => {
  it.each([
    ['', 'EMPTY', undefined],
    ['  \r\n', 'EMPTY', undefined],
    ['https://dichvucong.gov.vn/p/home/dvc-trang-chu.html', 'URL', undefined],
    ['{"id":"022093004712","name":"Đặng Quốc Hưởng"}', 'JSON', undefined],
    ['CCCD:022093004712|CMND:100987654|Đặng Quốc Hưởng', 'LABELLED', undefined],
    ['DN4220123456789|4e677579e1bb856e|05/01/1993|1|48e1baa1204c6f6e67|22001|01/01/2026', 'BHYT_CARD', 0],
    ['8934563120018', 'NOT_PIPE_SEPARATED', undefined],
    ['022093004712|Đặng Quốc Hưởng|05011993|Nam|Hạ Long|12042021', 'TOO_FEW_FIELDS', undefined],
    ['22093004712||Đặng Quốc Hưởng|05011993|Nam|Hạ Long|12042021', 'BAD_ID_NUMBER', 0],
    ['022093004712|| |05011993|Nam|Hạ Long|12042021', 'EMPTY_NAME', 2],
    ['022093004712||Đặng Quốc Hưởng|30021993|Nam|Hạ Long|12042021', 'BAD_BIRTH_DATE', 3],
    ['022093004712||Đặng Quốc Hưởng|05/01/1993|Nam|Hạ Long|12042021', 'BAD_BIRTH_DATE', 3],
    ['022093004712||Đặng Quốc Hưởng|05011993|M|Hạ Long|12042021', 'BAD_SEX', 4],
    ['022093004712||Đặng Quốc Hưởng|05011993|Nam|Hạ Long|00042021', 'BAD_ISSUE_DATE', 6],
    ['022093004712||Đặng Quốc Hưởng|05011993|Nam|Hạ Long|', 'BAD_ISSUE_DATE', 6]
  ])('%j → QR_INVALID %s', (text, reason, fieldIndex) => {
    const err = errorOf(() => parseCccdQr(text))
    expect(err.code).toBe('QR_INVALID')
    expect(err.details).toEqual(fieldIndex === undefined ? { reason } : { reason, field: fieldIndex })
    expect(err.messageVi).toMatch(/^Mã QR không phải mã QR của thẻ căn cước: ./)
    expect(err.messageEn).toMatch(/^This is not the QR code of a citizen ID card: ./)
    expect(err.key).toBe('error.QR_INVALID')
    expect(err.detail).toMatch(/^Not a CCCD QR code: ./)
  })

  it('rejects an absurdly long text before doing any work', () => {
    expect(errorOf(() => parseCccdQr('1|'.repeat(10_000))).details).toEqual({ reason: 'TOO_LONG' })
  })
})

describe('parseCccdQr: keyboard-wedge damage', () => {
  it.each([
    ['022093004712||Đ?ng Qu?c H??ng|05011993|Nam|H? Long|12042021', 'question-mark'],
    ['022093004712||Ä\u0090áº·ng Quá»‘c HÆ°á»Ÿng|05011993|Nam|Háº¡ Long|12042021', 'mojibake'],
    ['022093004712||Nguyeãn Vaên Ñaït|05011993|Nam|Haï Long|12042021', 'vni'],
    ['022093004712||§Æng Quèc H\u00adëng|05011993|Nam|H¹ Long|12042021', 'tcvn3'],
    ['022093004712||\u2557ng Qu\u2510c|05011993|Nam|Ha Long|12042021', 'alt-code'],
    ['022093004712||Nguy7885n V0259n|05011993|Nam|Tổ 4, Khu 5|12042021', 'alt-code'],
    ['àééàç"àà\'è&é||Đặng Quốc Hưởng|àéàçç&ç"|Nam|Hạ Long|&é)àè)éàé&', 'keyboard-layout']
  ])('%j → SCAN_DAMAGED (%s) with scanner set-up advice', (text, kind) => {
    const err = errorOf(() => parseCccdQr(text))
    expect(err.code).toBe('SCAN_DAMAGED')
    expect(err.details).toMatchObject({ kind })
    expect(err.messageVi).toContain('USB-COM')
    expect(err.messageVi).toContain('HID-POS')
    expect(err.messageVi).toContain('Unicode')
  })
})
