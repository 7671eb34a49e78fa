import type { Sex } from '../identity'
import type { VisitType } from '../patient'
import type { CareTypeCode, VisitCheckCode } from '../visit-codes'
import { ageInYears } from './age'

/**
 * Does the chosen service fit the patient? Each check is a warning the clerk must confirm before saving (a man
 * registered for antenatal care is almost always a slip of the service list), never a block: the record may be
 * right. The rules follow the visit types reception offers.
 */

export interface VisitCheck {
  code: VisitCheckCode
  /** Catalogue key of the warning (contract/messages) and its parameters. */
  key: `visit.check.${VisitCheckCode}`
  params: { service: `visit.service.${VisitType}`; age?: number }
}

/** Services for a woman's pregnancy, birth and contraception (the maternal programme these visits feed). */
const WOMEN_ONLY: readonly VisitType[] = ['antenatal', 'delivery', 'postnatal', 'family_planning']
/** Pregnancy and birth: outside ages 10–55 the service or the date of birth is probably wrong. */
const MATERNAL: readonly VisitType[] = ['antenatal', 'delivery', 'postnatal']
const MATERNAL_AGE = { min: 10, max: 55 }
/** Child health check and the expanded immunisation programme: children under 16 (Luật Trẻ em). */
const CHILD_ONLY: readonly VisitType[] = ['child_checkup', 'immunisation']
const CHILD_MAX_AGE = 16

export function visitChecks(
  patient: { sex: Sex | ''; dateOfBirth: string | null },
  serviceType: VisitType,
  today: Date
): VisitCheck[] {
  const service = `visit.service.${serviceType}` as const
  const age = patient.dateOfBirth ? ageInYears(patient.dateOfBirth, today) : null
  const out: VisitCheck[] = []
  if (patient.sex === 'male' && WOMEN_ONLY.includes(serviceType))
    out.push({ code: 'womenOnly', key: 'visit.check.womenOnly', params: { service } })
  if (
    patient.sex !== 'male' &&
    age !== null &&
    MATERNAL.includes(serviceType) &&
    (age < MATERNAL_AGE.min || age > MATERNAL_AGE.max)
  )
    out.push({ code: 'maternalAge', key: 'visit.check.maternalAge', params: { service, age } })
  if (age !== null && age >= CHILD_MAX_AGE && CHILD_ONLY.includes(serviceType))
    out.push({ code: 'childOnly', key: 'visit.check.childOnly', params: { service, age } })
  return out
}

/** The checks still waiting for the clerk's confirmation. */
export function unconfirmedChecks(checks: VisitCheck[], confirmed: readonly string[] = []): VisitCheck[] {
  return checks.filter((c) => !confirmed.includes(c.code))
}

/** MA_LOAI_KCB when the clerk picks none: a delivery is an inpatient stay (03), everything else a visit (01). */
export function defaultCareType(serviceType: VisitType): CareTypeCode {
  return serviceType === 'delivery' ? '03' : '01'
}
