/**
 * Submission → eMCH payload. eMCH has no published interface (docs/health-data.md §5.1), so this is a design
 * assumption: a FHIR R4 transaction with VN Core identifiers, the child–mother link as a RelatedPerson,
 * and the visit's service type on an Encounter. Everything eMCH-specific lives in this one file; when the
 * real interface is published, replace `buildEmchBundle` (and `emchEntries`) and nothing else.
 */
import type { Submission } from '../../../../contract/submission'
import { requireFacilityCode } from '../facility'
import { urnUuid } from '../fhir/deterministic-uuid'
import { encounterEntry } from '../fhir/encounter-resource'
import type { Bundle, BundleEntry, RelatedPerson } from '../fhir/fhir-types'
import {
  buildPatientResource,
  fhirAddress,
  fhirGender,
  identifierSearch,
  patientIfNoneExist,
  vietnameseName
} from '../fhir/patient-resource'
import { codeSystem, relatedPersonIdSystem, sid } from '../fhir/vn-core'
import { mergeTransactionEntries } from '../fhir/transaction'

/** HL7 v3 RoleCode for the relation the clerk chose. */
const relationCodes = {
  mother: { code: 'MTH', display: 'mother' },
  father: { code: 'FTH', display: 'father' },
  guardian: { code: 'GUARD', display: 'guardian' }
} as const

function relatedPersonEntry(sub: Submission, facilityCode: string, childUrl: string): BundleEntry[] {
  const g = sub.guardian
  if (!g) return []
  const linkId = `${g.id}:${sub.patient.id}`
  const related: RelatedPerson = {
    resourceType: 'RelatedPerson',
    identifier: [{ system: relatedPersonIdSystem(facilityCode), value: linkId }],
    active: true,
    patient: { reference: childUrl },
    relationship: [{ coding: [{ system: codeSystem.roleCode, ...relationCodes[g.relation] }] }],
    name: [vietnameseName(g.form.fullName)],
    gender: fhirGender(g.form.sex),
    birthDate: g.form.dateOfBirth
  }
  const ids = related.identifier ?? []
  if (g.form.idNumber) ids.push({ use: 'official', system: sid.nationalId, value: g.form.idNumber })
  if (g.form.phone) related.telecom = [{ system: 'phone', value: g.form.phone, use: 'mobile' }]
  const address = fhirAddress(g.form.address)
  if (address) related.address = [address]

  // The guardian is a patient of the programme too (antenatal, postnatal care), so her record is
  // conditionally created alongside the link.
  const guardianKeys = { code: g.code, facilityCode }
  return [
    {
      fullUrl: urnUuid(`patient:${facilityCode}:${g.id}`),
      resource: buildPatientResource(g.form, guardianKeys),
      request: { method: 'POST', url: 'Patient', ifNoneExist: patientIfNoneExist(g.form, guardianKeys) }
    },
    {
      fullUrl: urnUuid(`related-person:${facilityCode}:${linkId}`),
      resource: related,
      request: {
        method: 'POST',
        url: 'RelatedPerson',
        ifNoneExist: identifierSearch(relatedPersonIdSystem(facilityCode), linkId)
      }
    }
  ]
}

export function emchEntries(sub: Submission): BundleEntry[] {
  const facilityCode = requireFacilityCode(sub)
  const keys = { code: sub.patient.code, facilityCode }
  const childUrl = urnUuid(`patient:${facilityCode}:${sub.patient.id}`)
  return [
    {
      fullUrl: childUrl,
      resource: buildPatientResource(sub.patient.form, keys),
      request: { method: 'POST', url: 'Patient', ifNoneExist: patientIfNoneExist(sub.patient.form, keys) }
    },
    ...relatedPersonEntry(sub, facilityCode, childUrl),
    encounterEntry(sub, facilityCode, childUrl)
  ]
}

export function buildEmchBundle(sub: Submission): Bundle {
  return { resourceType: 'Bundle', type: 'transaction', entry: emchEntries(sub) }
}

export function buildEmchBatchBundle(subs: Submission[]): Bundle {
  return mergeTransactionEntries(subs.map(emchEntries))
}
