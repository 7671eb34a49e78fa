import { localized, type Localized, type MessageKey, type MessageParams } from '../../contract/messages'
import type { Db } from '../../db/connection'
import { toSummary } from '../../db/patients'
import {
  matchByBirthDate,
  matchByIdNumber,
  matchByNameAndYear,
  matchByOldId,
  matchBySocialInsurance,
  type MatchRow
} from '../../db/patient-matching'
import type { PatientForm, PatientSummary } from '../../contract/patient'
import { foldVietnamese } from '../../contract/rules/text'

/** How the existing record was recognised for certain. */
export type ExactMatchBy = 'idNumber' | 'oldIdNumber' | 'bhyt'

/** Why a record looks like the same person; the clerk sees the Vietnamese warning, the codes are for logic. */
export type MatchReason =
  | 'same_old_id_number'
  | 'same_bhyt'
  | 'same_name'
  | 'similar_name'
  | 'same_dob'
  | 'same_birth_year'
  | 'same_commune'
  | 'same_address'
  | 'same_phone'
  | 'different_id_number'
  | 'different_sex'

export interface MatchCandidate {
  patient: PatientSummary
  /** 0–1, higher is more likely the same person. */
  score: number
  reasons: MatchReason[]
  /** A warning for the clerk, never a block: the clerk decides (and may merge later). */
  warning: string
}

export interface MatchResult {
  exact: PatientSummary | null
  by: ExactMatchBy | null
  candidates: MatchCandidate[]
}

export interface MatchOptions {
  /** A record to leave out (the one being edited). */
  excludeId?: string | null
  /** At most this many fuzzy candidates (best first). */
  limit?: number
}

/** Two ID numbers that are both known and differ: two people, whatever else agrees. */
function idsConflict(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b
}

/** The 10-digit social-insurance number inside a 15-character BHYT card code (or the 10 digits themselves). */
export function socialInsuranceNumber(bhyt: string | null): string | null {
  if (bhyt === null) return null
  const compact = bhyt.replace(/\s+/g, '').toUpperCase()
  if (/^[A-Z]{2}\d{13}$/.test(compact)) return compact.slice(5)
  if (/^\d{10}$/.test(compact)) return compact
  return null
}

/**
 * Looks for the person behind a form before it is saved: an exact match on the ID number, the old ID number or
 * the BHYT card (social-insurance number) opens the existing record; a fuzzy match on the folded name and date of
 * birth (plus address and phone) only warns, because namesakes born on the same day exist.
 */
export function findMatches(db: Db, form: PatientForm, options: MatchOptions = {}): MatchResult {
  const excludeId = options.excludeId ?? null
  const limit = options.limit ?? 10
  // Each record counts once, under the strongest identifier that found it.
  const seen = new Set<string>()
  const collect = (rows: MatchRow[]): MatchRow[] =>
    rows.filter((r) => r.id !== excludeId && !seen.has(r.id) && seen.add(r.id) !== undefined)

  const byIdNumber = form.idNumber ? collect(matchByIdNumber(db, form.idNumber)) : []
  const byOldId =
    form.oldIdNumber !== null || form.idNumber !== null
      ? collect(matchByOldId(db, form.oldIdNumber, form.idNumber))
      : []
  const bhxh = socialInsuranceNumber(form.bhytCardNumber)
  const byBhyt = bhxh !== null ? collect(matchBySocialInsurance(db, bhxh)) : []

  let exact: MatchRow | null = byIdNumber[0] ?? null
  let by: ExactMatchBy | null = exact ? 'idNumber' : null
  const identifierHits: { row: MatchRow; reason: MatchReason }[] = []
  for (const [rows, kind, reason] of [
    [byOldId, 'oldIdNumber', 'same_old_id_number'],
    [byBhyt, 'bhyt', 'same_bhyt']
  ] as const) {
    for (const row of rows) {
      // A shared old ID or insurance number with a different new ID is a conflict for a person to look at.
      if (exact === null && !idsConflict(row.id_number, form.idNumber)) {
        exact = row
        by = kind
      } else identifierHits.push({ row, reason })
    }
  }

  const candidates = new Map<string, MatchCandidate>()
  for (const { row, reason } of identifierHits) {
    const scored = scoreCandidate(form, row)
    const reasons = [reason, ...scored.reasons.filter((r) => r !== reason)]
    candidates.set(row.id, {
      patient: toSummary(row),
      score: Math.max(0.9, scored.score),
      reasons,
      warning: warningFor(reasons)
    })
  }
  for (const row of fuzzyRows(db, form, excludeId)) {
    if (row.id === exact?.id || candidates.has(row.id)) continue
    const scored = scoreCandidate(form, row)
    if (scored.score < 0.6) continue
    candidates.set(row.id, {
      patient: toSummary(row),
      score: scored.score,
      reasons: scored.reasons,
      warning: warningFor(scored.reasons)
    })
  }
  return {
    exact: exact ? toSummary(exact) : null,
    by,
    candidates: [...candidates.values()].sort((a, b) => b.score - a.score).slice(0, limit)
  }
}

/** Everyone born on the same day, and namesakes born in the same year when either date is partial. */
function fuzzyRows(db: Db, form: PatientForm, excludeId: string | null): MatchRow[] {
  const sameDay = matchByBirthDate(db, form.dateOfBirth)
  const year = form.dateOfBirth.slice(0, 4)
  const sameNameYear = matchByNameAndYear(db, foldVietnamese(form.fullName), year).filter(
    (r) => r.date_of_birth.length < 10 || form.dateOfBirth.length < 10
  )
  return [...sameDay, ...sameNameYear].filter((r) => r.id !== excludeId)
}

interface Scored {
  score: number
  reasons: MatchReason[]
}

function scoreCandidate(form: PatientForm, row: MatchRow): Scored {
  const reasons: MatchReason[] = []
  const nameA = foldVietnamese(form.fullName)
  const nameB = row.name_folded
  const nameScore = nameSimilarity(nameA, nameB)
  if (nameScore === 1) reasons.push('same_name')
  else if (nameScore >= 0.8) reasons.push('similar_name')

  let dobScore = 0
  if (row.date_of_birth === form.dateOfBirth) {
    dobScore = 1
    reasons.push('same_dob')
  } else if (row.date_of_birth.slice(0, 4) === form.dateOfBirth.slice(0, 4)) {
    // A year-only date against a full one in the same year: probably the same birth, less precisely known.
    const partial = row.date_of_birth.length < 10 || form.dateOfBirth.length < 10
    dobScore = partial ? 0.7 : 0
    if (partial) reasons.push('same_birth_year')
  }

  const rowForm = JSON.parse(row.form_json) as PatientForm
  let placeScore = 0
  if (form.address.communeCode !== null && form.address.communeCode === rowForm.address.communeCode) {
    placeScore = 1
    reasons.push('same_commune')
  } else if (
    form.address.text !== '' &&
    foldVietnamese(form.address.text) === foldVietnamese(row.address_text)
  ) {
    placeScore = 1
    reasons.push('same_address')
  }
  let phoneScore = 0
  if (form.phone !== null && form.phone === rowForm.phone) {
    phoneScore = 1
    reasons.push('same_phone')
  }

  let score = 0.55 * nameScore + 0.3 * dobScore + 0.1 * placeScore + 0.05 * phoneScore
  if (nameScore < 0.8 || dobScore === 0) score = Math.min(score, 0.5)
  if (row.sex !== form.sex && row.sex !== 'other' && form.sex !== 'other') {
    score -= 0.2
    reasons.push('different_sex')
  }
  if (idsConflict(row.id_number, form.idNumber)) reasons.push('different_id_number')
  return { score: Math.max(0, Math.round(score * 100) / 100), reasons }
}

/**
 * 1 for the same folded name; otherwise 1 − edit distance / length, with the word order ignored
 * ("tran thi mai" vs "thi mai tran" scores as a near match, not as a stranger).
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1
  const sorted = (s: string): string => s.split(' ').sort().join(' ')
  const direct = 1 - levenshtein(a, b) / Math.max(a.length, b.length, 1)
  const reordered = sorted(a) === sorted(b) ? 0.9 : 0
  return Math.max(0, Math.min(0.99, Math.max(direct, reordered)))
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
    }
    prev = cur
  }
  return prev[b.length]!
}

const reasonText: Record<MatchReason, string> = {
  same_old_id_number: 'cùng số CMND cũ',
  same_bhyt: 'cùng mã số BHXH trên thẻ BHYT',
  same_name: 'trùng họ tên',
  similar_name: 'họ tên gần giống',
  same_dob: 'trùng ngày sinh',
  same_birth_year: 'cùng năm sinh',
  same_commune: 'cùng xã/phường',
  same_address: 'cùng địa chỉ',
  same_phone: 'cùng số điện thoại',
  different_id_number: 'nhưng số CCCD khác',
  different_sex: 'nhưng giới tính khác'
}

/** "Có thể trùng người: trùng họ tên, trùng ngày sinh, nhưng số CCCD khác. Hãy kiểm tra trước khi lưu." */
function warningFor(reasons: MatchReason[]): string {
  const positive = reasons.filter((r) => !r.startsWith('different_')).map((r) => reasonText[r])
  const negative = reasons.filter((r) => r.startsWith('different_')).map((r) => reasonText[r])
  return `Có thể trùng người: ${[...positive, ...negative].join(', ')}. Hãy kiểm tra trước khi lưu.`
}

/** One change a re-scan or an edit makes to a stored record, worded for the clerk (a catalogue text). */
export interface ChangeNote extends Localized {
  field: string
}

/**
 * A value inside a change note: `{{@before}}` shows a catalogue label (empty, Nam/Nữ, mother…) in the reader's
 * language and any other text as it is.
 */
const EMPTY: MessageKey = 'label.empty'

/** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' → 'dd/mm/yyyy' | 'mm/yyyy' | 'yyyy'. */
function viDate(date: string | null): string {
  if (date === null || date === '') return EMPTY
  return date.split('-').reverse().join('/')
}

function shown(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? EMPTY : value
}

/**
 * What a re-scan (or an edit) changes in a stored record, in Vietnamese, so the clerk confirms an update instead
 * of creating a second record: a new address, a new card (issue and expiry dates), a 12-digit ID replacing the old
 * 9-digit one, a new BHYT card, and so on. Fields the new form leaves empty are reported as cleared.
 */
export function describeChanges(before: PatientForm, after: PatientForm): ChangeNote[] {
  const notes: ChangeNote[] = []
  const note = (field: string, key: MessageKey, params: MessageParams): void => {
    notes.push({ field, ...localized(key, params) })
  }
  const changed = <T>(a: T, b: T): boolean => (a ?? null) !== (b ?? null)

  if (before.fullName.normalize('NFC') !== after.fullName.normalize('NFC'))
    note('fullName', 'change.fullName', { before: before.fullName, after: after.fullName })
  if (changed(before.dateOfBirth, after.dateOfBirth))
    note('dateOfBirth', 'change.dateOfBirth', {
      before: viDate(before.dateOfBirth),
      after: viDate(after.dateOfBirth)
    })
  if (changed(before.sex, after.sex))
    note('sex', 'change.sex', {
      before: `label.sexValue.${before.sex}`,
      after: `label.sexValue.${after.sex}`
    })

  if (changed(before.idNumber, after.idNumber)) {
    const replacesOld =
      before.idNumber === null &&
      after.idNumber !== null &&
      before.oldIdNumber !== null &&
      (after.oldIdNumber === null || after.oldIdNumber === before.oldIdNumber)
    if (replacesOld)
      note('idNumber', 'change.idNumber.replacesOld', {
        after: shown(after.idNumber),
        before: shown(before.oldIdNumber)
      })
    else if (before.idNumber === null)
      note('idNumber', 'change.idNumber.added', { after: shown(after.idNumber) })
    else note('idNumber', 'change.idNumber', { before: shown(before.idNumber), after: shown(after.idNumber) })
  }
  if (changed(before.oldIdNumber, after.oldIdNumber) && after.oldIdNumber !== null)
    note('oldIdNumber', 'change.oldIdNumber', { before: shown(before.oldIdNumber), after: after.oldIdNumber })

  if (changed(before.bhytCardNumber, after.bhytCardNumber)) {
    if (after.bhytCardNumber === null)
      note('bhytCardNumber', 'change.bhyt.removed', { before: shown(before.bhytCardNumber) })
    else if (before.bhytCardNumber === null)
      note('bhytCardNumber', 'change.bhyt.added', { after: after.bhytCardNumber })
    else note('bhytCardNumber', 'change.bhyt', { before: before.bhytCardNumber, after: after.bhytCardNumber })
  }

  if (foldVietnamese(before.address.text) !== foldVietnamese(after.address.text))
    note('address.text', 'change.address', {
      after: shown(after.address.text),
      before: shown(before.address.text)
    })
  else if (
    changed(before.address.communeCode, after.address.communeCode) ||
    changed(before.address.provinceCode, after.address.provinceCode)
  )
    note('address.communeCode', 'change.addressCodes', {
      provinceBefore: shown(before.address.provinceCode),
      communeBefore: shown(before.address.communeCode),
      provinceAfter: shown(after.address.provinceCode),
      communeAfter: shown(after.address.communeCode)
    })

  const cardA = before.cardDetails
  const cardB = after.cardDetails
  if (cardB !== null) {
    const issueChanged = changed(cardA?.issueDate, cardB.issueDate)
    const expiryChanged =
      changed(cardA?.expiryDate, cardB.expiryDate) || changed(cardA?.noExpiry, cardB.noExpiry)
    if (issueChanged || expiryChanged) {
      const expiry = (c: typeof cardA): string =>
        c?.noExpiry ? 'label.noExpiry' : viDate(c?.expiryDate ?? null)
      const issue = { issueBefore: viDate(cardA?.issueDate ?? null), issueAfter: viDate(cardB.issueDate) }
      const valid = { expiryBefore: expiry(cardA), expiryAfter: expiry(cardB) }
      if (issueChanged && expiryChanged)
        note('cardDetails', 'change.card.issueAndExpiry', { ...issue, ...valid })
      else if (issueChanged) note('cardDetails', 'change.card.issue', issue)
      else note('cardDetails', 'change.card.expiry', valid)
    }
  }

  for (const field of ['ethnicityCode', 'nationalityCode', 'occupationCode', 'phone'] as const) {
    if (changed(before[field], after[field]))
      note(field, `change.${field}`, { before: shown(before[field]), after: shown(after[field]) })
  }

  const gA = before.guardian
  const gB = after.guardian
  if (
    changed(gA?.patientId, gB?.patientId) ||
    changed(gA?.fullName, gB?.fullName) ||
    changed(gA?.relation, gB?.relation)
  )
    if (gB === null)
      note('guardian', 'change.guardian.unlinked', {
        relation: `label.relation.${gA?.relation ?? 'guardian'}`,
        name: gA?.fullName ?? ''
      })
    else
      note('guardian', 'change.guardian.linked', {
        relation: `label.relation.${gB.relation}`,
        name: gB.fullName
      })
  return notes
}
