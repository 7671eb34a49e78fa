/**
 * The small slice of FHIR R4 (4.0.1) the connectors write. Hand-written instead of a types package
 * because only five resources are needed; the tests validate every output against the official R4
 * JSON schema, which is the real check.
 */
export interface Coding {
  system?: string
  code?: string
  display?: string
}
export interface CodeableConcept {
  coding?: Coding[]
  text?: string
}
export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old'
  type?: CodeableConcept
  system?: string
  value?: string
  assigner?: Reference
}
export interface Reference {
  reference?: string
  identifier?: Identifier
  display?: string
}
export interface Extension {
  url: string
  valueCodeableConcept?: CodeableConcept
  valueCoding?: Coding
  valueString?: string
  extension?: Extension[]
}
export interface HumanName {
  use?: 'usual' | 'official' | 'temp' | 'nickname' | 'anonymous' | 'old' | 'maiden'
  text?: string
  family?: string
  given?: string[]
}
export interface ContactPoint {
  system?: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other'
  value?: string
  use?: 'home' | 'work' | 'temp' | 'old' | 'mobile'
}
export interface Address {
  use?: 'home' | 'work' | 'temp' | 'old' | 'billing'
  type?: 'postal' | 'physical' | 'both'
  text?: string
  state?: string
  country?: string
  extension?: Extension[]
}
export interface Period {
  start?: string
  end?: string
}
export type AdministrativeGender = 'male' | 'female' | 'other' | 'unknown'

export interface Patient {
  resourceType: 'Patient'
  extension?: Extension[]
  identifier?: Identifier[]
  active?: boolean
  name?: HumanName[]
  telecom?: ContactPoint[]
  gender?: AdministrativeGender
  birthDate?: string
  address?: Address[]
  managingOrganization?: Reference
}
export interface RelatedPerson {
  resourceType: 'RelatedPerson'
  identifier?: Identifier[]
  active?: boolean
  patient: Reference
  relationship?: CodeableConcept[]
  name?: HumanName[]
  telecom?: ContactPoint[]
  gender?: AdministrativeGender
  birthDate?: string
  address?: Address[]
}
export interface Encounter {
  resourceType: 'Encounter'
  identifier?: Identifier[]
  status: 'planned' | 'arrived' | 'triaged' | 'in-progress' | 'onleave' | 'finished' | 'cancelled'
  class: Coding
  type?: CodeableConcept[]
  serviceType?: CodeableConcept
  subject?: Reference
  period?: Period
  reasonCode?: CodeableConcept[]
  serviceProvider?: Reference
  priority?: CodeableConcept
  /** The referral or appointment slip this visit follows (GIAY_CHUYEN_TUYEN), as a logical reference. */
  basedOn?: Reference[]
  /** Where the patient came from (MA_NOI_DI). */
  hospitalization?: { origin?: Reference }
}
export type Resource = Patient | RelatedPerson | Encounter

export interface BundleEntry {
  fullUrl: string
  resource: Resource
  request: { method: 'POST' | 'PUT'; url: string; ifNoneExist?: string }
}
export interface Bundle {
  resourceType: 'Bundle'
  type: 'transaction'
  entry: BundleEntry[]
}
