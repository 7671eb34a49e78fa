import type { Submission } from '../../../../contract/submission'
import { toFhirDateTime } from '../local-time'
import { visitServiceCodes } from '../visit-service'
import { xmlVisitFields } from '../../../coding/xml1/visit-fields'
import type { BundleEntry, Encounter } from './fhir-types'
import { urnUuid } from './deterministic-uuid'
import { identifierSearch } from './patient-resource'
import { codeSystem, visitIdSystem } from './vn-core'

/** MA_LOAI_KCB codes that are stays rather than visits (QĐ 1804/2026): inpatient, day inpatient, under 4 hours. */
const INPATIENT = new Set(['03', '04', '09'])

/**
 * The reception visit as an Encounter: status "arrived" (the patient is at the desk, nothing clinical has
 * happened yet), keyed by the visit id (MA_LK) so a resend finds the one the first send created.
 */
export function buildEncounterResource(
  sub: Submission,
  facilityCode: string,
  patientFullUrl: string
): Encounter {
  const codes = visitServiceCodes[sub.visit.serviceType]
  const v = sub.visit
  const careType = xmlVisitFields(v).MA_LOAI_KCB
  const encounter: Encounter = {
    resourceType: 'Encounter',
    identifier: [{ use: 'official', system: visitIdSystem(facilityCode), value: sub.visit.id }],
    status: 'arrived',
    // An emergency is class EMER with priority EM; otherwise the care type decides (03/04/09 are inpatient stays).
    class: {
      system: codeSystem.actCode,
      code: v.emergency
        ? 'EMER'
        : v.careTypeCode
          ? INPATIENT.has(careType)
            ? 'IMP'
            : 'AMB'
          : codes.encounterClass
    },
    type: [{ coding: [{ system: codeSystem.maLoaiKcb, code: careType }] }],
    serviceType: {
      coding: [{ system: codeSystem.visitType, code: sub.visit.serviceType, display: codes.displayVi }],
      text: codes.displayVi
    },
    subject: { reference: patientFullUrl },
    period: { start: toFhirDateTime(sub.visit.visitedAt) },
    serviceProvider: { identifier: { system: codeSystem.facilityId, value: facilityCode } }
  }
  if (sub.visit.reason) encounter.reasonCode = [{ text: sub.visit.reason }]
  if (v.emergency) encounter.priority = { coding: [{ system: codeSystem.actPriority, code: 'EM' }] }
  if (v.referringFacility)
    encounter.hospitalization = {
      origin: { identifier: { system: codeSystem.facilityId, value: v.referringFacility } }
    }
  if (v.referralNumber)
    encounter.basedOn = [{ identifier: { system: codeSystem.referralSlip, value: v.referralNumber } }]
  if (sub.facility.name && encounter.serviceProvider) encounter.serviceProvider.display = sub.facility.name
  return encounter
}

/** The visit as a transaction entry, created once per visit id (a resend finds it and creates nothing). */
export function encounterEntry(sub: Submission, facilityCode: string, subjectUrl: string): BundleEntry {
  return {
    fullUrl: urnUuid(`encounter:${facilityCode}:${sub.visit.id}`),
    resource: buildEncounterResource(sub, facilityCode, subjectUrl),
    request: {
      method: 'POST',
      url: 'Encounter',
      ifNoneExist: identifierSearch(visitIdSystem(facilityCode), sub.visit.id)
    }
  }
}
