import { trustOf } from './card-state'
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
import { applyCardForm, type FieldConflict } from './apply-identity'
import { idleCard, nextCardState, type CardState } from './card-state'
import { emptyForm, fromPatientForm, type FieldName, type FormState } from './form-state'

export type Notice = { kind: 'ok'; text: string } | { kind: 'error'; error: AppErrorValue } | null
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
    returning: null
  }
}

/** The form after a coded read: a different person starts over, the clerk's typing survives for the same one. */
function applyCoded(s: ReceptionState, a: Extract<ReceptionAction, { type: 'coded' }>): ReceptionState {
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
  return {
    ...s,
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
    case 'edit':
      return {
        ...s,
        form: { ...s.form, [a.field]: a.value },
        touched: new Set(s.touched).add(a.field),
        notice: null
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
          return { ...s, card, marks }
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
      return { ...s, showAll: true, notice: null }
    case 'saving':
      return { ...s, showAll: true, saving: true }
    case 'saved':
      return {
        ...s,
        saving: false,
        notice: { kind: 'ok', text: a.text },
        patientId: a.patientId ?? s.patientId
      }
    case 'saveFailed':
      // The form keeps everything the clerk typed: nothing is lost on an error.
      return { ...s, saving: false, notice: { kind: 'error', error: a.error } }
    case 'reset':
      return { ...initialReceptionState(null), webcam: s.webcam, saving: s.saving }
  }
}
