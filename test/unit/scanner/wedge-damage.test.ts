import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectWedgeDamage, repairMojibake } from '../../../renderer/src/scan/wedge'
import { parseCccdQr } from '../../../protocol/cccd'

const qr2021 =
  '022303001234|022123456|Nguyễn Thị Hương Giang|05011993|Nữ|Tổ 7, Khu 3, Phường Hạ Long, Tỉnh Quảng Ninh|10052021'
const qr2024 =
  '022185000123||Phạm Đức Hưng|20081979|Nam|Thôn Đồng Tâm, Xã Quảng Tân, Tỉnh Quảng Ninh|01072024||||'

/** What a Windows app shows when it reads UTF-8 bytes as Windows-1252. */
function asCp1252(text: string): string {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
  return Array.from(new TextEncoder().encode(text), (b) =>
    b >= 0x80 && b < 0xa0 ? high[b - 0x80]! : String.fromCharCode(b)
  ).join('')
}

/** What a US-layout wedge without Unicode support types: marks stripped, đ → d. */
function stripMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
}

describe('detectWedgeDamage', () => {
  it('clean CCCD QR texts (2021 and 2024 shapes) and ordinary barcodes are not flagged', () => {
    expect(detectWedgeDamage(qr2021)).toBeNull()
    expect(detectWedgeDamage(qr2024)).toBeNull()
    expect(detectWedgeDamage(qr2021.normalize('NFD'))).toBeNull()
    expect(detectWedgeDamage('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html')).toBeNull()
    expect(detectWedgeDamage('DN4220123456789')).toBeNull()
    expect(detectWedgeDamage('8934567890123')).toBeNull()
  })

  it('"Nguy?n": characters the layout cannot type became question marks', () => {
    const d = detectWedgeDamage(qr2021.replace('ễ', '?'))
    expect(d?.kind).toBe('replacement')
    expect(d?.hint).toMatch(/USB-COM/)
    expect(d?.hint).toMatch(/HID-POS/)
    expect(d?.hint).toMatch(/Unicode/)
    expect(detectWedgeDamage('Nguy\uFFFDn')?.kind).toBe('replacement')
  })

  it('"NguyÃªn": UTF-8 read as Windows-1252 is recognised and repaired', () => {
    const garbled = asCp1252(qr2021)
    expect(garbled).toContain('Nguyá»…n')
    expect(asCp1252('Nguyên')).toBe('NguyÃªn')
    const d = detectWedgeDamage(garbled)
    expect(d?.kind).toBe('mojibake')
    expect(d?.repaired).toBe(qr2021)
    // Only part of it garbled (a character lost on the way): still recognised, no repair offered.
    const partial = asCp1252('Nguyễn') + ' Thị Hoa'
    expect(detectWedgeDamage(partial)).toMatchObject({ kind: 'mojibake' })
    expect(detectWedgeDamage(partial)?.repaired).toBeUndefined()
  })

  it('Alt-code damage: OEM code-page glyphs, or the code digits left in the name', () => {
    expect(detectWedgeDamage(qr2021.replace('ễ', '├¬'))?.kind).toBe('alt-code')
    expect(detectWedgeDamage(qr2021.replace('ễ', '7877'))?.kind).toBe('alt-code')
    expect(detectWedgeDamage(qr2021.replace('Nữ', 'N0432'))?.kind).toBe('alt-code')
  })

  it('marks dropped entirely ("Nguyen", "Nu") on a CCCD-shaped scan', () => {
    const d = detectWedgeDamage(stripMarks(qr2021))
    expect(d?.kind).toBe('diacritics-lost')
    expect(d?.hint).toMatch(/mất dấu/)
    expect(detectWedgeDamage(stripMarks(qr2024))?.kind).toBe('diacritics-lost')
  })

  it('digits or "|" typed for another keyboard country', () => {
    expect(detectWedgeDamage('àéé"àà&àé"(\'>à\'é"\'(-è>')?.kind).toBe('keyboard-layout')
    expect(detectWedgeDamage('022303001234<022123456<Nguy')?.kind).toBe('keyboard-layout')
  })

  it('property: any clean CCCD-shaped text with Vietnamese names and addresses is never flagged', () => {
    const syllable = fc.constantFrom(
      'Nguyễn',
      'Trần',
      'Lê',
      'Phạm',
      'Hoàng',
      'Vũ',
      'Đặng',
      'Bùi',
      'Đỗ',
      'Thị',
      'Văn',
      'Hương',
      'Ánh',
      'Thuỷ',
      'Ngọc',
      'Quỳnh',
      'Đức',
      'Hưng',
      'Yến',
      'Khuê',
      'Ý',
      'Ưng',
      'Ơn'
    )
    const place = fc.constantFrom(
      'Phường Hạ Long',
      'Xã Quảng Tân',
      'Tổ 7, Khu 3',
      'Số 12 đường Lê Thánh Tông',
      'Thôn Đồng Tâm'
    )
    fc.assert(
      fc.property(
        fc.array(syllable, { minLength: 2, maxLength: 5 }),
        fc.array(place, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('Nam', 'Nữ'),
        fc.stringMatching(/^\d{12}$/),
        fc.constantFrom('', '022123456', '||||'),
        (name, places, sex, id, extra) => {
          const text =
            [
              id,
              extra === '||||' ? '' : extra,
              name.join(' '),
              '05011993',
              sex,
              `${places.join(', ')}, Tỉnh Quảng Ninh`,
              '10052021'
            ].join('|') + (extra === '||||' ? extra : '')
          expect(detectWedgeDamage(text)).toBeNull()
          expect(detectWedgeDamage(text.normalize('NFD'))).toBeNull()
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('repairMojibake', () => {
  it('leaves clean Vietnamese and plain ASCII alone', () => {
    expect(repairMojibake(qr2021)).toBeNull()
    expect(repairMojibake('Nguyen Van A')).toBeNull()
    expect(repairMojibake('Hoà')).toBeNull()
  })
})

describe('one detector for the wedge listener and the QR decoder', () => {
  const damaged: Array<[string, string]> = [
    ['022093004712||Đ?ng Qu?c H??ng|05011993|Nam|H? Long|12042021', 'replacement'],
    ['022093004712||Ä\u0090áº·ng Quá»‘c HÆ°á»Ÿng|05011993|Nam|Háº¡ Long|12042021', 'mojibake'],
    ['022093004712||Nguyeãn Vaên Ñaït|05011993|Nam|Haï Long|12042021', 'mojibake'],
    ['022093004712||§Æng Quèc H\u00adëng|05011993|Nam|H¹ Long|12042021', 'mojibake'],
    ['022093004712||\u2557ng Qu\u2510c|05011993|Nam|Ha Long|12042021', 'alt-code'],
    ['022093004712||Nguy7885n V0259n|05011993|Nam|Tổ 4, Khu 5|12042021', 'alt-code'],
    ['022093004712||Đặng Quốc Hưởng|05011993|N0432|Hạ Long|12042021', 'alt-code']
  ]
  it.each(damaged)(
    '%j: the desk shows a %s hint and the decoder refuses it as SCAN_DAMAGED',
    (text, kind) => {
      expect(detectWedgeDamage(text)?.kind).toBe(kind)
      expect(() => parseCccdQr(text)).toThrow(expect.objectContaining({ code: 'SCAN_DAMAGED' }))
    }
  )

  it('a scan with every mark dropped is flagged at the desk and warned about by the decoder', () => {
    const text = stripMarks(qr2021)
    expect(detectWedgeDamage(text)?.kind).toBe('diacritics-lost')
    expect(parseCccdQr(text).warnings.map((w) => w.code)).toContain('NO_DIACRITICS')
  })
})
