import type { Submission } from '../../../../contract/submission'
import { requireFacilityCode } from '../facility'
import { urnUuid } from '../fhir/deterministic-uuid'
import { encounterEntry } from '../fhir/encounter-resource'
import type { Bundle, BundleEntry } from '../fhir/fhir-types'
import { mergeTransactionEntries } from '../fhir/transaction'
import { buildPatientResource, patientIfNoneExist } from '../fhir/patient-resource'

/**
 * The entries one submission contributes to a HIS transaction: the Patient and the Encounter, both
 * conditional creates, so sending the same submission twice leaves one of each on the server. A patient
 * whose HIS id is known contributes only the Encounter, referencing Patient/<id> (docs/adr/0024).
 */
export function hisEntries(sub: Submission): BundleEntry[] {
  const facilityCode = requireFacilityCode(sub)
  const keys = { code: sub.patient.code, facilityCode }
  // The HIS already holds this patient (another desk registered it): the visit points at that record.
  if (sub.patient.hisId) return [encounterEntry(sub, facilityCode, `Patient/${sub.patient.hisId}`)]
  const patientUrl = urnUuid(`patient:${facilityCode}:${sub.patient.id}`)
  return [
    {
      fullUrl: patientUrl,
      resource: buildPatientResource(sub.patient.form, keys),
      request: { method: 'POST', url: 'Patient', ifNoneExist: patientIfNoneExist(sub.patient.form, keys) }
    },
    encounterEntry(sub, facilityCode, patientUrl)
  ]
}

export function buildHisBundle(sub: Submission): Bundle {
  return { resourceType: 'Bundle', type: 'transaction', entry: hisEntries(sub) }
}

export function buildHisBatchBundle(subs: Submission[]): Bundle {
  return mergeTransactionEntries(subs.map(hisEntries))
}
