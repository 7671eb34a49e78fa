/**
 * Canonical URLs of the VN Core FHIR IG (hl7.fhir.vn.core 1.0.0, draft; docs/health-data.md §5.2), plus the few
 * systems the IG does not define yet. Kept in one place so a newer IG version is a one-file change.
 */
export const VN_CORE = 'http://fhir.ehealth.gov.vn/core'

export const sid = {
  /** 12-digit personal ID number (CCCD / căn cước), also the personal health ID. */
  nationalId: `${VN_CORE}/sid/national_id`,
  /** Old 9- or 12-digit ID card (CMND). */
  citizenId: `${VN_CORE}/sid/citizen_id`,
  /** 15-character BHYT card code. */
  insuranceNumber: `${VN_CORE}/sid/insurance_number`,
  /** Facility patient code (MA_BN). */
  patientInternalId: `${VN_CORE}/sid/patient-internal-id`
} as const

export const extensionUrl = {
  race: `${VN_CORE}/StructureDefinition/extension-race`,
  occupation: `${VN_CORE}/StructureDefinition/extension-occupation`,
  nationality: `${VN_CORE}/StructureDefinition/extension-nationality`,
  administrativeAddress: `${VN_CORE}/StructureDefinition/extension-administrative-address`
} as const

export const codeSystem = {
  /** GSO ethnic groups 01–54 (+55, 99), VN Core `vn-core-race`. */
  race: `${VN_CORE}/CodeSystem/vn-core-race`,
  /** ISO 3166-1 alpha-2, the binding of the VN Core nationality extension. */
  iso3166: 'urn:iso:std:iso:3166',
  /**
   * Systems the IG lacks. They are this app's own URIs, named after the legal source, so a receiver can
   * still tell the code lists apart; replace them when the Ministry publishes canonical ones.
   */
  nationalityTt07: 'urn:vn:tt07-2016-bca:quoc-tich',
  occupationQd34: 'urn:vn:qd34-2020-ttg:nghe-nghiep',
  provinceQd19: 'urn:vn:qd19-2025-ttg:tinh',
  communeQd19: 'urn:vn:qd19-2025-ttg:xa',
  maLoaiKcb: 'urn:vn:qd1804-2026-byt:ma-loai-kcb',
  visitType: 'urn:vn:reception-desk:visit-type',
  /** Referral / appointment slip numbers (GIAY_CHUYEN_TUYEN), scoped by the issuing facility's code. */
  referralSlip: 'urn:vn:bhxh:giay-chuyen-tuyen',
  /** Identifier systems scoped to one facility (its 5-character MA_CSKCB). */
  facilityId: 'urn:vn:bhxh:ma-cskcb',
  /** HL7 v3 codes used by core FHIR. */
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  actPriority: 'http://terminology.hl7.org/CodeSystem/v3-ActPriority',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode'
} as const

/** Visit identifiers (MA_LK) are unique only within one facility, so the system carries its code. */
export function visitIdSystem(facilityCode: string): string {
  return `urn:vn:cskcb:${facilityCode}:ma-lk`
}

/** Internal ids of related-person links, scoped to the facility like visit ids. */
export function relatedPersonIdSystem(facilityCode: string): string {
  return `urn:vn:cskcb:${facilityCode}:related-person`
}
