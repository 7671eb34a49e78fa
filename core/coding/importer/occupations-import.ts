import { AppError } from '../../../contract/errors'
import { foldVietnamese, tidyText } from '../../../contract/rules/text'
import type { CodeListVersioned, OccupationRecord } from '../catalog/types'
import { NO_OCCUPATION, occupations as embeddedOccupations } from '../catalog/occupation'
import { parseCsvLines } from './csv'
import type { ImportProblem } from './admin-units-import'

/** Why a row of the occupation file was left out. */
export type OccupationRowFault = 'bad-code' | 'no-name' | 'duplicate' | 'not-an-object'

export interface OccupationProblem extends ImportProblem {
  fault: OccupationRowFault
}

export interface OccupationsDiff {
  added: OccupationRecord[]
  removed: OccupationRecord[]
  renamed: { code: string; before: string; after: string }[]
}

export interface OccupationsImport {
  list: CodeListVersioned<OccupationRecord>
  problems: OccupationProblem[]
  diff: OccupationsDiff
}

/** Longest name kept: the official names are short; anything longer is not an occupation name. */
const MAX_NAME = 255

/**
 * Reads the QĐ 34/2020/QĐ-TTg level-5 occupation list as IT would have it — CSV with a `code,name` header
 * (`;` or tab separators, a BOM, quoted fields, NFC or NFD names) or a JSON array of `{code, name}` — and compares
 * it with the current list. Only 5-digit codes are kept; every other row is reported with its line and why.
 * 00000 is always in the result. Throws only AppError VALIDATION, when the file as a whole is unusable.
 */
export function parseOccupationsImport(
  fileContent: string,
  format: 'csv' | 'json',
  current: CodeListVersioned<OccupationRecord>
): OccupationsImport {
  const rows = format === 'json' ? jsonRows(fileContent) : csvRows(fileContent)
  const problems: OccupationProblem[] = []
  const byCode = new Map<string, OccupationRecord>()
  for (const row of rows) {
    const fault = rowFault(row, byCode)
    if (fault !== null) {
      problems.push(problem(row.line, fault))
      continue
    }
    byCode.set(row.code!, { code: row.code!, name: tidyText(row.name!) })
  }
  if (byCode.size === 0 || (byCode.size === 1 && byCode.has(NO_OCCUPATION)))
    throw AppError.of('VALIDATION', 'occupation.import.empty', undefined, {
      problems: problems.slice(0, 20)
    })
  if (!byCode.has(NO_OCCUPATION)) byCode.set(NO_OCCUPATION, embeddedNoOccupation())
  const entries = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))
  const list: CodeListVersioned<OccupationRecord> = {
    version: { ...current.version, id: 'qd34-2020-import', source: `QĐ 34/2020/QĐ-TTg (import ${format})` },
    entries
  }
  return { list, problems, diff: diffOccupations(current.entries, entries) }
}

interface RawRow {
  line: number
  code: string | null
  name: string | null
  isObject: boolean
}

function rowFault(row: RawRow, seen: ReadonlyMap<string, OccupationRecord>): OccupationRowFault | null {
  if (!row.isObject) return 'not-an-object'
  if (row.code === null || !/^\d{5}$/.test(row.code)) return 'bad-code'
  const name = row.name === null ? '' : tidyText(row.name)
  if (name === '' || [...name].length > MAX_NAME || foldVietnamese(name) === '') return 'no-name'
  if (seen.has(row.code)) return 'duplicate'
  return null
}

const CODE_HEADERS = ['code', 'ma', 'ma nghe', 'ma nghe nghiep', 'ma so']
const NAME_HEADERS = ['name', 'ten', 'ten nghe', 'ten nghe nghiep', 'nghe nghiep']

function csvRows(text: string): RawRow[] {
  const records = parseCsvLines(text)
  const folded = (records[0]?.fields ?? []).map((h) => foldVietnamese(h))
  const codeCol = folded.findIndex((h) => CODE_HEADERS.includes(h))
  const nameCol = folded.findIndex((h) => NAME_HEADERS.includes(h))
  if (codeCol === -1 || nameCol === -1) throw AppError.of('VALIDATION', 'occupation.import.noHeader')
  return records.slice(1).map((r) => ({
    line: r.line,
    code: (r.fields[codeCol] ?? '').trim(),
    name: r.fields[nameCol] ?? '',
    isObject: true
  }))
}

function jsonRows(text: string): RawRow[] {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw AppError.of('VALIDATION', 'error.import.badJson').withDetail(
      `Invalid JSON: ${(e as Error).message}`
    )
  }
  if (!Array.isArray(data)) throw AppError.of('VALIDATION', 'occupation.import.notList')
  return data.map((item: unknown, i) => {
    const isObject = typeof item === 'object' && item !== null && !Array.isArray(item)
    const o = (isObject ? item : {}) as { code?: unknown; name?: unknown }
    // A code saved as a number lost its leading zeros ("1110" for 01110) and cannot be trusted.
    return {
      line: i + 1,
      code: typeof o.code === 'string' ? o.code.trim() : null,
      name: typeof o.name === 'string' ? o.name : null,
      isObject
    }
  })
}

const FAULT_TEXT: Record<OccupationRowFault, [string, string]> = {
  'bad-code': ['mã nghề không phải 5 chữ số', 'the occupation code is not 5 digits'],
  'no-name': ['thiếu tên nghề (hoặc tên quá dài)', 'the occupation name is missing (or too long)'],
  duplicate: ['mã đã có ở dòng trước', 'the code already appeared on an earlier row'],
  'not-an-object': ['không phải một mục {code, name}', 'not a {code, name} entry']
}

function problem(row: number, fault: OccupationRowFault): OccupationProblem {
  const [vi, en] = FAULT_TEXT[fault]
  return { row, fault, message: `Dòng ${row}: ${vi}.`, messageEn: `Row ${row}: ${en}.` }
}

function embeddedNoOccupation(): OccupationRecord {
  return embeddedOccupations.entries.find((o) => o.code === NO_OCCUPATION)!
}

function diffOccupations(
  before: readonly OccupationRecord[],
  after: readonly OccupationRecord[]
): OccupationsDiff {
  const old = new Map(before.map((o) => [o.code, o]))
  const now = new Map(after.map((o) => [o.code, o]))
  const diff: OccupationsDiff = { added: [], removed: [], renamed: [] }
  for (const [code, o] of now) {
    const was = old.get(code)
    if (was === undefined) diff.added.push(o)
    else if (was.name.normalize('NFC') !== o.name)
      diff.renamed.push({ code, before: was.name, after: o.name })
  }
  for (const [code, o] of old) if (!now.has(code)) diff.removed.push(o)
  return diff
}
