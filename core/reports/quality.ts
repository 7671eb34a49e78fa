import type { Db } from '../../db/connection'
import {
  chipVerification,
  type DateRange,
  duplicateGroups,
  identityReadsBySource,
  submissionTimes,
  visitsInRange
} from '../../db/reports'
import { timelinessByDay, type TimelinessDay } from './timeliness'
import { AppError } from '../../contract/errors'
import { bhytStatusOfVisits } from '../../db/bhyt-checks'
import { isMessageKey, localized, type Localized, type MessageParams } from '../../contract/messages'
import { type PatientForm, patientFormSchema } from '../../contract/patient'
import {
  type AdminCatalog,
  checkXml1AdministrativeFields,
  defaultAdminCatalog,
  xml1AdministrativeFields,
  type Xml1AdministrativeFields
} from '../coding'
import { idNumberFindings } from '../../contract/rules/id-number'

export type { DateRange } from '../../db/reports'
export type { TimelinessDay } from './timeliness'

type Source = 'chip' | 'qr' | 'manual'

/** XML1 fields the "Đủ" check requires of every record (docs/health-data.md §8), with the label the province reads. */
export const requiredXml1Fields: readonly { field: keyof Xml1AdministrativeFields; label: string }[] = [
  { field: 'HO_TEN', label: 'Họ tên' },
  { field: 'NGAY_SINH', label: 'Ngày sinh' },
  { field: 'GIOI_TINH', label: 'Giới tính' },
  { field: 'MA_QUOCTICH', label: 'Quốc tịch' },
  { field: 'MA_DANTOC', label: 'Dân tộc' },
  { field: 'MA_NGHE_NGHIEP', label: 'Nghề nghiệp' },
  { field: 'DIA_CHI', label: 'Địa chỉ' },
  { field: 'MATINH_CU_TRU', label: 'Mã tỉnh cư trú' },
  { field: 'MAXA_CU_TRU', label: 'Mã xã cư trú' }
]

export interface FieldCompleteness {
  field: keyof Xml1AdministrativeFields
  label: string
  filled: number
  total: number
  /** 0–100, one decimal. */
  percent: number
}

export interface DuplicateGroup {
  fullName: string
  dateOfBirth: string
  members: { id: string; code: string; fullName: string; idNumber: string | null }[]
}

export interface InvalidRecord {
  visitId: string
  visitedAt: string
  patientId: string
  patientCode: string
  fullName: string
  /** Vietnamese, as the province reads them. */
  reasons: string[]
  /** The same reasons as catalogue keys + params, for a screen in another language. */
  reasonRefs: { key: string; params?: MessageParams }[]
}

/** Counts of one local day and one service: what a province can add up across facilities (no names, no IDs). */
export interface DailyAggregate {
  day: string
  serviceType: string
  visits: number
  patients: number
  bySource: Record<Source, number>
  /** Visits whose record fails a check. */
  invalid: number
  codedAddresses: number
  /** Required XML1 fields present, per field (keys of requiredXml1Fields). */
  filled: Record<string, number>
}

/** Who the report is about: the facility code (MA_CSKCB) and name, as configured on the desk. */
export interface ReportFacility {
  code: string | null
  name: string | null
}

export interface QualityReport {
  facility: ReportFacility
  range: DateRange
  generatedAt: string
  visits: number
  patients: number
  /** Đúng: where the identity of each visit came from (chip, QR, typed). */
  visitsBySource: Record<Source, number>
  /** Every card/QR read recorded on those days, whether or not it was saved as a visit. */
  readsBySource: Record<Source, number>
  /** Đúng: chip reads whose data the card's signature (EF.SOD, passive authentication) confirmed. */
  chipVerification: Record<'valid' | 'invalid' | 'unchecked', number>
  /** Đủ: required XML1 fields present, per field, over the visits. */
  completeness: FieldCompleteness[]
  /** Đủ/Đúng: visits whose address carries a commune code. */
  codedAddresses: { coded: number; total: number; percent: number }
  /** Sạch: live records sharing a folded name and birth date with someone seen in the range. */
  duplicates: DuplicateGroup[]
  /** Đúng: visits whose record fails a check, with the reasons in Vietnamese. */
  invalid: InvalidRecord[]
  /** Sống: where each visit's submission stands. */
  sync: Record<'sent' | 'pending' | 'failed' | 'dead' | 'notQueued', number>
  /** Sống: per day and target, the time from visit to the receiver's receipt. */
  timeliness: TimelinessDay[]
  /** Per patient rather than per visit: people seen once, seen again, and with a flawed record. */
  perPatient: { patients: number; seenOnce: number; seenSeveral: number; withInvalid: number }
  /** Counts per day and service, for the aggregate-only export. */
  daily: DailyAggregate[]
  /** Đúng: the visits' BHYT cards by the state of their current check; unverified ones still wait for BHXH. */
  bhytCards: Record<'verified' | 'refused' | 'unverified', number>
}

const percent = (n: number, total: number): number => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10)

function checkRange(range: DateRange): void {
  const date = /^\d{4}-\d{2}-\d{2}$/
  if (!date.test(range.from) || !date.test(range.to) || range.from > range.to)
    throw AppError.of('VALIDATION', 'error.report.dateRange')
}

/** Every reason a visit's record would fail the province's audit, worded for the person who fixes it (Vietnamese). */
export function validationProblems(form: unknown, visitDate: string, catalog: AdminCatalog): string[] {
  return validationReasons(form, visitDate, catalog).map((r) => r.message)
}

/**
 * The same reasons as catalogue texts. The ID-number checks use the reception screen's warning texts: one problem,
 * one wording, wherever it is found.
 */
export function validationReasons(form: unknown, visitDate: string, catalog: AdminCatalog): Localized[] {
  const parsed = patientFormSchema.safeParse(form)
  if (!parsed.success)
    return parsed.error.issues.map((i) =>
      localized('report.reason.invalidField', { path: i.path.join('.') || '—' })
    )
  const f: PatientForm = parsed.data
  const reasons: Localized[] = []
  const fields = xml1AdministrativeFields(f, visitDate)
  for (const p of checkXml1AdministrativeFields(fields, visitDate, f.address.unitListVersion, catalog)) {
    const label = isMessageKey(`label.xml1.${p.field}`) ? `label.xml1.${p.field}` : p.field
    reasons.push(localized(`report.reason.${p.kind}`, { label, field: p.field, max: p.max ?? 0 }))
  }
  const idFindings = f.idNumber === null ? [] : idNumberFindings(f.idNumber, f.dateOfBirth, f.sex)
  for (const x of idFindings) {
    if (x.kind === 'sex-mismatch')
      reasons.push(
        localized('warning.ID_SEX_MISMATCH', {
          givenSex: `label.sex.${x.sex}`,
          idSex: `label.sex.${x.parts.sex}`
        })
      )
    if (x.kind === 'birth-year-mismatch')
      reasons.push(
        localized('warning.ID_BIRTH_YEAR_MISMATCH', { birthYear: x.birthYear, idYear: x.parts.birthYear })
      )
  }
  if (f.bhytCardNumber !== null && !/^[A-Z]{2}[1-5]\d{12}$/.test(f.bhytCardNumber))
    reasons.push(localized('report.reason.bhytFormat'))
  if (f.dateOfBirth > visitDate) reasons.push(localized('report.reason.dobAfterVisit'))
  return reasons
}

/**
 * The "Đúng – Đủ – Sạch – Sống" data-quality report of a facility for a date range (docs/health-data.md §8), over the
 * visits of those days and the form each one was submitted with.
 */
export function buildQualityReport(
  db: Db,
  range: DateRange,
  options: { now?: Date; catalog?: AdminCatalog; facility?: ReportFacility } = {}
): QualityReport {
  checkRange(range)
  const catalog = options.catalog ?? defaultAdminCatalog()
  const rows = visitsInRange(db, range)
  const visitsBySource: Record<Source, number> = { chip: 0, qr: 0, manual: 0 }
  const filled = new Map<keyof Xml1AdministrativeFields, number>()
  const sync = { sent: 0, pending: 0, failed: 0, dead: 0, notQueued: 0 }
  const invalid: InvalidRecord[] = []
  let coded = 0
  const daily = new Map<string, DailyAggregate & { patientIds: Set<string> }>()
  const visitsPerPatient = new Map<string, number>()

  for (const row of rows) {
    visitsBySource[row.source] += 1
    visitsPerPatient.set(row.patient_id, (visitsPerPatient.get(row.patient_id) ?? 0) + 1)
    const dayKey = `${row.visited_at.slice(0, 10)}|${row.service_type}`
    const day = daily.get(dayKey) ?? {
      day: row.visited_at.slice(0, 10),
      serviceType: row.service_type,
      visits: 0,
      patients: 0,
      bySource: { chip: 0, qr: 0, manual: 0 },
      invalid: 0,
      codedAddresses: 0,
      filled: Object.fromEntries(requiredXml1Fields.map(({ field }) => [field, 0])),
      patientIds: new Set<string>()
    }
    daily.set(dayKey, day)
    day.visits += 1
    day.patientIds.add(row.patient_id)
    day.bySource[row.source] += 1
    const visitDate = row.visited_at.slice(0, 10)
    const form = JSON.parse(row.form_json) as PatientForm
    const parsed = patientFormSchema.safeParse(form)
    if (parsed.success) {
      const fields = xml1AdministrativeFields(parsed.data, visitDate)
      for (const { field } of requiredXml1Fields)
        if (fields[field] !== '') {
          filled.set(field, (filled.get(field) ?? 0) + 1)
          day.filled[field] = (day.filled[field] ?? 0) + 1
        }
      if (parsed.data.address.communeCode !== null) {
        coded += 1
        day.codedAddresses += 1
      }
    }
    const reasons = validationReasons(form, visitDate, catalog)
    if (reasons.length > 0) day.invalid += 1
    if (reasons.length > 0)
      invalid.push({
        visitId: row.visit_id,
        visitedAt: row.visited_at,
        patientId: row.patient_id,
        patientCode: row.patient_code,
        fullName: row.full_name,
        reasons: reasons.map((r) => r.message),
        reasonRefs: reasons.map(({ key, params }) => (params ? { key, params } : { key }))
      })
    const status = row.sync_status
    if (status === null) sync.notQueued += 1
    else if (status === 'sending') sync.pending += 1
    else if (status in sync) sync[status as keyof typeof sync] += 1
  }

  const total = rows.length
  const perVisit = [...visitsPerPatient.values()]
  return {
    facility: options.facility ?? { code: null, name: null },
    range,
    generatedAt: (options.now ?? new Date()).toISOString(),
    visits: total,
    patients: new Set(rows.map((r) => r.patient_id)).size,
    visitsBySource,
    readsBySource: identityReadsBySource(db, range),
    chipVerification: chipVerification(db, range),
    completeness: requiredXml1Fields.map(({ field, label }) => ({
      field,
      label,
      filled: filled.get(field) ?? 0,
      total,
      percent: percent(filled.get(field) ?? 0, total)
    })),
    codedAddresses: { coded, total, percent: percent(coded, total) },
    duplicates: duplicateGroups(db, range).map((g) => {
      const members = JSON.parse(g.members_json) as DuplicateGroup['members']
      return { fullName: members[0]?.fullName ?? g.name_folded, dateOfBirth: g.date_of_birth, members }
    }),
    invalid,
    sync,
    timeliness: timelinessByDay(submissionTimes(db, range)),
    perPatient: {
      patients: perVisit.length,
      seenOnce: perVisit.filter((n) => n === 1).length,
      seenSeveral: perVisit.filter((n) => n > 1).length,
      withInvalid: new Set(invalid.map((i) => i.patientId)).size
    },
    daily: [...daily.values()]
      .sort((a, b) =>
        a.day === b.day ? a.serviceType.localeCompare(b.serviceType) : a.day.localeCompare(b.day)
      )
      .map(({ patientIds, ...d }) => ({ ...d, patients: patientIds.size })),
    bhytCards: bhytStatusOfVisits(db, range)
  }
}
