import type { PriorityClass } from '../../../contract/desk'
import type { VisitForm } from '../../../contract/patient'
import { suggestPriority } from '../../../contract/rules/priority'
import {
  defaultCareType,
  unconfirmedChecks,
  visitChecks,
  type VisitCheck
} from '../../../contract/rules/visit-checks'
import { suggestObjectCode, type CareTypeCode } from '../../../contract/visit-codes'
import { parseDob, type FieldErrors, type FormState } from './form-state'

/**
 * The visit part of the form: no service is assumed (a default made a man "Khám thai" unnoticed), the XML visit
 * fields with their documented defaults, the queue priority suggested from the record, and the
 * service-versus-patient warnings that need the clerk's confirmation. The same rules run again at save in core.
 */

const dobOf = (f: FormState, today: Date): string | null => {
  const r = f.dob.trim() ? parseDob(f.dob, today) : null
  return r && 'iso' in r ? r.iso : null
}

/** The warnings for the service as the form stands now (recomputed on every change). */
export function currentChecks(f: FormState, today: Date): VisitCheck[] {
  if (!f.serviceType) return []
  return visitChecks({ sex: f.sex, dateOfBirth: dobOf(f, today) }, f.serviceType, today)
}

/** What the priority select shows when the clerk has not chosen: the record's first suggestion. */
export function suggestedPriority(f: FormState, today: Date): PriorityClass | null {
  const dob = dobOf(f, today)
  if (!dob) return f.emergency ? 'emergency' : null
  return (
    suggestPriority(
      { dateOfBirth: dob, sex: f.sex, serviceType: f.serviceType, emergency: f.emergency },
      today
    )[0] ?? null
  )
}

export const effectivePriority = (f: FormState, today: Date): PriorityClass | null =>
  f.priority === '' ? suggestedPriority(f, today) : f.priority === 'none' ? null : f.priority

export const suggestedObjectCode = (f: FormState): string | null =>
  suggestObjectCode({ emergency: f.emergency, hasBhytCard: f.bhytCardNumber.trim() !== '' })

export const effectiveCareType = (f: FormState): CareTypeCode | null =>
  f.careTypeCode || (f.serviceType ? defaultCareType(f.serviceType) : null)

/** Errors of the visit fields, keyed like the rest of the form (i18n keys). */
export function validateVisit(f: FormState, today: Date): FieldErrors {
  const e: FieldErrors = {}
  if (!f.serviceType) e.serviceType = 'validation.required'
  if (f.objectCode.trim() && !/^\d{1,2}(\.\d{1,2})?$/.test(f.objectCode.trim()))
    e.objectCode = 'visit.objectCodeFormat'
  if (f.referringFacility.trim() && !/^[0-9A-Za-z]{5}$/.test(f.referringFacility.trim()))
    e.referringFacility = 'visit.facilityFormat'
  if (f.referralNumber.trim().length > 50) e.referralNumber = 'visit.referralTooLong'
  if (unconfirmedChecks(currentChecks(f, today), f.confirmedChecks).length > 0)
    e.confirmedChecks = 'visit.confirmRequired'
  return e
}

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null)

/** The contract's VisitForm from a valid state (validateVisit first): what the clerk sees is what is saved. */
export function toVisitForm(f: FormState, today: Date): VisitForm {
  if (!f.serviceType) throw new Error('validation.required')
  const checks = currentChecks(f, today).map((c) => c.code)
  return {
    serviceType: f.serviceType,
    department: orNull(f.department),
    reason: orNull(f.reason),
    objectCode: orNull(f.objectCode) ?? suggestedObjectCode(f),
    careTypeCode: effectiveCareType(f) ?? undefined,
    referralNumber: orNull(f.referralNumber),
    referringFacility: orNull(f.referringFacility)?.toUpperCase() ?? null,
    emergency: f.emergency,
    priority: effectivePriority(f, today),
    confirmedChecks: f.confirmedChecks.filter((c) => checks.includes(c))
  }
}
