import type { PatientForm } from '../../../../contract/patient'
import type { Sex } from '../../../../contract/identity'
import type {
  Address,
  AdministrativeGender,
  Coding,
  Extension,
  HumanName,
  Identifier,
  Patient
} from './fhir-types'
import { codeSystem, extensionUrl, sid } from './vn-core'

/** TT 07/2016 nationality codes with a known ISO 3166-1 alpha-2 equivalent. HIS practice writes Vietnam as 000. */
const nationalityIso: Record<string, string> = { '000': 'VN', '704': 'VN', VNM: 'VN' }

export function fhirGender(sex: Sex): AdministrativeGender {
  return sex === 'male' ? 'male' : sex === 'female' ? 'female' : 'other'
}

/** Vietnamese names put the family name first: "Nguyễn Thị Lan" → family Nguyễn, given [Thị, Lan]. */
export function vietnameseName(fullName: string): HumanName {
  const parts = fullName.normalize('NFC').trim().split(/\s+/)
  const [family, ...given] = parts
  const name: HumanName = { use: 'official', text: parts.join(' ') }
  if (family) name.family = family
  if (given.length > 0) name.given = given
  return name
}

export interface PatientKeys {
  /** Facility patient code (MA_BN). */
  code: string
  facilityCode: string
}

export function patientIdentifiers(form: PatientForm, keys: PatientKeys): Identifier[] {
  const ids: Identifier[] = []
  if (form.idNumber) ids.push({ use: 'official', system: sid.nationalId, value: form.idNumber })
  if (form.oldIdNumber) ids.push({ use: 'old', system: sid.citizenId, value: form.oldIdNumber })
  if (form.bhytCardNumber)
    ids.push({ use: 'secondary', system: sid.insuranceNumber, value: form.bhytCardNumber })
  ids.push({
    use: 'usual',
    system: sid.patientInternalId,
    value: keys.code,
    assigner: { identifier: { system: codeSystem.facilityId, value: keys.facilityCode } }
  })
  return ids
}

function patientExtensions(form: PatientForm): Extension[] {
  const ext: Extension[] = []
  if (form.ethnicityCode) {
    ext.push({
      url: extensionUrl.race,
      valueCodeableConcept: { coding: [{ system: codeSystem.race, code: form.ethnicityCode }] }
    })
  }
  if (form.nationalityCode) {
    const coding: Coding[] = [{ system: codeSystem.nationalityTt07, code: form.nationalityCode }]
    const iso = nationalityIso[form.nationalityCode]
    if (iso) coding.unshift({ system: codeSystem.iso3166, code: iso })
    ext.push({ url: extensionUrl.nationality, valueCodeableConcept: { coding } })
  }
  if (form.occupationCode) {
    ext.push({
      url: extensionUrl.occupation,
      valueCodeableConcept: { coding: [{ system: codeSystem.occupationQd34, code: form.occupationCode }] }
    })
  }
  return ext
}

/**
 * The address keeps the text as recorded, plus the 2025 province and commune codes in the VN Core
 * administrative-address extension, slices "state" (tỉnh/thành) and "ward" (xã/phường). The district level
 * no longer exists, so it is not written; the unit-list version rides along because codes were reused in 2025.
 */
export function fhirAddress(address: PatientForm['address']): Address | null {
  const parts: Extension[] = []
  if (address.provinceCode) {
    parts.push({
      url: 'state',
      valueCodeableConcept: { coding: [{ system: codeSystem.provinceQd19, code: address.provinceCode }] }
    })
  }
  if (address.communeCode) {
    parts.push({
      url: 'ward',
      valueCodeableConcept: { coding: [{ system: codeSystem.communeQd19, code: address.communeCode }] }
    })
  }
  if (address.unitListVersion) parts.push({ url: 'unitListVersion', valueString: address.unitListVersion })
  if (!address.text && parts.length === 0) return null
  const out: Address = { use: 'home', country: 'VN' }
  if (address.text) out.text = address.text.normalize('NFC')
  if (parts.length > 0) out.extension = [{ url: extensionUrl.administrativeAddress, extension: parts }]
  return out
}

export function buildPatientResource(form: PatientForm, keys: PatientKeys): Patient {
  const patient: Patient = {
    resourceType: 'Patient',
    identifier: patientIdentifiers(form, keys),
    active: true,
    name: [vietnameseName(form.fullName)],
    gender: fhirGender(form.sex),
    // FHIR date accepts YYYY, YYYY-MM and YYYY-MM-DD, the same partial forms the contract uses.
    birthDate: form.dateOfBirth,
    managingOrganization: { identifier: { system: codeSystem.facilityId, value: keys.facilityCode } }
  }
  const ext = patientExtensions(form)
  if (ext.length > 0) patient.extension = ext
  if (form.phone) patient.telecom = [{ system: 'phone', value: form.phone, use: 'mobile' }]
  const address = fhirAddress(form.address)
  if (address) patient.address = [address]
  return patient
}

/**
 * The conditional-create search for a patient: the national ID when known (the same person everywhere),
 * otherwise the facility's own code. A resend therefore matches the record the first send created.
 */
export function patientIfNoneExist(form: PatientForm, keys: PatientKeys): string {
  if (form.idNumber) return identifierSearch(sid.nationalId, form.idNumber)
  return identifierSearch(sid.patientInternalId, keys.code)
}

/** `identifier=system|value`, written as in the FHIR spec's own examples (system plain, value escaped). */
export function identifierSearch(system: string, value: string): string {
  return `identifier=${system}|${encodeURIComponent(value)}`
}
