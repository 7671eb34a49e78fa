import type { PriorityClass } from '../../contract/desk'
import { AppError } from '../../contract/errors'
import type { PatientForm, VisitForm } from '../../contract/patient'
import { suggestPriority } from '../../contract/rules/priority'
import { defaultCareType, unconfirmedChecks, visitChecks } from '../../contract/rules/visit-checks'
import { suggestObjectCode, type CareTypeCode } from '../../contract/visit-codes'

/** The visit as it is saved and frozen into the submission: the clerk's values, or the documented defaults. */
export interface VisitValues {
  serviceType: VisitForm['serviceType']
  department: string | null
  reason: string | null
  objectCode: string | null
  careTypeCode: CareTypeCode
  referralNumber: string | null
  referringFacility: string | null
  emergency: boolean
  priority: PriorityClass | null
  confirmedChecks: string[]
  /** The room or service whose daily queue the number is drawn from. */
  queue: string
}

/**
 * Applies the defaults (docs/desk-duties.md §3–4) and refuses a service that does not fit the patient unless the
 * clerk confirmed that warning: the same rule the form shows, enforced where the data is written.
 */
export function resolveVisit(visit: VisitForm, patient: PatientForm, today: Date): VisitValues {
  const checks = visitChecks(patient, visit.serviceType, today)
  const open = unconfirmedChecks(checks, visit.confirmedChecks)
  if (open.length > 0)
    throw AppError.of('VALIDATION', 'visit.check.unconfirmed', undefined, {
      checks: open.map((c) => c.code)
    }).withDetail(`Unconfirmed visit checks: ${open.map((c) => c.code).join(', ')}`)
  const emergency = visit.emergency ?? false
  const priority =
    visit.priority !== undefined
      ? visit.priority
      : (suggestPriority({ ...patient, serviceType: visit.serviceType, emergency }, today)[0] ?? null)
  const department = visit.department?.trim() || null
  return {
    serviceType: visit.serviceType,
    department,
    reason: visit.reason ?? null,
    objectCode:
      visit.objectCode ?? suggestObjectCode({ emergency, hasBhytCard: patient.bhytCardNumber !== null }),
    careTypeCode: visit.careTypeCode ?? defaultCareType(visit.serviceType),
    referralNumber: visit.referralNumber?.trim() || null,
    referringFacility: visit.referringFacility ?? null,
    emergency,
    priority,
    // Only what was actually shown: a stale confirmation of a check that no longer applies is not recorded.
    confirmedChecks: checks.map((c) => c.code),
    queue: department ?? visit.serviceType
  }
}
