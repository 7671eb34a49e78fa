import type { Db } from './connection'

/**
 * The candidate queries of duplicate detection (core/patients/matching.ts scores them). Only live records;
 * each query walks an index (docs/adr/0010).
 */
export interface MatchRow {
  id: string
  full_name: string
  name_folded: string
  date_of_birth: string
  sex: 'male' | 'female' | 'other'
  id_number: string | null
  old_id_number: string | null
  bhyt_card_number: string | null
  address_text: string
  form_json: string
  updated_at: string
}

const columns =
  'id, full_name, name_folded, date_of_birth, sex, id_number, old_id_number, bhyt_card_number, address_text, form_json, updated_at'
const active = `merged_into IS NULL`

export function matchByIdNumber(db: Db, idNumber: string): MatchRow[] {
  return db
    .prepare<[string], MatchRow>(`SELECT ${columns} FROM patients WHERE id_number = ? AND ${active}`)
    .all(idNumber)
}

/** Records whose old ID is either number of the form, or whose ID is the form's old ID. */
export function matchByOldId(db: Db, oldIdNumber: string | null, idNumber: string | null): MatchRow[] {
  return db
    .prepare<[{ old: string | null; now: string | null }], MatchRow>(
      `SELECT ${columns} FROM patients
       WHERE ${active} AND (old_id_number = @old OR old_id_number = @now OR id_number = @old)`
    )
    .all({ old: oldIdNumber, now: idNumber })
}

/** Records whose BHYT card carries this 10-digit social-insurance number (characters 6–15 of the card code). */
export function matchBySocialInsurance(db: Db, bhxh: string): MatchRow[] {
  return db
    .prepare<[string], MatchRow>(
      `SELECT ${columns} FROM patients
       WHERE ${active} AND bhyt_card_number IS NOT NULL AND substr(bhyt_card_number, 6) = ?`
    )
    .all(bhxh)
}

export function matchByBirthDate(db: Db, dateOfBirth: string): MatchRow[] {
  return db
    .prepare<[string], MatchRow>(
      `SELECT ${columns} FROM patients WHERE ${active} AND date_of_birth = ? LIMIT 500`
    )
    .all(dateOfBirth)
}

/** Namesakes (same folded name) born in the given year, full or partial dates alike. */
export function matchByNameAndYear(db: Db, nameFolded: string, year: string): MatchRow[] {
  return db
    .prepare<[string, string, string], MatchRow>(
      `SELECT ${columns} FROM patients
       WHERE ${active} AND name_folded = ? AND date_of_birth >= ? AND date_of_birth < ? LIMIT 100`
    )
    .all(nameFolded, year, `${year}~`)
}
