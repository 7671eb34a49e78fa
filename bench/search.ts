/**
 * Search at scale: 1,000,000 synthetic patients with realistic Vietnamese names in an encrypted temporary
 * database, then p50/p95/p99 of the three things a clerk waits for: an ID lookup (target p95 ≤ 1 ms), a name-prefix
 * search through the app's search function (≤ 20 ms), and coding + saving one registration through the real
 * register() (≤ 10 ms). Prints JSON.
 * Run: npx tsx bench/search.ts   (BENCH_PATIENTS=200000 for a quicker run)
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { emptyIdentity, type Identity } from '../contract/identity'
import type { PatientForm } from '../contract/patient'
import { codePatient, defaultAdminCatalogData, defaultCodingCatalog } from '../core/coding'
import { type CommuneRecord, UNIT_LIST_CURRENT } from '../core/coding/catalog/types'
import { createServices, DATABASE_FILE } from '../core'
import { foldVietnamese } from '../core/text/fold'
import { findMatches } from '../core/patients/matching'
import type { Db } from '../db/connection'

const TOTAL = Number(process.env.BENCH_PATIENTS ?? 1_000_000)
const BATCH = 50_000
const SAMPLES = 2_000
const NAME_QUERIES = Number(process.env.BENCH_NAME_QUERIES ?? 400)

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

interface Person {
  fullName: string
  sex: 'male' | 'female'
  dateOfBirth: string
  idNumber: string
  oldIdNumber: string | null
  bhyt: string | null
  communeCode: string
  addressText: string
}

function person(i: number): Person {
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

function formOf(p: Person): PatientForm {
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

function stats(samples: number[]): { p50: number; p95: number; p99: number; max: number; n: number } {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number): number =>
    Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 1000) / 1000
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1), n: s.length }
}

function time(fn: () => unknown): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

// ---- Proposed replacement for PatientsRepo.findByName (db/patients.ts belongs to another part; see ADR 0010) ----
const FTS_CAP = 100
const summary = 'id, full_name, date_of_birth, sex, id_number, bhyt_card_number, address_text, updated_at'
/** Names typed from the family name on: a range on the name_folded index, no sort, stops at the limit. */
const prefixSql = `SELECT ${summary} FROM patients INDEXED BY patients_name_dob
  WHERE name_folded >= @prefix AND name_folded < @upper AND merged_into IS NULL
    AND (@dob IS NULL OR date_of_birth LIKE @dob || '%')
  ORDER BY name_folded LIMIT @limit`
/** Words in another order ("nguyen hoa"): at most FTS_CAP index hits are fetched and ranked, never all of them. */
const ftsSql = `SELECT ${summary} FROM patients
  WHERE rowid IN (SELECT rowid FROM patients_fts WHERE patients_fts MATCH @match LIMIT @cap)
    AND merged_into IS NULL AND (@dob IS NULL OR date_of_birth LIKE @dob || '%')
  ORDER BY length(name_folded), updated_at DESC LIMIT @limit`

function explain(db: Db, sql: string, params: Record<string, unknown>): string[] {
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((r) => (r as { detail: string }).detail)
}

function proposedNameSearch(db: Db): (text: string, limit: number) => { id: string }[] {
  const byPrefix = db.prepare(prefixSql)
  const byWords = db.prepare(ftsSql)
  return (text, limit) => {
    const words = foldVietnamese(text).split(' ').filter(Boolean)
    const year = words.find((w) => /^(19|20)\d{2}$/.test(w)) ?? null
    const nameWords = words.filter((w) => w !== year)
    if (nameWords.length === 0) return []
    const prefix = nameWords.join(' ')
    const first = byPrefix.all({ prefix, upper: `${prefix}~`, dob: year, limit }) as { id: string }[]
    if (first.length >= limit) return first
    const seen = new Set(first.map((r) => r.id))
    const match = nameWords.map((w) => `"${w}"*`).join(' ')
    const more = (byWords.all({ match, dob: year, limit, cap: FTS_CAP }) as { id: string }[]).filter(
      (r) => !seen.has(r.id)
    )
    return [...first, ...more].slice(0, limit)
  }
}

const dir = mkdtempSync(join(tmpdir(), 'reception-bench-'))
const clock = { now: new Date('2026-11-23T02:00:00Z') }
const services = createServices({
  dataDir: dir,
  key: randomBytes(32),
  mode: 'cli',
  version: 'bench',
  clock: () => clock.now
})
const db = services.db
try {
  // ---- Build ----
  const insert = db.prepare(
    `INSERT INTO patients (id, code, id_number, old_id_number, bhyt_card_number, full_name, name_folded, date_of_birth,
       sex, address_text, form_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const sampleIds: string[] = []
  const sampleNames: string[] = []
  const at = '2026-01-01T00:00:00.000Z'
  const insertBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const p = person(i)
      const form = formOf(p)
      insert.run(
        `p${i}`,
        `BN${String(i + 1).padStart(8, '0')}`,
        p.idNumber,
        p.oldIdNumber,
        p.bhyt,
        p.fullName,
        foldVietnamese(p.fullName),
        p.dateOfBirth,
        p.sex,
        p.addressText,
        JSON.stringify(form),
        at,
        at
      )
      if (i % Math.ceil(TOTAL / SAMPLES) === 0) {
        sampleIds.push(p.idNumber)
        sampleNames.push(p.fullName)
      }
    }
  })
  const buildStart = performance.now()
  for (let from = 0; from < TOTAL; from += BATCH) insertBatch(from, Math.min(TOTAL, from + BATCH))
  db.prepare(
    `INSERT INTO sequences (name, value) VALUES ('patient_code', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`
  ).run(TOTAL)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.exec('ANALYZE')
  const buildSeconds = (performance.now() - buildStart) / 1000

  // ---- ID lookup: the clerk scans a card, the app finds the record by its 12-digit number ----
  for (const id of sampleIds.slice(0, 50)) services.searchPatients(id, 20) // warm the page cache
  const idLookup = stats(sampleIds.map((id) => time(() => services.searchPatients(id, 20))))

  // ---- Duplicate check before saving: exact identifiers plus everyone born the same day (findMatches) ----
  const matchTimes = sampleIds.slice(0, 500).map((id, i) => {
    const probe = formOf({ ...person(TOTAL + 10_000 + i), idNumber: id })
    return time(() => findMatches(db, probe))
  })
  const matching = stats(matchTimes)

  // ---- Name-prefix search as the clerk types: "nguyen thi h", "tran van nam", "le thi thu ha 1990" ----
  const queries = sampleNames.map((name, i) => {
    const words = foldVietnamese(name).split(' ')
    const shape = i % 4
    if (shape === 0) return words.join(' ') // the whole name
    if (shape === 1) return [...words.slice(0, -1), words[words.length - 1]!.slice(0, 1)].join(' ') // last word begun
    if (shape === 2) return [words[0]!, words[words.length - 1]!].join(' ') // family + given name
    return words.slice(0, -1).join(' ') + ' ' + words[words.length - 1]!.slice(0, 2)
  })
  let found = 0
  const nameTimes = queries
    .slice(0, NAME_QUERIES)
    .map((q) => time(() => (found += services.searchPatients(q, 20).length)))
  const nameSearch = stats(nameTimes)
  const byShape = [0, 1, 2, 3].map((shape) => stats(nameTimes.filter((_, i) => i % 4 === shape)))
  // Where the time goes for the slowest queries: matching in the FTS index alone, against the whole query.
  const slowest = nameTimes
    .map((ms, i) => ({ ms, q: queries[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ ms, q }) => {
      const match = foldVietnamese(q)
        .split(' ')
        .map((w) => `"${w}"*`)
        .join(' ')
      let matches = 0
      const ftsOnlyMs = time(() => {
        matches = (
          db.prepare('SELECT count(*) AS n FROM patients_fts WHERE patients_fts MATCH ?').get(match) as {
            n: number
          }
        ).n
      })
      return { query: q, ms: Math.round(ms * 10) / 10, matches, ftsOnlyMs: Math.round(ftsOnlyMs * 10) / 10 }
    })
  const plan = db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT p.id FROM patients_fts f JOIN patients p ON p.rowid = f.rowid
       WHERE patients_fts MATCH ? AND p.merged_into IS NULL ORDER BY length(p.name_folded), p.updated_at DESC LIMIT 20`
    )
    .all('"nguyen"* "thi"* "h"*')
    .map((r) => (r as { detail: string }).detail)

  // ---- The proposed query (docs/adr/0010): index range for names typed from the start, bounded FTS otherwise ----
  const proposed = proposedNameSearch(db)
  const proposedTimes = queries.slice(0, NAME_QUERIES).map((q) => time(() => proposed(q, 20)))
  const proposedSearch = stats(proposedTimes)
  const proposedByShape = [0, 1, 2, 3].map((shape) => stats(proposedTimes.filter((_, i) => i % 4 === shape)))
  const sameTop = queries.slice(0, NAME_QUERIES).filter((q) => {
    const a = services.searchPatients(q, 20).map((p) => p.id)
    const b = proposed(q, 20).map((p) => p.id)
    return a.length === b.length
  }).length
  const proposedPlan = [
    ...explain(db, prefixSql, { prefix: 'nguyen thi h', upper: 'nguyen thi h~', dob: null, limit: 20 }),
    ...explain(db, ftsSql, { match: '"nguyen"* "hoa"*', dob: null, limit: 20, cap: FTS_CAP })
  ]

  // ---- Coding + saving one registration through the real register() ----
  const catalog = defaultCodingCatalog()
  const registrations: number[] = []
  const codings: number[] = []
  for (let i = 0; i < 300; i++) {
    const p = person(TOTAL + i)
    const identity: Identity = {
      ...emptyIdentity('qr', p.fullName.toUpperCase()),
      idNumber: `${p.idNumber.slice(0, 6)}${String(900_000 + i)}`,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex,
      placeOfResidence: p.addressText,
      issueDate: '2024-08-15'
    }
    clock.now = new Date(clock.now.getTime() + 60_000)
    let coded: ReturnType<typeof codePatient> | null = null
    const codingMs = time(() => (coded = codePatient(identity, catalog)))
    const saveMs = time(() =>
      services.register({
        patientId: null,
        patient: { ...coded!.form, occupationCode: '00000' },
        visit: { serviceType: 'antenatal', department: null, reason: null },
        identityReadId: null,
        source: 'qr'
      })
    )
    registrations.push(codingMs + saveMs)
    codings.push(codingMs)
  }
  const registration = stats(registrations.slice(20))

  const report = {
    patients: TOTAL,
    buildSeconds: Math.round(buildSeconds * 10) / 10,
    databaseMB: Math.round(statSync(join(dir, DATABASE_FILE)).size / 1e6),
    idLookupMs: { ...idLookup, targetP95: 1, met: idLookup.p95 <= 1 },
    findMatchesMs: matching,
    nameSearchMs: {
      ...nameSearch,
      targetP95: 20,
      met: nameSearch.p95 <= 20,
      averageResults: Math.round((found / nameTimes.length) * 10) / 10,
      byShape: {
        wholeName: byShape[0],
        lastWordBegun: byShape[1],
        familyAndGiven: byShape[2],
        lastWordTwoLetters: byShape[3]
      },
      plan,
      slowest
    },
    proposedNameSearchMs: {
      ...proposedSearch,
      targetP95: 20,
      met: proposedSearch.p95 <= 20,
      sameResultCount: `${sameTop}/${Math.min(NAME_QUERIES, queries.length)}`,
      byShape: {
        wholeName: proposedByShape[0],
        lastWordBegun: proposedByShape[1],
        familyAndGiven: proposedByShape[2],
        lastWordTwoLetters: proposedByShape[3]
      },
      plan: proposedPlan
    },
    codeAndRegisterMs: {
      ...registration,
      targetP95: 10,
      met: registration.p95 <= 10,
      codingOnly: stats(codings.slice(20))
    }
  }
  process.stdout.write(JSON.stringify(report, null, 2) + '\n')
} finally {
  services.close()
  rmSync(dir, { recursive: true, force: true })
}
