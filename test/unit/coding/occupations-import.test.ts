import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../contract/errors'
import { parseOccupationsImport } from '../../../core/coding/importer/occupations-import'
import { occupations } from '../../../core/coding/catalog/occupation'

// Made-up codes (9xxxx) and names: the official QĐ 34/2020/QĐ-TTg list is not in the repository.
const GOOD = ['code,name', '90001,Nghề thử một', '90002,"Nghề thử hai, có phẩy"', '90003,Nghề thử ba'].join(
  '\n'
)

function validationKey(run: () => unknown): string | undefined {
  try {
    run()
  } catch (e) {
    expect(e).toBeInstanceOf(AppError)
    return (e as AppError).key
  }
  return undefined
}

describe('parseOccupationsImport', () => {
  it('reads a good CSV, keeps 00000 and reports what it adds', () => {
    const r = parseOccupationsImport(GOOD, 'csv', occupations)
    expect(r.list.entries.map((e) => e.code)).toEqual(['00000', '90001', '90002', '90003'])
    expect(r.list.entries.find((e) => e.code === '00000')?.name).toMatch(/^Không có nghề nghiệp/)
    expect(r.list.entries.find((e) => e.code === '90002')?.name).toBe('Nghề thử hai, có phẩy')
    expect(r.problems).toEqual([])
    expect(r.diff.added.map((e) => e.code)).toEqual(['90001', '90002', '90003'])
    expect(r.diff.removed).toEqual([])
  })

  it('takes a BOM, semicolons, Vietnamese headers and NFD names (stored NFC)', () => {
    const nfd = 'Nghề thử một'.normalize('NFD')
    const csv = `\uFEFFMã nghề;Tên nghề nghiệp\r\n90001;${nfd}\r\n90002;"Nghề ""thử"" hai"\r\n`
    const r = parseOccupationsImport(csv, 'csv', occupations)
    expect(r.problems).toEqual([])
    const one = r.list.entries.find((e) => e.code === '90001')!
    expect(one.name).toBe('Nghề thử một'.normalize('NFC'))
    expect(r.list.entries.find((e) => e.code === '90002')?.name).toBe('Nghề "thử" hai')
  })

  it('rejects each kind of bad row with its line and reason, keeping the good rows', () => {
    const csv = [
      'code,name', // line 1
      '90001,Nghề thử một', // 2
      '9002,Mã bốn số', // 3
      '900030,Mã sáu số', // 4
      'A0004,Mã có chữ', // 5
      '', // 6: blank, skipped silently
      '90005,', // 7: no name
      '90001,Trùng mã', // 8
      '90006,Nghề thử sáu' // 9
    ].join('\n')
    const r = parseOccupationsImport(csv, 'csv', occupations)
    expect(r.problems.map((p) => [p.row, p.fault])).toEqual([
      [3, 'bad-code'],
      [4, 'bad-code'],
      [5, 'bad-code'],
      [7, 'no-name'],
      [8, 'duplicate']
    ])
    expect(r.problems[0]!.message).toBe('Dòng 3: mã nghề không phải 5 chữ số.')
    expect(r.list.entries.map((e) => e.code)).toEqual(['00000', '90001', '90006'])
  })

  it('reads a JSON array of {code, name}; a numeric code (leading zeros lost) is rejected', () => {
    const json = JSON.stringify([{ code: '90001', name: 'Nghề thử một' }, { code: 1110, name: 'Số' }, 'x'])
    const r = parseOccupationsImport(json, 'json', occupations)
    expect(r.list.entries.map((e) => e.code)).toEqual(['00000', '90001'])
    expect(r.problems.map((p) => [p.row, p.fault])).toEqual([
      [2, 'bad-code'],
      [3, 'not-an-object']
    ])
  })

  it('reports renamed and removed codes against the list in use', () => {
    const first = parseOccupationsImport(GOOD, 'csv', occupations).list
    const next = parseOccupationsImport(
      'code,name\n90001,Nghề thử một (mới)\n90003,Nghề thử ba',
      'csv',
      first
    )
    expect(next.diff.renamed).toEqual([
      { code: '90001', before: 'Nghề thử một', after: 'Nghề thử một (mới)' }
    ])
    expect(next.diff.removed.map((e) => e.code)).toEqual(['90002'])
    expect(next.diff.added).toEqual([])
  })

  it('refuses a whole file that is not a list: no header, bad JSON, nothing usable', () => {
    expect(validationKey(() => parseOccupationsImport('a,b\n90001,x', 'csv', occupations))).toBe(
      'occupation.import.noHeader'
    )
    expect(validationKey(() => parseOccupationsImport('{', 'json', occupations))).toBe('error.import.badJson')
    expect(validationKey(() => parseOccupationsImport('{"code":"1"}', 'json', occupations))).toBe(
      'occupation.import.notList'
    )
    expect(validationKey(() => parseOccupationsImport('code,name\n123,x\n00000,y', 'csv', occupations))).toBe(
      'occupation.import.empty'
    )
  })

  it('never throws anything but an AppError, and what it keeps is always well formed (fuzz)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.stringMatching(/^\d{4,6}$/),
      fc.constantFrom('"', '""', ';', ',', '\r\n', '\uFEFF', 'Nghề'.normalize('NFD'))
    )
    const csvText = fc
      .tuple(fc.constantFrom(',', ';'), fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 12 }))
      .map(([sep, rows]) => [`code${sep}name`, ...rows.map((r) => r.join(sep))].join('\n'))
    const input = fc.oneof(
      csvText.map((t) => ['csv', t] as const),
      fc.string().map((t) => ['csv', t] as const),
      fc.json().map((t) => ['json', t] as const),
      fc
        .array(fc.record({ code: fc.oneof(fc.string(), fc.stringMatching(/^\d{5}$/)), name: fc.string() }))
        .map((a) => ['json', JSON.stringify(a)] as const)
    )
    fc.assert(
      fc.property(input, ([format, text]) => {
        let r
        try {
          r = parseOccupationsImport(text, format, occupations)
        } catch (e) {
          return e instanceof AppError
        }
        return (
          r.list.entries.some((e) => e.code === '00000') &&
          r.list.entries.every(
            (e) => /^\d{5}$/.test(e.code) && e.name === e.name.normalize('NFC') && e.name !== ''
          )
        )
      }),
      { numRuns: 500 }
    )
  })
})
