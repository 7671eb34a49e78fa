import { localized, type Localized, type MessageKey, type MessageParams } from '../../../contract/messages'
import type { Identity, Sex } from '../../../contract/identity'
import type { Address, CardDetails, PatientForm } from '../../../contract/patient'
import { codeAddress, type AddressCandidate, type AddressCoding } from '../address/code-address'
import { type CodingCatalog, lookupEthnicity, lookupNationality } from '../catalog/coding-catalog'
import { tidyText } from '../../../contract/rules/text'
import { isRealPartialDate, yearOf } from './birth-date'
import { decodeIdNumber, idNumberFindings } from '../../../contract/rules/id-number'
import { formatPersonName } from './person-name'

export type CodingWarningCode =
  | 'NAME_MISSING'
  | 'NAME_TOO_LONG'
  | 'ADDRESS_TOO_LONG'
  | 'DOB_MISSING'
  | 'DOB_INVALID'
  | 'DOB_FROM_ID_NUMBER'
  | 'SEX_MISSING'
  | 'SEX_FROM_ID_NUMBER'
  | 'ID_SEX_MISMATCH'
  | 'ID_BIRTH_YEAR_MISMATCH'
  | 'ID_PROVINCE_UNKNOWN'
  | 'ETHNICITY_UNKNOWN'
  | 'ETHNICITY_MISSING'
  | 'NATIONALITY_UNKNOWN'
  | 'NATIONALITY_NO_MOH_CODE'
  | 'OCCUPATION_MISSING'
  | 'ADDRESS_MISSING'
  | 'ADDRESS_NEEDS_CHOICE'
  | 'ADDRESS_NOT_FOUND'

export interface CodingWarning extends Localized {
  code: CodingWarningCode
  /** Form field the warning is about. */
  field: keyof PatientForm
  /** The form cannot be submitted as is (a required XML1 value is missing). */
  blocking: boolean
}

export interface CodedPatient {
  form: PatientForm
  /** Readings of the residence address, best first; the clerk picks one when form.address has no commune. */
  addressCandidates: readonly AddressCandidate[]
  /** The full address reading (old unit, mapping) for display. */
  addressCoding: AddressCoding | null
  warnings: readonly CodingWarning[]
}

/**
 * Turns what a card (chip, QR) or the clerk gave into the MoH-coded reception form. Pure; never throws.
 * Nothing ambiguous is decided silently: the address codes stay empty when the clerk must choose.
 */
export function codePatient(identity: Identity, catalog: CodingCatalog): CodedPatient {
  const warnings: CodingWarning[] = []
  // The text is the catalogue's warning.<code>: the ID checks share theirs with the card decoders'.
  const warn: Warn = (code, field, blocking = false, params, key) => {
    warnings.push({ code, field, blocking, ...localized(key ?? `warning.${code}`, params) })
  }

  const idFacts = identity.idNumber === null ? null : decodeIdNumber(identity.idNumber)
  const idFindings =
    identity.idNumber === null || idFacts === null
      ? []
      : idNumberFindings(
          identity.idNumber,
          identity.dateOfBirth !== null && isRealPartialDate(identity.dateOfBirth)
            ? identity.dateOfBirth
            : null,
          identity.sex
        )
  const idFinding = (kind: 'province-unknown' | 'birth-year-mismatch' | 'sex-mismatch'): boolean =>
    idFindings.some((f) => f.kind === kind)
  if (idFacts !== null && idFinding('province-unknown'))
    warn('ID_PROVINCE_UNKNOWN', 'idNumber', false, { prefix: idFacts.provinceCode })

  const dateOfBirth = codeBirthDate(identity, idFacts?.birthYear ?? null, warn)
  const sex = codeSex(identity, idFacts?.sex ?? null, warn)
  if (idFacts !== null && identity.sex !== null && identity.sex !== 'other' && idFinding('sex-mismatch'))
    warn('ID_SEX_MISMATCH', 'idNumber', false, {
      givenSex: `label.sex.${identity.sex}`,
      idSex: `label.sex.${idFacts.sex}`
    })
  if (idFacts !== null && identity.dateOfBirth !== null && idFinding('birth-year-mismatch'))
    warn('ID_BIRTH_YEAR_MISMATCH', 'idNumber', false, {
      birthYear: yearOf(identity.dateOfBirth),
      idYear: idFacts.birthYear
    })

  const ethnicityCode = codeEthnicity(identity, catalog, warn)
  const nationalityCode = codeNationality(identity, catalog, warn)
  warn('OCCUPATION_MISSING', 'occupationCode')

  const { address, coding } = codeResidence(identity, catalog, warn)
  if ([...address.text].length > 1024) warn('ADDRESS_TOO_LONG', 'address', true)

  const fullName = formatPersonName(identity.fullName)
  if (fullName === '') warn('NAME_MISSING', 'fullName', true)
  if ([...fullName].length > 255) warn('NAME_TOO_LONG', 'fullName', true)

  const form: PatientForm = {
    fullName,
    dateOfBirth,
    sex,
    idNumber: identity.idNumber,
    oldIdNumber: identity.oldIdNumber,
    bhytCardNumber: null,
    ethnicityCode,
    nationalityCode,
    occupationCode: null,
    address,
    phone: null,
    guardian: null,
    cardDetails: cardDetails(identity)
  }
  return { form, addressCandidates: coding?.candidates ?? [], addressCoding: coding, warnings }
}

type Warn = (
  code: CodingWarningCode,
  field: keyof PatientForm,
  blocking?: boolean,
  params?: MessageParams,
  key?: MessageKey
) => void

function codeBirthDate(identity: Identity, idYear: number | null, warn: Warn): string {
  const dob = identity.dateOfBirth
  if (dob !== null && isRealPartialDate(dob)) return dob
  if (dob !== null) warn('DOB_INVALID', 'dateOfBirth', true, { dob })
  if (idYear !== null) {
    warn('DOB_FROM_ID_NUMBER', 'dateOfBirth')
    return String(idYear)
  }
  if (dob === null) warn('DOB_MISSING', 'dateOfBirth', true)
  return ''
}

function codeSex(identity: Identity, idSex: Sex | null, warn: Warn): Sex {
  if (identity.sex !== null) return identity.sex
  if (idSex !== null) {
    warn('SEX_FROM_ID_NUMBER', 'sex')
    return idSex
  }
  warn('SEX_MISSING', 'sex', true)
  return 'other'
}

function codeEthnicity(identity: Identity, catalog: CodingCatalog, warn: Warn): string | null {
  if (identity.ethnicity === null || identity.ethnicity.trim() === '') {
    warn('ETHNICITY_MISSING', 'ethnicityCode')
    return null
  }
  const found = lookupEthnicity(identity.ethnicity, catalog)
  if (found === null)
    warn('ETHNICITY_UNKNOWN', 'ethnicityCode', false, { text: tidyText(identity.ethnicity) })
  return found?.code ?? null
}

function codeNationality(identity: Identity, catalog: CodingCatalog, warn: Warn): string | null {
  // A CCCD is only issued to Vietnamese citizens, so a card read without a nationality field is Vietnamese.
  const text = identity.nationality ?? (identity.idNumber !== null ? 'Việt Nam' : null)
  if (text === null) return null
  const found = lookupNationality(text, catalog)
  if (found === null) {
    warn('NATIONALITY_UNKNOWN', 'nationalityCode', false, { text: tidyText(text) })
    return null
  }
  if (found.mohCode === null) warn('NATIONALITY_NO_MOH_CODE', 'nationalityCode', false, { name: found.name })
  return found.mohCode
}

function codeResidence(
  identity: Identity,
  catalog: CodingCatalog,
  warn: Warn
): { address: Address; coding: AddressCoding | null } {
  const text = identity.placeOfResidence
  if (text === null || text.trim() === '') {
    warn('ADDRESS_MISSING', 'address', true)
    return {
      address: { text: '', provinceCode: null, communeCode: null, unitListVersion: null },
      coding: null
    }
  }
  const coding = codeAddress(text, catalog.admin)
  const normalized = coding.normalized
  if (coding.best !== null && !coding.needsChoice)
    return {
      address: {
        text: normalized,
        provinceCode: coding.best.provinceCode,
        communeCode: coding.best.communeCode,
        unitListVersion: coding.best.unitListVersion
      },
      coding
    }
  const split = coding.mappedFromOld !== null && coding.mappedFromOld.newCommunes.length > 1
  if (coding.candidates.length === 0) warn('ADDRESS_NOT_FOUND', 'address', true)
  else if (split && coding.mappedFromOld)
    warn(
      'ADDRESS_NEEDS_CHOICE',
      'address',
      true,
      { commune: coding.mappedFromOld.communeName },
      'warning.ADDRESS_NEEDS_CHOICE.split'
    )
  else warn('ADDRESS_NEEDS_CHOICE', 'address', true)
  return {
    address: {
      text: normalized,
      provinceCode: coding.provinceCode,
      communeCode: null,
      unitListVersion: coding.provinceCode === null ? null : catalog.admin.currentVersion.id
    },
    coding
  }
}

function cardDetails(identity: Identity): CardDetails {
  return {
    ethnicityText: identity.ethnicity,
    // Religion is sensitive data (NĐ 356/2025 Đ4) and no XML field needs it: not collected (docs/health-data.md §3.5).
    religion: null,
    placeOfOrigin: identity.placeOfOrigin,
    identifyingFeatures: identity.identifyingFeatures,
    fatherName: identity.fatherName === null ? null : formatPersonName(identity.fatherName),
    motherName: identity.motherName === null ? null : formatPersonName(identity.motherName),
    spouseName: identity.spouseName === null ? null : formatPersonName(identity.spouseName),
    issueDate: identity.issueDate,
    expiryDate: identity.expiryDate,
    noExpiry: identity.noExpiry
  }
}
