import type { Submission } from '../../../../contract/submission'
import { toFhirDateTime } from '../local-time'
import { visitServiceCodes } from '../visit-service'
import type { BundleEntry, Encounter } from './fhir-types'
import { urnUuid } from './deterministic-uuid'
import { identifierSearch } from './patient-resource'
import { codeSystem, visitIdSystem } from './vn-core'

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
  const encounter: Encounter = {
    resourceType: 'Encounter',
    identifier: [{ use: 'official', system: visitIdSystem(facilityCode), value: sub.visit.id }],
    status: 'arrived',
    class: { system: codeSystem.actCode, code: codes.encounterClass },
    type: [{ coding: [{ system: codeSystem.maLoaiKcb, code: codes.maLoaiKcb }] }],
    serviceType: {
      coding: [{ system: codeSystem.visitType, code: sub.visit.serviceType, display: codes.displayVi }],
      text: codes.displayVi
    },
    subject: { reference: patientFullUrl },
    period: { start: toFhirDateTime(sub.visit.visitedAt) },
    serviceProvider: { identifier: { system: codeSystem.facilityId, value: facilityCode } }
  }
  if (sub.visit.reason) encounter.reasonCode = [{ text: sub.visit.reason }]
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
