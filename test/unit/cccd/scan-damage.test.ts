import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { defaultAdminCatalogData, fullUnitName } from '../../../core/coding'
import { detectScanDamage, scanDamagedError } from '../../../protocol/cccd'
import { ALL_VIETNAMESE_LETTERS } from './fixtures'

/** Every unit name of the embedded national catalogue: thousands of real Vietnamese place names. */
function realPlaceNames(): string[] {
  const { current, legacy } = defaultAdminCatalogData()
  const units = [...current.provinces, ...current.communes, ...legacy.provinces, ...legacy.communes]
  return [...new Set(units.map(fullUnitName))]
}

/** What a wedge scanner makes of UTF-8 text when the host reads its bytes as Windows-1252. */
function asCp1252(text: string): string {
  const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
  return Array.from(new TextEncoder().encode(text), (b) =>
    b >= 0x80 && b < 0xa0 ? cp1252High[b - 0x80]! : String.fromCharCode(b)
  ).join('')
}

describe('detectScanDamage', () => {
  const names = realPlaceNames()

  it('finds no damage in thousands of real Vietnamese place names', () => {
    expect(names.length).toBeGreaterThan(5000)
    const flagged = names.filter((n) => detectScanDamage(n) !== null)
    expect(flagged).toEqual([])
  })

  it('finds no damage in clean QR text with every Vietnamese letter, framing included', () => {
    expect(
      detectScanDamage(`\uFEFF022093004712||${ALL_VIETNAMESE_LETTERS}|05011993|Nữ|Hạ Long|12042021\r\n`)
    ).toBeNull()
  })

  it('recognises cp1252 mojibake of any real name', () => {
    const accented = names.filter((n) => /[^\x20-\x7E]/.test(n))
    fc.assert(
      fc.property(fc.constantFrom(...accented), (name) => {
        expect(detectScanDamage(asCp1252(name))?.kind).toBe('mojibake')
      }),
      { numRuns: 300 }
    )
  })

  it("recognises accented letters replaced by '?' in any real name", () => {
    const accented = names.filter((n) => /[^\x20-\x7E]/.test(n))
    fc.assert(
      fc.property(fc.constantFrom(...accented), (name) => {
        expect(detectScanDamage(name.replace(/[^\x20-\x7E]/g, '?'))?.kind).toBe('question-mark')
      }),
      { numRuns: 300 }
    )
  })

  it.each([
    ['Nguy\uFFFDn', 'replacement-char', '\uFFFDn'],
    ['Nguy?n Th? Hoa', 'question-mark', '?n '],
    ['NguyÃªn VÄƒn', 'mojibake', 'Ãªn'],
    ['Nguyeãn Vaên', 'vni', 'eãn'],
    ['Phöôùc', 'vni', 'öôù'],
    ['NguyÔn V¨n', 'tcvn3', '¨n'],
    ['Nguy\u2559n', 'alt-code', '\u2559n'],
    ['Nguy\u0007n', 'alt-code', '\u0007n'],
    ['Nguy\u03b1n', 'alt-code', '\u03b1n'],
    ['àééàç"àà\'è&é', 'keyboard-layout', 'àéé'],
    ['022093004712<<Nguyen', 'keyboard-layout', '<']
  ])('%j → %s', (text, kind, found) => {
    expect(detectScanDamage(text)).toMatchObject({ kind, found })
  })

  it('reports the position in the original text, after leading framing', () => {
    expect(detectScanDamage('\uFEFF\r\nNguy?n')).toMatchObject({ index: 7 })
  })

  it('builds an AppError with scanner set-up advice and no personal data in the details', () => {
    const damage = detectScanDamage('Đặng Quốc H?ởng')!
    const err = scanDamagedError(damage)
    expect(err.code).toBe('SCAN_DAMAGED')
    expect(err.messageVi).toMatch(/USB-COM.*HID-POS.*Unicode/s)
    expect(err.details).toEqual({ kind: 'question-mark', index: 11 })
  })
})
