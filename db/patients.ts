import type { Db } from './connection'
import type { PatientForm, PatientSummary, VisitSummary } from '../contract/patient'
import { formatPatientCode } from '../contract/rules/patient-code'

export interface PatientRow {
  id: string
  code: string
  id_number: string | null
  old_id_number: string | null
  bhyt_card_number: string | null
  full_name: string
  name_folded: string
  date_of_birth: string
  sex: 'male' | 'female' | 'other'
  address_text: string
  form_json: string
  guardian_patient_id: string | null
  guardian_relation: 'mother' | 'father' | 'guardian' | null
  merged_into: string | null
  created_at: string
  updated_at: string
}

export interface PatientWrite {
  id: string
  code: string
  form: PatientForm
  nameFolded: string
  at: string
}

/** Most FTS hits a word-order search reads before ranking (a common family name matches 100k+ rows). */
const FTS_CAP = 100

const summaryColumns =
  'id, full_name, date_of_birth, sex, id_number, bhyt_card_number, address_text, updated_at'

/** The columns a PatientSummary is made of. */
export interface SummaryRow {
  id: string
  full_name: string
  date_of_birth: string
  sex: 'male' | 'female' | 'other'
  id_number: string | null
  bhyt_card_number: string | null
  address_text: string
  updated_at: string
}

export function toSummary(r: SummaryRow): PatientSummary {
  return {
    id: r.id,
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    idNumber: r.id_number,
    bhytCardNumber: r.bhyt_card_number,
    addressText: r.address_text,
    updatedAt: r.updated_at
  }
}

/** Names typed from the family name on: a range on the name_folded index, no sort, stops at the limit. */
const NAME_PREFIX_SQL = `SELECT ${summaryColumns} FROM patients INDEXED BY patients_name_dob
  WHERE name_folded >= @prefix AND name_folded < @upper AND merged_into IS NULL
    AND (@dob IS NULL OR date_of_birth LIKE @dob || '%')
  ORDER BY name_folded LIMIT @limit`
/** Words in another order ("nguyen hoa"): at most FTS_CAP index hits are fetched and ranked, never all of them. */
const NAME_WORDS_SQL = `SELECT ${summaryColumns} FROM patients
  WHERE rowid IN (SELECT rowid FROM patients_fts WHERE patients_fts MATCH @match LIMIT @cap)
    AND merged_into IS NULL AND (@dob IS NULL OR date_of_birth LIKE @dob || '%')
  ORDER BY length(name_folded), updated_at DESC LIMIT @limit`

const ftsMatch = (words: readonly string[]): string => words.map((w) => `"${w}"*`).join(' ')

/** Patient rows: plain SQL, one statement per job, prepared once per connection. */
export class PatientsRepo {
  private readonly byId
  private readonly byIdNumber
  private readonly byCode
  private readonly insertStmt
  private readonly updateStmt
  private readonly nextCode
  private readonly byNamePrefix
  private readonly byNameWords

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], PatientRow>('SELECT * FROM patients WHERE id = ?')
    this.byIdNumber = db.prepare<[string], PatientRow>(
      'SELECT * FROM patients WHERE id_number = ? AND merged_into IS NULL'
    )
    this.byCode = db.prepare<[string], PatientRow>('SELECT * FROM patients WHERE code = ?')
    this.insertStmt = db.prepare(
      `INSERT INTO patients (id, code, id_number, old_id_number, bhyt_card_number, full_name, name_folded,
         date_of_birth, sex, address_text, form_json, guardian_patient_id, guardian_relation, created_at, updated_at)
       VALUES (@id, @code, @idNumber, @oldIdNumber, @bhyt, @fullName, @nameFolded, @dob, @sex, @address, @formJson,
         @guardianId, @guardianRelation, @at, @at)`
    )
    this.updateStmt = db.prepare(
      `UPDATE patients SET id_number = @idNumber, old_id_number = @oldIdNumber, bhyt_card_number = @bhyt,
         full_name = @fullName, name_folded = @nameFolded, date_of_birth = @dob, sex = @sex, address_text = @address,
         form_json = @formJson, guardian_patient_id = @guardianId, guardian_relation = @guardianRelation,
         updated_at = @at
       WHERE id = @id`
    )
    this.byNamePrefix = db.prepare<Record<string, unknown>, SummaryRow>(NAME_PREFIX_SQL)
    this.byNameWords = db.prepare<Record<string, unknown>, SummaryRow>(NAME_WORDS_SQL)
    this.nextCode = db.prepare<[], { value: number }>(
      `INSERT INTO sequences (name, value) VALUES ('patient_code', 1)
       ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`
    )
  }

  get(id: string): PatientRow | undefined {
    return this.byId.get(id)
  }

  findByIdNumber(idNumber: string): PatientRow | undefined {
    return this.byIdNumber.get(idNumber)
  }

  /**
   * Next facility patient code (MA_BN) for this desk, e.g. BN-Q1-00000042 (docs/adr/0029). One sequence per
   * database: a changed desk code carries on from where the old one stopped.
   */
  allocateCode(deskCode: string): string {
    const row = this.nextCode.get()
    return formatPatientCode(deskCode, row?.value ?? 1)
  }

  /** The patient that already holds a code, if any (codes are unique in a database). */
  findByCode(code: string): PatientRow | undefined {
    return this.byCode.get(code)
  }

  private params(w: PatientWrite): Record<string, unknown> {
    const f = w.form
    return {
      id: w.id,
      code: w.code,
      idNumber: f.idNumber,
      oldIdNumber: f.oldIdNumber,
      bhyt: f.bhytCardNumber,
      fullName: f.fullName,
      nameFolded: w.nameFolded,
      dob: f.dateOfBirth,
      sex: f.sex,
      address: f.address.text,
      formJson: JSON.stringify(f),
      guardianId: f.guardian?.patientId ?? null,
      guardianRelation: f.guardian?.relation ?? null,
      at: w.at
    }
  }

  insert(w: PatientWrite): void {
    this.insertStmt.run(this.params(w))
  }

  update(w: PatientWrite): void {
    this.updateStmt.run(this.params(w))
  }

  addHistory(patientId: string, at: string, before: PatientForm, changes: string[], reason: string): void {
    this.db
      .prepare(
        'INSERT INTO patient_history (patient_id, changed_at, before_json, changes_json, reason) VALUES (?, ?, ?, ?, ?)'
      )
      .run(patientId, at, JSON.stringify(before), JSON.stringify(changes), reason)
  }

  /** Exact identifier match: 12-digit ID, 9/12-digit old ID, or BHYT card number. */
  findByIdentifier(value: string, limit: number): PatientSummary[] {
    return this.db
      .prepare<[string, string, string, number], SummaryRow>(
        `SELECT ${summaryColumns} FROM patients
         WHERE merged_into IS NULL AND (id_number = ? OR old_id_number = ? OR bhyt_card_number = ?)
         ORDER BY updated_at DESC LIMIT ?`
      )
      .all(value, value, value.toUpperCase(), limit)
      .map(toSummary)
  }

  /** Prefix of the ID number (the clerk typing digits). */
  findByIdPrefix(prefix: string, limit: number): PatientSummary[] {
    return this.db
      .prepare<[string, string, number], SummaryRow>(
        `SELECT ${summaryColumns} FROM patients
         WHERE merged_into IS NULL AND id_number >= ? AND id_number < ? ORDER BY id_number LIMIT ?`
      )
      .all(prefix, prefix + '\u{10FFFF}', limit)
      .map(toSummary)
  }

  /**
   * Name search that stays fast at a million patients (docs/adr/0010): the name typed from its start is a range
   * on the (name_folded, date_of_birth) index that stops at the limit; words in another order ("nguyen hoa") go
   * through FTS, reading at most FTS_CAP hits instead of sorting every match of a common family name.
   */
  findByName(words: string[], dobPrefix: string | null, limit: number): PatientSummary[] {
    const prefix = words.join(' ')
    const first = this.byNamePrefix.all({ prefix, upper: `${prefix}~`, dob: dobPrefix, limit })
    if (first.length >= limit) return first.map(toSummary)
    const seen = new Set(first.map((r) => r.id))
    const more = this.byNameWords
      .all({ match: ftsMatch(words), dob: dobPrefix, limit, cap: FTS_CAP })
      .filter((r) => !seen.has(r.id))
    return [...first, ...more].slice(0, limit).map(toSummary)
  }

  visitsOf(patientId: string): VisitSummary[] {
    return this.db
      .prepare<
        [string],
        {
          id: string
          patient_id: string
          service_type: VisitSummary['serviceType']
          visited_at: string
          department: string | null
        }
      >(
        'SELECT id, patient_id, service_type, visited_at, department FROM visits WHERE patient_id = ? ORDER BY visited_at DESC'
      )
      .all(patientId)
      .map((v) => ({
        id: v.id,
        patientId: v.patient_id,
        serviceType: v.service_type,
        visitedAt: v.visited_at,
        department: v.department
      }))
  }
}

/** The newest live record carrying this old (9/12-digit) ID number. */
export function findLiveByOldIdNumber(db: Db, oldIdNumber: string): PatientRow | undefined {
  return db
    .prepare<[string], PatientRow>(
      'SELECT * FROM patients WHERE old_id_number = ? AND merged_into IS NULL ORDER BY updated_at DESC LIMIT 1'
    )
    .get(oldIdNumber)
}

/** A child's row as the children list shows it. */
export interface ChildRow extends SummaryRow {
  code: string
  guardian_relation: 'mother' | 'father' | 'guardian'
  birth_weight_grams: number | null
}

/** Live records registered under a guardian, youngest first. */
export function childRowsOf(db: Db, guardianId: string): ChildRow[] {
  return db
    .prepare<[string], ChildRow>(
      `SELECT id, code, full_name, date_of_birth, sex, id_number, bhyt_card_number, address_text, updated_at,
         guardian_relation, birth_weight_grams
       FROM patients WHERE guardian_patient_id = ? AND merged_into IS NULL ORDER BY date_of_birth DESC, created_at`
    )
    .all(guardianId)
}

export function setBirthWeight(db: Db, patientId: string, grams: number | null): void {
  db.prepare('UPDATE patients SET birth_weight_grams = ? WHERE id = ?').run(grams, patientId)
}

/** Continues patient codes after `value` (a bulk load that assigned codes itself). */
export function setPatientCodeSequence(db: Db, value: number): void {
  db.prepare(
    `INSERT INTO sequences (name, value) VALUES ('patient_code', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value`
  ).run(value)
}

/** SQLite's plan for the two statements of PatientsRepo.findByName (benchmarks show it beside the timings). */
export function explainNameSearch(db: Db, words: readonly string[]): string[] {
  const prefix = words.join(' ')
  const explain = (sql: string, params: Record<string, unknown>): string[] =>
    db
      .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params)
      .map((r) => r.detail)
  return [
    ...explain(NAME_PREFIX_SQL, { prefix, upper: `${prefix}~`, dob: null, limit: 20 }),
    ...explain(NAME_WORDS_SQL, { match: ftsMatch(words), dob: null, limit: 20, cap: FTS_CAP })
  ]
}

/** How many rows the full-text index matches for these folded words, before any limit. */
export function countNameWordMatches(db: Db, words: readonly string[]): number {
  return (
    db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM patients_fts WHERE patients_fts MATCH ?')
      .get(ftsMatch(words))?.n ?? 0
  )
}

/** How many patients this database holds (merged ones included: their codes were given out too). */
export function patientCount(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM patients').get()?.n ?? 0
}
