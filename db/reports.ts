import type { Db } from './connection'

/** A local date range, both ends included, as 'YYYY-MM-DD'. */
export interface DateRange {
  from: string
  to: string
}

/** The day after a 'YYYY-MM-DD' date, for half-open ranges on ISO timestamps. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

export interface ReportVisitRow {
  visit_id: string
  visited_at: string
  service_type: string
  patient_id: string
  patient_code: string
  full_name: string
  /** The form as sent for this visit (the outbox snapshot), or the record's current form when none is queued. */
  form_json: string
  /** chip | qr | manual: the latest identity read of the patient on the visit's day, else manual. */
  source: 'chip' | 'qr' | 'manual'
  /** Worst outbox status of the visit, null when nothing was queued. */
  sync_status: string | null
}

/**
 * Visits of the range with what the quality report needs. visited_at is written in the desk's local time with its
 * offset, so its first 10 characters are the local day and a string range uses the visits_visited_at index.
 */
export function visitsInRange(db: Db, range: DateRange): ReportVisitRow[] {
  return db
    .prepare<[{ from: string; to: string }], ReportVisitRow>(
      `SELECT v.id AS visit_id, v.visited_at, v.service_type, p.id AS patient_id, p.code AS patient_code, p.full_name,
         coalesce(
           (SELECT json_extract(o.payload_json, '$.patient.form') FROM outbox o WHERE o.visit_id = v.id
            ORDER BY o.id LIMIT 1),
           p.form_json) AS form_json,
         coalesce(
           (SELECT r.source FROM identity_reads r WHERE r.patient_id = v.patient_id
              AND date(r.read_at, 'localtime') = substr(v.visited_at, 1, 10)
            ORDER BY r.read_at DESC LIMIT 1),
           'manual') AS source,
         (SELECT o.status FROM outbox o WHERE o.visit_id = v.id
          ORDER BY CASE o.status WHEN 'dead' THEN 0 WHEN 'failed' THEN 1 WHEN 'sending' THEN 2 WHEN 'pending' THEN 3
            ELSE 4 END LIMIT 1) AS sync_status
       FROM visits v JOIN patients p ON p.id = v.patient_id
       WHERE v.visited_at >= @from AND v.visited_at < @to
       ORDER BY v.visited_at`
    )
    .all({ from: range.from, to: nextDay(range.to) })
}

/** Card and QR reads (and manual entries recorded as reads) by source, on the local days of the range. */
export function identityReadsBySource(db: Db, range: DateRange): Record<'chip' | 'qr' | 'manual', number> {
  const counts = { chip: 0, qr: 0, manual: 0 }
  const rows = db
    .prepare<[string, string], { source: 'chip' | 'qr' | 'manual'; n: number }>(
      `SELECT source, count(*) AS n FROM identity_reads
       WHERE date(read_at, 'localtime') BETWEEN ? AND ? GROUP BY source`
    )
    .all(range.from, range.to)
  for (const r of rows) counts[r.source] = r.n
  return counts
}

export interface DuplicateGroupRow {
  name_folded: string
  date_of_birth: string
  /** JSON array of {id, code, fullName, idNumber} for the live records sharing the folded name and birth date. */
  members_json: string
}

/** Live records sharing a folded name and birth date with a patient seen in the range (uses patients_name_dob). */
export function duplicateGroups(db: Db, range: DateRange): DuplicateGroupRow[] {
  return db
    .prepare<[{ from: string; to: string }], DuplicateGroupRow>(
      `WITH seen AS (
         SELECT DISTINCT p.name_folded, p.date_of_birth FROM visits v JOIN patients p ON p.id = v.patient_id
         WHERE v.visited_at >= @from AND v.visited_at < @to AND p.merged_into IS NULL)
       SELECT s.name_folded, s.date_of_birth,
         json_group_array(json_object('id', p.id, 'code', p.code, 'fullName', p.full_name, 'idNumber', p.id_number))
           AS members_json
       FROM seen s JOIN patients p ON p.name_folded = s.name_folded AND p.date_of_birth = s.date_of_birth
       WHERE p.merged_into IS NULL
       GROUP BY s.name_folded, s.date_of_birth HAVING count(*) > 1
       ORDER BY s.name_folded, s.date_of_birth`
    )
    .all({ from: range.from, to: nextDay(range.to) })
}

/** Chip reads of the range by passive-authentication result (valid | invalid | unchecked; no result yet = unchecked). */
export function chipVerification(
  db: Db,
  range: DateRange
): Record<'valid' | 'invalid' | 'unchecked', number> {
  const counts = { valid: 0, invalid: 0, unchecked: 0 }
  const rows = db
    .prepare<[string, string], { status: string | null; n: number }>(
      `SELECT json_extract(verification_json, '$.status') AS status, count(*) AS n FROM identity_reads
       WHERE source = 'chip' AND date(read_at, 'localtime') BETWEEN ? AND ? GROUP BY 1`
    )
    .all(range.from, range.to)
  for (const r of rows) {
    const key = r.status === 'valid' || r.status === 'invalid' ? r.status : 'unchecked'
    counts[key] += r.n
  }
  return counts
}

export interface SubmissionTimeRow {
  visit_id: string
  visited_at: string
  target: 'his' | 'emch'
  status: string
  /** When the receiver's receipt was recorded (the row turned 'sent'); null while it has not. */
  received_at: string | null
}

/**
 * Each queued submission of the range's visits with the time its receipt came back. A row turns 'sent' only on the
 * receiver's receipt (migration 004) and is not touched afterwards, so updated_at of a sent row is the receipt time.
 */
export function submissionTimes(db: Db, range: DateRange): SubmissionTimeRow[] {
  return db
    .prepare<[{ from: string; to: string }], SubmissionTimeRow>(
      `SELECT v.id AS visit_id, v.visited_at, o.target, o.status,
         CASE WHEN o.status = 'sent' THEN o.updated_at END AS received_at
       FROM visits v JOIN outbox o ON o.visit_id = v.id
       WHERE v.visited_at >= @from AND v.visited_at < @to
       ORDER BY v.visited_at, o.target`
    )
    .all({ from: range.from, to: nextDay(range.to) })
}
