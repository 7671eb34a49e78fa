import { AppError } from '../../../contract/errors'
import type {
  AdminUnitList,
  CommuneRecord,
  DistrictRecord,
  ProvinceRecord,
  UnitListVersion
} from '../catalog/types'
import { UNIT_LIST_CURRENT } from '../catalog/types'
import { foldVietnamese, tidyText } from '../../../contract/rules/text'
import { parseCsv } from './csv'

export interface ImportProblem {
  /** 1-based row (CSV line or JSON unit index). */
  row: number
  message: string
  messageEn: string
}

export interface UnitChange<T> {
  code: string
  before: T
  after: T
}

export interface AdminUnitsDiff {
  provinces: {
    added: ProvinceRecord[]
    removed: ProvinceRecord[]
    renamed: UnitChange<ProvinceRecord>[]
  }
  added: CommuneRecord[]
  removed: CommuneRecord[]
  /** Same code, same place, new name or kind (e.g. "Thị trấn Bình Liêu" → "Xã Bình Liêu"). */
  renamed: UnitChange<CommuneRecord>[]
  /**
   * Same code, different place: the code now names a unit that had another code before (e.g. 06652 was
   * "Phường Hà Phong" and now means "Phường Hà Tu", formerly 06664). Stored addresses with this code need their list version.
   */
  codeReused: (UnitChange<CommuneRecord> & { previousCodeOfNewName: string })[]
  /** Same unit, new code (e.g. Ba Chẽ 06970 ↔ 06978). */
  recoded: { provinceCode: string; name: string; fromCode: string; toCode: string }[]
}

export interface AdminUnitsImport {
  /** The imported list, ready to store. Provinces absent from the file keep their current communes out of the diff. */
  list: AdminUnitList
  problems: ImportProblem[]
  diff: AdminUnitsDiff
}

export interface ImportOptions {
  version?: Partial<UnitListVersion>
}

const KINDS = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Phường', 'Tỉnh', 'Xã', 'Huyện', 'Quận']

/** "Phường Hà Tu" → { kind: 'Phường', name: 'Hà Tu' }; a bare name keeps fallbackKind. */
export function splitUnitName(fullName: string, fallbackKind = ''): { kind: string; name: string } {
  const tidy = tidyText(fullName)
  const folded = foldVietnamese(tidy)
  for (const kind of KINDS) {
    const k = foldVietnamese(kind)
    if (folded.startsWith(k + ' '))
      return { kind, name: tidy.split(' ').slice(kind.split(' ').length).join(' ') }
  }
  return { kind: fallbackKind, name: tidy }
}

/**
 * Reads an administrative-unit list — the shared JSON shape (`[{Code, FullName, Wards: [{Code, FullName, ProvinceCode}]}]`)
 * or the statistics office's spreadsheet saved as CSV — and compares it with the current list.
 * Throws AppError VALIDATION when the file cannot be read at all; row problems are returned.
 */
export function parseAdminUnitsImport(
  fileContent: string,
  kind: 'json' | 'csv',
  current: AdminUnitList,
  options: ImportOptions = {}
): AdminUnitsImport {
  const parsed = kind === 'json' ? readJson(fileContent) : readCsv(fileContent)
  if (parsed.provinces.length === 0 && parsed.communes.length === 0)
    throw AppError.of('VALIDATION', 'error.import.noUnits', undefined, {
      problems: parsed.problems.slice(0, 20)
    })
  const version: UnitListVersion = {
    id: options.version?.id ?? UNIT_LIST_CURRENT,
    effectiveFrom: options.version?.effectiveFrom ?? current.version.effectiveFrom,
    effectiveTo: options.version?.effectiveTo ?? null,
    source: options.version?.source ?? `import (${kind})`
  }
  const list: AdminUnitList = {
    version,
    provinces: parsed.provinces,
    districts: parsed.districts,
    communes: parsed.communes
  }
  return { list, problems: parsed.problems, diff: diffLists(current, list) }
}

interface Parsed {
  provinces: ProvinceRecord[]
  districts: DistrictRecord[]
  communes: CommuneRecord[]
  problems: ImportProblem[]
}

function readJson(text: string): Parsed {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw AppError.of('VALIDATION', 'error.import.badJson').withDetail(
      `Invalid JSON: ${(e as Error).message}`
    )
  }
  if (!Array.isArray(data)) throw AppError.of('VALIDATION', 'error.import.notUnitList')
  const out: Parsed = { provinces: [], districts: [], communes: [], problems: [] }
  data.forEach((p: unknown, i) => {
    const province = p as { Code?: unknown; FullName?: unknown; Wards?: unknown }
    const code = normaliseCode(province.Code, 2)
    if (code === null || typeof province.FullName !== 'string') {
      out.problems.push(problem(i + 1, 'tỉnh thiếu mã hoặc tên', 'province without code or name'))
      return
    }
    out.provinces.push({ code, ...splitUnitName(province.FullName, 'Tỉnh') })
    const wards = Array.isArray(province.Wards) ? province.Wards : []
    wards.forEach((w: unknown, j) => {
      const ward = w as { Code?: unknown; FullName?: unknown; ProvinceCode?: unknown }
      const wardCode = normaliseCode(ward.Code, 5)
      if (wardCode === null || typeof ward.FullName !== 'string') {
        out.problems.push(
          problem(i + 1, `đơn vị thứ ${j + 1} thiếu mã hoặc tên`, `unit ${j + 1} without code or name`)
        )
        return
      }
      out.communes.push({
        code: wardCode,
        provinceCode: code,
        districtCode: null,
        ...splitUnitName(ward.FullName)
      })
    })
  })
  return dedupe(out)
}

const HEADERS = {
  provinceName: ['tinh thanh pho', 'tinh', 'ten tinh', 'ten tinh thanh pho'],
  provinceCode: ['ma tp', 'ma tinh', 'ma tinh thanh pho'],
  districtName: ['quan huyen', 'ten quan huyen'],
  districtCode: ['ma qh', 'ma quan huyen', 'ma huyen'],
  communeName: ['phuong xa', 'ten phuong xa', 'ten xa', 'ten', 'ten don vi'],
  communeCode: ['ma px', 'ma phuong xa', 'ma xa', 'ma', 'ma don vi'],
  level: ['cap', 'cap hanh chinh', 'loai']
} as const

function readCsv(text: string): Parsed {
  const rows = parseCsv(text)
  const headerIndex = rows.findIndex(
    (r) => columnOf(r, HEADERS.communeCode) !== -1 && columnOf(r, HEADERS.communeName) !== -1
  )
  if (headerIndex === -1) throw AppError.of('VALIDATION', 'error.import.noHeader')
  const header = rows[headerIndex]!
  const col = {
    provinceName: columnOf(header, HEADERS.provinceName),
    provinceCode: columnOf(header, HEADERS.provinceCode),
    districtName: columnOf(header, HEADERS.districtName),
    districtCode: columnOf(header, HEADERS.districtCode),
    communeName: columnOf(header, HEADERS.communeName),
    communeCode: columnOf(header, HEADERS.communeCode),
    level: columnOf(header, HEADERS.level)
  }
  const out: Parsed = { provinces: [], districts: [], communes: [], problems: [] }
  const cell = (r: string[], c: number): string => (c === -1 ? '' : tidyText(r[c] ?? ''))
  rows.slice(headerIndex + 1).forEach((r, k) => {
    const line = headerIndex + k + 2
    const communeCode = normaliseCode(cell(r, col.communeCode), 5)
    const provinceCode = normaliseCode(cell(r, col.provinceCode), 2)
    const name = cell(r, col.communeName)
    if (communeCode === null || name === '' || provinceCode === null) {
      out.problems.push(
        problem(line, 'thiếu mã tỉnh, mã hoặc tên phường/xã', 'missing province code, commune code or name')
      )
      return
    }
    const provinceName = cell(r, col.provinceName)
    if (provinceName !== '')
      out.provinces.push({ code: provinceCode, ...splitUnitName(provinceName, 'Tỉnh') })
    const districtCode = normaliseCode(cell(r, col.districtCode), 3)
    const districtName = cell(r, col.districtName)
    if (districtCode !== null && districtName !== '')
      out.districts.push({
        code: districtCode,
        provinceCode,
        aliases: [],
        ...splitUnitName(districtName, 'Huyện')
      })
    out.communes.push({
      code: communeCode,
      provinceCode,
      districtCode,
      ...splitUnitName(name, cell(r, col.level))
    })
  })
  return dedupe(out)
}

function columnOf(row: readonly string[], names: readonly string[]): number {
  const folded = row.map((h) => foldVietnamese(h))
  for (const n of names) {
    const i = folded.indexOf(n)
    if (i !== -1) return i
  }
  return -1
}

/** Spreadsheets drop leading zeros ("6652"): pad back to the code's width; reject anything not numeric. */
function normaliseCode(value: unknown, width: number): string | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
  if (!/^\d+$/.test(text) || text.length > width) return null
  return text.padStart(width, '0')
}

function problem(row: number, vi: string, en: string): ImportProblem {
  return { row, message: `Dòng ${row}: ${vi}.`, messageEn: `Row ${row}: ${en}.` }
}

function dedupe(p: Parsed): Parsed {
  const uniq = <T extends { code: string }>(items: T[]): T[] => [
    ...new Map(items.map((x) => [x.code, x])).values()
  ]
  return {
    provinces: uniq(p.provinces),
    districts: uniq(p.districts),
    communes: uniq(p.communes),
    problems: p.problems
  }
}

const fullKey = (u: { kind: string; name: string }): string => foldVietnamese(`${u.kind} ${u.name}`)

function diffLists(before: AdminUnitList, after: AdminUnitList): AdminUnitsDiff {
  const diff: AdminUnitsDiff = {
    provinces: { added: [], removed: [], renamed: [] },
    added: [],
    removed: [],
    renamed: [],
    codeReused: [],
    recoded: []
  }
  const beforeProvinces = new Map(before.provinces.map((p) => [p.code, p]))
  const afterProvinces = new Map(after.provinces.map((p) => [p.code, p]))
  for (const [code, p] of afterProvinces) {
    const old = beforeProvinces.get(code)
    if (old === undefined) diff.provinces.added.push(p)
    else if (foldVietnamese(old.name) !== foldVietnamese(p.name))
      diff.provinces.renamed.push({ code, before: old, after: p })
  }
  for (const [code, p] of beforeProvinces) if (!afterProvinces.has(code)) diff.provinces.removed.push(p)

  // Only provinces the file covers are compared, so a one-province file does not "remove" the rest of the country.
  const covered = new Set(after.communes.map((c) => c.provinceCode))
  const beforeCommunes = new Map(
    before.communes.filter((c) => covered.has(c.provinceCode)).map((c) => [c.code, c])
  )
  const afterCommunes = new Map(after.communes.map((c) => [c.code, c]))
  const beforeByName = new Map(
    [...beforeCommunes.values()].map((c) => [`${c.provinceCode}|${fullKey(c)}`, c.code])
  )

  for (const [code, c] of afterCommunes) {
    const old = beforeCommunes.get(code)
    if (old === undefined) diff.added.push(c)
    else if (fullKey(old) !== fullKey(c)) {
      const previous = beforeByName.get(`${c.provinceCode}|${fullKey(c)}`)
      if (previous !== undefined && previous !== code)
        diff.codeReused.push({ code, before: old, after: c, previousCodeOfNewName: previous })
      else diff.renamed.push({ code, before: old, after: c })
    }
  }
  for (const [code, c] of beforeCommunes) if (!afterCommunes.has(code)) diff.removed.push(c)

  // A unit that disappeared under one code and appeared under another with the same name was recoded.
  const removedByName = new Map(diff.removed.map((c) => [`${c.provinceCode}|${fullKey(c)}`, c]))
  for (const c of [...diff.added]) {
    const old = removedByName.get(`${c.provinceCode}|${fullKey(c)}`)
    if (old === undefined) continue
    diff.recoded.push({
      provinceCode: c.provinceCode,
      name: `${c.kind} ${c.name}`.trim(),
      fromCode: old.code,
      toCode: c.code
    })
    diff.added.splice(diff.added.indexOf(c), 1)
    diff.removed.splice(diff.removed.indexOf(old), 1)
  }
  return diff
}
