import type { BhytCard, BhytCheckResult, BhytQrRead } from '../../../contract/bhyt'
import type { AppErrorValue } from '../../../contract/errors'
import { parseDob, type FormState } from './form-state'

/**
 * The BHYT card section's own state (docs/adr/0023): what was asked, the gateway's answer, what it filled and
 * where BHXH and the form disagree. Pure (no React, no bridge) and apart from the reception form's reducer, so the
 * form's model stays the one other sections share; the section writes to the form only through its binder.
 */
export interface BhytAsk {
  cardKey: string
  fullName: string
  dateOfBirth: string
}

export interface BhytAnswer {
  checkId: number
  result: BhytCheckResult
  elsewhereToday: boolean
}

/** A field where BHXH says something else than the form: the clerk chooses, nothing is overwritten silently. */
export interface HolderDifference {
  field: 'fullName' | 'dob' | 'sex' | 'bhytCardNumber'
  formValue: string
  bhxhValue: string
}

export type BhytPhase = 'idle' | 'needData' | 'checking' | 'answered' | 'notConfigured' | 'failed'

export interface BhytState {
  phase: BhytPhase
  asked: BhytAsk | null
  answer: BhytAnswer | null
  error: AppErrorValue | null
  /** The card as the BHYT/VssID QR showed it, until (and unless) BHXH answers. */
  qrCard: BhytCard | null
  /** The card number to put in the form once: into an empty field, or replacing it when BHXH switched the card. */
  pendingFill: { cardNumber: string; replace: boolean } | null
  /** The form's card number came from BHXH (shown as such). */
  filledFromBhxh: boolean
  differences: HolderDifference[]
  /** The check was saved with a visit: the next registration needs a new one. */
  used: boolean
}

export type BhytAction =
  | { type: 'ask'; ask: BhytAsk }
  | { type: 'answered'; answer: BhytAnswer; form: FormState }
  | { type: 'failed'; error: AppErrorValue }
  /** The clerk asked for a check the form cannot make yet (no ID or card number, name or date of birth). */
  | { type: 'needData' }
  | { type: 'qr'; read: BhytQrRead }
  | { type: 'filled' }
  | { type: 'resolve'; field: HolderDifference['field'] }
  | { type: 'useNewCard' }
  | { type: 'saved' }
  | { type: 'reset' }

export const initialBhytState: BhytState = {
  phase: 'idle',
  asked: null,
  answer: null,
  error: null,
  qrCard: null,
  pendingFill: null,
  filledFromBhxh: false,
  differences: [],
  used: false
}

const CARD_CODE = /^[A-Z]{2}\d{13}$/

/** What to ask the gateway with from the form: the 12-digit ID first, else the card code; null when incomplete. */
export function askFromForm(form: FormState, today: Date): BhytAsk | null {
  const id = form.idNumber.replace(/\s+/g, '')
  const card = form.bhytCardNumber.replace(/\s+/g, '').toUpperCase()
  const cardKey = /^\d{12}$/.test(id) ? id : CARD_CODE.test(card) ? card : null
  const dob = parseDob(form.dob, today)
  if (!cardKey || !form.fullName.trim() || 'error' in dob) return null
  return { cardKey, fullName: form.fullName.trim(), dateOfBirth: dob.iso }
}

const nameKey = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi')
/** YYYY-MM-DD → dd/mm/yyyy as the form shows a date. */
export const shownDate = (iso: string | null): string => {
  if (!iso) return ''
  const [y, m, d] = iso.split('-')
  return d && m ? `${d}/${m}/${y}` : m ? `${m}/${y}` : (y ?? '')
}

/** The card the form should carry after an answer: the new card when BHXH switched it (003), else the card. */
export function usableCard(result: BhytCheckResult): BhytCard | null {
  return result.usable ? result.card : null
}

/** Where BHXH's holder and card differ from the form (empty form fields are no difference: they get filled). */
export function holderDifferences(result: BhytCheckResult, form: FormState, today: Date): HolderDifference[] {
  const out: HolderDifference[] = []
  const h = result.holder
  if (h?.fullName && form.fullName.trim() && nameKey(h.fullName) !== nameKey(form.fullName))
    out.push({ field: 'fullName', formValue: form.fullName, bhxhValue: h.fullName.normalize('NFC') })
  const dob = parseDob(form.dob, today)
  if (h?.dateOfBirth && form.dob.trim() && !('error' in dob) && dob.iso !== h.dateOfBirth)
    out.push({ field: 'dob', formValue: form.dob, bhxhValue: shownDate(h.dateOfBirth) })
  if (h?.sex && form.sex && form.sex !== h.sex)
    out.push({ field: 'sex', formValue: form.sex, bhxhValue: h.sex })
  const card = usableCard(result)?.cardNumber
  const typed = form.bhytCardNumber.replace(/\s+/g, '').toUpperCase()
  const switched = result.action === 'switch-to-new-card'
  if (card && typed && !switched && typed !== card && typed !== result.newCard?.cardNumber)
    out.push({ field: 'bhytCardNumber', formValue: form.bhytCardNumber, bhxhValue: card })
  return out
}

export function bhytReducer(s: BhytState, a: BhytAction): BhytState {
  switch (a.type) {
    case 'ask':
      return { ...s, phase: 'checking', asked: a.ask, error: null, used: false }
    case 'answered': {
      const card = usableCard(a.answer.result)?.cardNumber ?? null
      const typed = a.form.bhytCardNumber.trim().toUpperCase()
      // A replaced card (003) is switched to the new one even over the old number; otherwise only an empty field.
      const replace = a.answer.result.action === 'switch-to-new-card'
      return {
        ...s,
        phase: 'answered',
        answer: a.answer,
        error: null,
        pendingFill: card && (!typed || (replace && typed !== card)) ? { cardNumber: card, replace } : null,
        filledFromBhxh: Boolean(card && typed === card),
        differences: holderDifferences(a.answer.result, a.form, new Date())
      }
    }
    case 'failed':
      return {
        ...s,
        phase: a.error.code === 'CONFIG_INVALID' ? 'notConfigured' : 'failed',
        error: a.error,
        answer: null
      }
    case 'needData':
      return { ...s, phase: 'needData', error: null }
    case 'qr':
      return { ...initialBhytState, qrCard: a.read.card }
    case 'filled':
      return { ...s, pendingFill: null, filledFromBhxh: true }
    case 'resolve': {
      const differences = s.differences.filter((d) => d.field !== a.field)
      return a.field === 'bhytCardNumber'
        ? { ...s, differences, filledFromBhxh: true }
        : { ...s, differences }
    }
    case 'useNewCard': {
      const next = s.answer?.result.newCard?.cardNumber
      return next ? { ...s, pendingFill: { cardNumber: next, replace: true }, filledFromBhxh: false } : s
    }
    case 'saved':
      return s.answer ? { ...s, used: true } : s
    case 'reset':
      return initialBhytState
  }
}

/** The check id registration should carry: an answered check not yet used by a saved visit. */
export function checkIdForSave(s: BhytState): number | null {
  return s.phase === 'answered' && s.answer && !s.used ? s.answer.checkId : null
}
