import { trustOf } from './card-state'
import { isTamperedChip } from '../../../contract/rules/chip-tamper'
import type { MessageCarrier } from '../i18n/format'
/**
 * The reception form's one state model: everything the screen shows, changed only by the actions below. Pure
 * (no React, no bridge), so what a card, a scan or the clerk does to the form can be tested on its own.
 */
import type { AppErrorValue } from '../../../contract/errors'
import type { IdentitySource } from '../../../contract/identity'
import type { PatientRecord } from '../../../contract/patient'
import type {
  AddressCandidateValue,
  CardEvent,
  CodedIdentity,
  ReadingWarning,
  ReturningPatient
} from '../../../contract/reading'
import { ID_CHECKED_FIELDS, withIdWarnings } from './id-warnings'
import { applyCardForm, type FieldConflict } from './apply-identity'
import { idleCard, nextCardState, type CardState } from './card-state'
import { emptyForm, fromPatientForm, type FieldName, type FormState } from './form-state'

export type Notice = { kind: 'ok'; text: string } | { kind: 'error'; error: AppErrorValue } | null
/** A question the clerk answers before the save goes through (each asked once per save). */
export type SaveAsk = { kind: 'noCommune' } | { kind: 'sameDay'; time: string } | { kind: 'tamperedChip' }
export type SaveAskKind = SaveAsk['kind']

/** Where a field's value came from: the QR, the chip, or the chip with its signature checked. */
export type Mark = 'qr' | 'chip' | 'verified' | 'altered'

export interface ReceptionState {
  form: FormState
  /** The record being edited (opened, recognised from a card, or just saved); null for a new patient. */
  patientId: string | null
  touched: ReadonlySet<FieldName>
  /** After a save attempt every error shows, not only those of touched fields. */
  showAll: boolean
  saving: boolean
  notice: Notice
  guardianLookup: 'linked' | 'none' | null
  marks: Partial<Record<FieldName, Mark>>
  conflicts: FieldConflict[]
  candidates: AddressCandidateValue[]
  addressNote: MessageCarrier | null
  warnings: ReadingWarning[]
  read: { id: string; source: IdentitySource } | null
  card: CardState
  intakeNote: string | null
  scanError: AppErrorValue | null
  webcam: boolean
  returning: ReturningPatient | null
  /** Saved: the form shows what was saved, read-only, until "Nhập mới" or the next card (ADR 0025). */
  locked: boolean
  /** The question open before saving, and what the clerk already said yes to for this form. */
  ask: SaveAsk | null
  confirmed: Readonly<Record<SaveAskKind, boolean>>
  /** The chip failed its signature or anti-clone check: red banner, QR values kept, save needs a yes. */
  tampered: boolean
  /** What each field held before the chip changed it (the QR's value), to put back if the chip is tampered. */
  beforeChip: Partial<Record<FieldName, string>>
  /** Bumped when a save is blocked: the screen moves the focus to the first invalid field. */
  focusErrorTick: number
}

export type ReceptionAction =
  | { type: 'edit'; field: FieldName; value: FormState[FieldName] }
  /** A card or QR read, coded; `stored` is the record on file when the patient is returning. */
  | {
      type: 'coded'
      coded: CodedIdentity
      source: 'qr' | 'chip'
      readId: string
      stored: FormState | null
      note: string
    }
  | { type: 'card'; event: Exclude<CardEvent, { type: 'identity' }> }
  | { type: 'scanError'; error: AppErrorValue }
  | { type: 'chooseAddress'; candidate: AddressCandidateValue }
  | { type: 'resolveConflict'; conflict: FieldConflict; useCard: boolean }
  | { type: 'guardianFound'; guardian: { id: string; fullName: string } | null }
  | { type: 'webcam'; open: boolean }
  | { type: 'saveBlocked' }
  | { type: 'saving' }
  | { type: 'saved'; text: string; patientId: string | null }
  | { type: 'saveFailed'; error: AppErrorValue }
  | { type: 'reset' }
  | { type: 'ask'; ask: SaveAsk }
  | { type: 'answer'; yes: boolean }

export function initialReceptionState(opened: PatientRecord | null): ReceptionState {
  return {
    form: opened ? fromPatientForm(opened.form) : emptyForm(),
    patientId: opened?.id ?? null,
    touched: new Set(),
    showAll: false,
    saving: false,
    notice: null,
    guardianLookup: null,
    marks: {},
    conflicts: [],
    candidates: [],
    addressNote: null,
    warnings: [],
    read: null,
    card: idleCard,
    intakeNote: null,
    scanError: null,
    webcam: false,
    returning: null,
    locked: false,
    ask: null,
    confirmed: noneConfirmed,
    tampered: false,
    beforeChip: {},
    focusErrorTick: 0
  }
}

const noneConfirmed: Record<SaveAskKind, boolean> = { noCommune: false, sameDay: false, tamperedChip: false }

/** The form field a reading warning is about (warnings name contract paths: dateOfBirth, address…). */
function warningField(field: string | null): FieldName | null {
  if (field === null) return null
  if (field === 'dateOfBirth') return 'dob'
  if (field.startsWith('address')) return field === 'address.text' ? 'addressText' : 'communeCode'
  return field as FieldName
}

/** Whether a note about `field` (a contract path) still stands after the clerk edited or picked `changed`. */
function untouchedBy(field: string | null, changed: FieldName): boolean {
  const f = warningField(field)
  return f === null || (f !== changed && !(f === 'communeCode' && changed === 'addressText'))
}

/** Warnings still true of the form: one about a field goes once the clerk edits or picks that field. */
function liveWarnings(warnings: ReadingWarning[], changed: FieldName): ReadingWarning[] {
  return warnings.filter((w) => untouchedBy(w.field, changed))
}

/** The returning patient's "card changes X" list: a field the clerk has since set herself is no longer the card's. */
function liveReturning(returning: ReturningPatient | null, changed: FieldName): ReturningPatient | null {
  if (!returning) return null
  const changes = returning.changes.filter((c) => untouchedBy(c.field, changed))
  return changes.length === returning.changes.length ? returning : { ...returning, changes }
}

/** A chip that failed its checks: the values it changed go back to the QR's, the chip's become conflicts. */
function distrustChip(s: ReceptionState): ReceptionState {
  const form = { ...s.form } as unknown as Record<string, unknown>
  const marks = { ...s.marks }
  const conflicts = [...s.conflicts]
  for (const [field, before] of Object.entries(s.beforeChip) as [FieldName, string][]) {
    const chipValue = String(s.form[field] ?? '')
    if (!before || chipValue === before) continue
    if (!conflicts.some((c) => c.field === field))
      conflicts.push({ field: field as FieldConflict['field'], cardValue: chipValue })
    form[field] = before
    marks[field] = 'qr'
  }
  return { ...s, form: form as unknown as FormState, marks, conflicts, beforeChip: {}, tampered: true }
}

/** The form after a coded read: a different person starts over, the clerk's typing survives for the same one. */
function applyCoded(current: ReceptionState, a: Extract<ReceptionAction, { type: 'coded' }>): ReceptionState {
  // A saved (locked) form is done with: the card on the desk is the next patient's, or a new visit.
  const s = current.locked ? { ...initialReceptionState(null), webcam: current.webcam } : current
  const { coded, source, stored } = a
  const prev = s.form
  // A saved form, or one about someone else, starts over: the next patient is at the desk.
  // A returning patient starts from the record on file (phone, BHYT… stay), with the visit being typed.
  const other = Boolean(prev.idNumber && coded.form.idNumber && prev.idNumber !== coded.form.idNumber)
  const visit = { serviceType: prev.serviceType, department: prev.department, reason: prev.reason }
  // What the clerk typed for this patient survives; the record on file fills everything else.
  const typed = other ? {} : Object.fromEntries([...s.touched].map((f) => [f, prev[f]] as const))
  const base: FormState = stored ? { ...stored, ...visit, ...typed } : other ? emptyForm() : prev
  const edited = other ? new Set<FieldName>() : s.touched
  const r = applyCardForm(base, edited, coded.form)
  const marks: Partial<Record<FieldName, Mark>> = other ? {} : { ...s.marks }
  for (const f of r.filled) if (marks[f] !== 'verified') marks[f] = source
  // The chip vouches for what the QR filled when it says the same.
  if (source === 'chip') for (const f of r.confirmed) if (marks[f] !== 'verified') marks[f] = 'chip'
  // What the QR had put there before the chip changed it, in case the chip turns out to be tampered.
  const beforeChip: Partial<Record<FieldName, string>> = other ? {} : { ...s.beforeChip }
  if (source === 'chip') for (const f of r.filled) beforeChip[f] ??= String(base[f] ?? '')
  return {
    ...s,
    beforeChip,
    form: r.state,
    touched: other ? new Set() : s.touched,
    conflicts: r.conflicts,
    marks,
    patientId: coded.returning?.patientId ?? null,
    returning: coded.returning,
    candidates: coded.form.address.communeCode ? [] : coded.addressCandidates,
    addressNote: coded.addressNote === null ? null : { ...coded.addressNoteRef, message: coded.addressNote },
    warnings: coded.warnings,
    read: { id: a.readId, source },
    notice: null,
    scanError: null,
    intakeNote: a.note
  }
}

export function receptionReducer(s: ReceptionState, a: ReceptionAction): ReceptionState {
  switch (a.type) {
    case 'edit': {
      if (s.locked) return s
      const form = { ...s.form, [a.field]: a.value }
      const live = liveWarnings(s.warnings, a.field)
      return {
        ...s,
        form,
        touched: new Set(s.touched).add(a.field),
        // The ID-number checks compare three fields: an edit of any of them re-runs them on the current form.
        warnings: ID_CHECKED_FIELDS.has(a.field) ? withIdWarnings(form, live, new Date()) : live,
        returning: liveReturning(s.returning, a.field),
        notice: null
      }
    }
    case 'coded':
      return applyCoded(s, a)
    case 'card': {
      const card = nextCardState(s.card, a.event)
      // 'Chip ✓' only when the signature chains to an imported CSCA and the chip is not a clone (ADR 0018);
      // altered data or a clone marks every chip-filled field 'Chip ✗'.
      if (a.event.type === 'verified') {
        const v = a.event.passiveAuthentication
        const clone =
          v.activeAuthentication?.status === 'invalid' || v.chipAuthentication?.status === 'invalid'
        const trust = trustOf(v)
        const next: Mark | null =
          clone || trust === 'altered' ? 'altered' : trust === 'verified' ? 'verified' : null
        if (next) {
          const marks = Object.fromEntries(
            Object.entries(s.marks).map(([k, mk]) => [k, mk === 'chip' || mk === 'verified' ? next : mk])
          ) as ReceptionState['marks']
          const marked = { ...s, card, marks }
          return isTamperedChip(v) ? distrustChip(marked) : marked
        }
      }
      return { ...s, card }
    }
    case 'scanError':
      return { ...s, scanError: a.error }
    case 'chooseAddress':
      return {
        ...s,
        form: {
          ...s.form,
          provinceCode: a.candidate.provinceCode,
          communeCode: a.candidate.communeCode,
          unitListVersion: a.candidate.unitListVersion
        },
        touched: new Set(s.touched).add('communeCode'),
        warnings: liveWarnings(s.warnings, 'communeCode'),
        candidates: []
      }
    case 'resolveConflict': {
      const c = a.conflict
      const conflicts = s.conflicts.filter((x) => x !== c)
      if (!a.useCard) return { ...s, conflicts }
      return {
        ...s,
        conflicts,
        form: { ...s.form, [c.field]: c.cardValue },
        marks: { ...s.marks, [c.field]: s.read?.source === 'chip' ? 'chip' : 'qr' }
      }
    }
    case 'guardianFound':
      return a.guardian
        ? {
            ...s,
            form: { ...s.form, guardianPatientId: a.guardian.id, guardianName: a.guardian.fullName },
            guardianLookup: 'linked'
          }
        : { ...s, form: { ...s.form, guardianPatientId: null }, guardianLookup: 'none' }
    case 'webcam':
      return { ...s, webcam: a.open }
    case 'saveBlocked':
      return { ...s, showAll: true, notice: null, focusErrorTick: s.focusErrorTick + 1 }
    case 'saving':
      return { ...s, showAll: true, saving: true }
    case 'saved':
      return {
        ...s,
        saving: false,
        notice: { kind: 'ok', text: a.text },
        patientId: a.patientId ?? s.patientId,
        locked: true,
        ask: null,
        confirmed: noneConfirmed
      }
    case 'saveFailed':
      // The form keeps everything the clerk typed: nothing is lost on an error.
      return { ...s, saving: false, notice: { kind: 'error', error: a.error } }
    case 'ask':
      return { ...s, saving: false, ask: a.ask, notice: null }
    case 'answer':
      if (!s.ask) return s
      return a.yes
        ? { ...s, ask: null, confirmed: { ...s.confirmed, [s.ask.kind]: true } }
        : { ...s, ask: null }
    case 'reset':
      return { ...initialReceptionState(null), webcam: s.webcam, saving: s.saving }
  }
}
