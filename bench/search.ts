/**
 * Search at scale: 1,000,000 synthetic patients with realistic Vietnamese names in an encrypted temporary
 * database, then p50/p95/p99 of the three things a clerk waits for: an ID lookup (target p95 ≤ 1 ms), a name-prefix
 * search through the app's search function (≤ 20 ms), and coding + saving one registration through the real
 * register() (≤ 10 ms); also a phone search and the typed-record twin check (docs/adr/0027). Every query is the production one (db/patients.ts); the bench only times it. Prints JSON.
 * Run: npx tsx bench/search.ts   (BENCH_PATIENTS=200000 for a quicker run)
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { emptyIdentity, type Identity } from '../contract/identity'
import { foldVietnamese } from '../contract/rules/text'
import { codePatient, defaultCodingCatalog } from '../core/coding'
import { createServices, DATABASE_FILE } from '../core'
import { findMatches } from '../core/patients/matching'
import { possibleDuplicates } from '../core/patients/possible-duplicates'
import { checkpointAndAnalyze } from '../db/maintenance'
import { setSynchronous } from '../db/connection'
import { countNameWordMatches, explainNameSearch, PatientsRepo, setPatientCodeSequence } from '../db/patients'
import { formOf, person } from './search/population'
import { stats, time } from './search/timing'

const TOTAL = Number(process.env.BENCH_PATIENTS ?? 1_000_000)
const BATCH = 50_000
const SAMPLES = 2_000
const NAME_QUERIES = Number(process.env.BENCH_NAME_QUERIES ?? 400)

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
// BENCH_SYNCHRONOUS=NORMAL measures what the default synchronous=FULL costs (bench/synchronous-cost.ts).
const synchronous = process.env.BENCH_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL'
setSynchronous(db, synchronous)
try {
  // ---- Build, through the repository the app writes with ----
  const patients = new PatientsRepo(db)
  const sampleIds: string[] = []
  const sampleNames: string[] = []
  const samplePeople: { fullName: string; dateOfBirth: string; phone: string }[] = []
  const at = '2026-01-01T00:00:00.000Z'
  const insertBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const p = person(i)
      const code = `BN${String(i + 1).padStart(8, '0')}`
      const form = formOf(p)
      patients.insert({ id: `p${i}`, code, form, nameFolded: foldVietnamese(p.fullName), at })
      if (i % Math.ceil(TOTAL / SAMPLES) === 0) {
        sampleIds.push(p.idNumber)
        sampleNames.push(p.fullName)
        samplePeople.push({ fullName: p.fullName, dateOfBirth: p.dateOfBirth, phone: form.phone! })
      }
    }
  })
  const buildStart = performance.now()
  for (let from = 0; from < TOTAL; from += BATCH) insertBatch(from, Math.min(TOTAL, from + BATCH))
  setPatientCodeSequence(db, TOTAL)
  checkpointAndAnalyze(db)
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
      const words = foldVietnamese(q).split(' ')
      let matches = 0
      const ftsOnlyMs = time(() => (matches = countNameWordMatches(db, words)))
      return { query: q, ms: Math.round(ms * 10) / 10, matches, ftsOnlyMs: Math.round(ftsOnlyMs * 10) / 10 }
    })
  const plan = explainNameSearch(db, ['nguyen', 'thi', 'h'])

  // ---- Phone search ("0912 345 678", "+84…") and the typed-record twin check (name + birth date, or phone) ----
  const phoneSearch = stats(
    samplePeople.map((p, i) =>
      time(() =>
        services.searchPatients(
          i % 2 ? `+84${p.phone.slice(1)}` : p.phone.replace(/(\d{4})(\d{3})/, '$1 $2 '),
          20
        )
      )
    )
  )
  const duplicateCheck = stats(
    samplePeople.map((p) =>
      time(() =>
        possibleDuplicates(db, {
          fullName: p.fullName,
          dateOfBirth: p.dateOfBirth,
          phone: p.phone,
          idNumber: null
        })
      )
    )
  )

  // ---- Coding + saving one registration through the real register() ----
  const catalog = defaultCodingCatalog()
  const registrations: number[] = []
  const codings: number[] = []
  const saves: number[] = []
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
        visit: { serviceType: 'general', department: null, reason: null },
        identityReadId: null,
        source: 'qr'
      })
    )
    registrations.push(codingMs + saveMs)
    codings.push(codingMs)
    saves.push(saveMs)
  }
  const registration = stats(registrations.slice(20))

  const report = {
    synchronous,
    patients: TOTAL,
    buildSeconds: Math.round(buildSeconds * 10) / 10,
    databaseMB: Math.round(statSync(join(dir, DATABASE_FILE)).size / 1e6),
    idLookupMs: { ...idLookup, targetP95: 1, met: idLookup.p95 <= 1 },
    findMatchesMs: matching,
    phoneSearchMs: phoneSearch,
    possibleDuplicatesMs: duplicateCheck,
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
    codeAndRegisterMs: {
      ...registration,
      targetP95: 10,
      met: registration.p95 <= 10,
      codingOnly: stats(codings.slice(20)),
      saveOnly: stats(saves.slice(20))
    }
  }
  process.stdout.write(JSON.stringify(report, null, 2) + '\n')
} finally {
  services.close()
  rmSync(dir, { recursive: true, force: true })
}
