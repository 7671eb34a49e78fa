import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../../../contract/errors'
import {
  buildAdminCatalog,
  codeAddress,
  defaultAdminCatalogData,
  parseAdminUnitsImport
} from '../../../core/coding'
import { parseCsv } from '../../../core/coding/importer/csv'
import { nationalUnitList, nationalUnitListJson } from '../../support/unit-list-json'

const current = defaultAdminCatalogData().current
const legacy = defaultAdminCatalogData().legacy

/** The national list's Quảng Ninh rows as the statistics office's spreadsheet columns, saved as CSV. */
function quangNinhCsv(codeOverride: Record<string, string> = {}): string {
  const qn = nationalUnitList().find((p) => p.Code === '22')!
  const lines = ['Tỉnh / Thành phố;Mã TP;Phường / Xã;Mã PX;Cấp']
  for (const w of qn.Wards) {
    const code = codeOverride[w.Code] ?? w.Code
    // Spreadsheets drop leading zeros: "6652".
    lines.push(`"${qn.FullName}";22;"${w.FullName}";${Number(code)};${w.FullName.split(' ')[0]}`)
  }
  return lines.join('\r\n')
}

describe('parseAdminUnitsImport', () => {
  it('reads the national JSON: 34 provinces, 3,321 units, and no change against the embedded list', () => {
    const r = parseAdminUnitsImport(nationalUnitListJson(), 'json', current)
    expect(r.list.provinces).toHaveLength(34)
    expect(r.list.communes).toHaveLength(3321)
    expect(r.problems).toEqual([])
    expect(r.diff.renamed).toEqual([])
    expect(r.diff.removed).toEqual([])
    expect(r.diff.recoded).toEqual([])
    // The whole country is embedded: an import of the same list adds nothing.
    expect(r.diff.added).toEqual([])
    expect(r.diff.codeReused).toEqual([])
  })

  it('reports code reuse, renames, merges and removals against the pre-reform list', () => {
    const r = parseAdminUnitsImport(nationalUnitListJson(), 'json', legacy)
    const reused = new Map(r.diff.codeReused.map((c) => [c.code, c]))
    // 06652 meant Phường Hà Phong; it now means Phường Hà Tu, which was 06664.
    expect(reused.get('06652')).toMatchObject({
      before: { name: 'Hà Phong' },
      after: { name: 'Hà Tu' },
      previousCodeOfNewName: '06664'
    })
    const renamed = new Map(r.diff.renamed.map((c) => [c.code, c]))
    expect(renamed.get('06838')).toMatchObject({
      before: { kind: 'Thị trấn' },
      after: { kind: 'Xã', name: 'Bình Liêu' }
    })
    expect(r.diff.removed.map((c) => c.code)).toContain('06664')
    expect(r.diff.removed.filter((c) => c.provinceCode === '22').length).toBe(
      171 - 54 + r.diff.added.filter((c) => c.provinceCode === '22').length
    )
  })

  it('reads the statistics office columns as CSV, restores leading zeros, and matches the JSON', () => {
    const r = parseAdminUnitsImport(quangNinhCsv(), 'csv', current)
    expect(r.problems).toEqual([])
    expect(r.list.communes).toEqual(current.communes.filter((c) => c.provinceCode === '22'))
    expect(r.diff).toMatchObject({ added: [], removed: [], renamed: [], codeReused: [], recoded: [] })
  })

  it('spots a unit that changed code (Ba Chẽ 06978 → 06970, as CV 1027 has it)', () => {
    const r = parseAdminUnitsImport(quangNinhCsv({ '06978': '06970' }), 'csv', current)
    expect(r.diff.recoded).toEqual([
      { provinceCode: '22', name: 'Xã Ba Chẽ', fromCode: '06978', toCode: '06970' }
    ])
    expect(r.diff.added).toEqual([])
    expect(r.diff.removed).toEqual([])
  })

  it('reports bad rows and refuses a file with nothing readable', () => {
    const csv = 'Mã TP,Phường Xã,Mã PX\n22,Phường Hà Tu,06652\n22,,\nxx,Phường Y,1\n'
    const r = parseAdminUnitsImport(csv, 'csv', current)
    expect(r.list.communes.map((c) => c.code)).toEqual(['06652'])
    expect(r.problems.map((p) => p.row)).toEqual([3, 4])
    expect(() => parseAdminUnitsImport('not json', 'json', current)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' })
    )
    expect(() => parseAdminUnitsImport('a,b\n1,2', 'csv', current)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' })
    )
  })

  it('parses quoted CSV fields with delimiters, quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","d ""e""","f\ng"\r\n1,2,3,4')).toEqual([
      ['a', 'b,c', 'd "e"', 'f\ng'],
      ['1', '2', '3', '4']
    ])
  })

  it('fuzz: any input either parses or fails with a VALIDATION AppError', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.constantFrom('json' as const, 'csv' as const),
        (text, kind) => {
          try {
            const r = parseAdminUnitsImport(text, kind, current)
            expect(r.list.communes.every((c) => /^\d{5}$/.test(c.code))).toBe(true)
          } catch (e) {
            expect(isAppError(e) && e.code === 'VALIDATION').toBe(true)
          }
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe('a catalogue built from an imported national list', () => {
  const imported = parseAdminUnitsImport(nationalUnitListJson(), 'json', current)
  const national = buildAdminCatalog({ ...defaultAdminCatalogData(), current: imported.list })

  it('codes addresses in every province, still maps Quảng Ninh’s old units', () => {
    expect(codeAddress('Số 5, Phường Ba Đình, Thành phố Hà Nội', national).best?.communeCode).toBe('00004')
    const old = codeAddress('Phường Giếng Đáy, TP Hạ Long, Quảng Ninh', national)
    expect([old.best?.communeCode, old.needsChoice]).toEqual(['06661', false])
  })

  it('asks when a commune name exists in several provinces and none is given', () => {
    const name = imported.list.communes
      .map((c) => `${c.kind} ${c.name}`)
      .find((n, i, all) => all.indexOf(n) !== i)!
    const r = codeAddress(name, national)
    expect(r.needsChoice).toBe(true)
    expect(new Set(r.candidates.map((c) => c.provinceCode)).size).toBeGreaterThan(1)
  })
})
