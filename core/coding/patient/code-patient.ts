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
  | 'ID_YEAR_MISMATCH'
  | 'ID_PROVINCE_UNKNOWN'
  | 'ETHNICITY_UNKNOWN'
  | 'ETHNICITY_MISSING'
  | 'NATIONALITY_UNKNOWN'
  | 'NATIONALITY_NO_MOH_CODE'
  | 'OCCUPATION_MISSING'
  | 'ADDRESS_MISSING'
  | 'ADDRESS_NEEDS_CHOICE'
  | 'ADDRESS_NOT_FOUND'

export interface CodingWarning {
  code: CodingWarningCode
  /** Form field the warning is about. */
  field: keyof PatientForm
  /** For the clerk. */
  message: string
  messageEn: string
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
  const warn = (
    code: CodingWarningCode,
    field: keyof PatientForm,
    message: string,
    messageEn: string,
    blocking = false
  ): void => {
    warnings.push({ code, field, message, messageEn, blocking })
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
    warn(
      'ID_PROVINCE_UNKNOWN',
      'idNumber',
      `Mã tỉnh ${idFacts.provinceCode} trong số định danh không có trong danh mục, hãy kiểm tra lại số.`,
      `Province digits ${idFacts.provinceCode} of the ID number are not a known province code.`
    )

  const dateOfBirth = codeBirthDate(identity, idFacts?.birthYear ?? null, warn)
  const sex = codeSex(identity, idFacts?.sex ?? null, warn)
  if (idFinding('sex-mismatch'))
    warn(
      'ID_SEX_MISMATCH',
      'idNumber',
      'Giới tính không khớp với chữ số thứ 4 của số định danh. Hãy đối chiếu với thẻ.',
      "Sex does not match the ID number's 4th digit."
    )
  if (idFacts !== null && identity.dateOfBirth !== null && idFinding('birth-year-mismatch'))
    warn(
      'ID_YEAR_MISMATCH',
      'idNumber',
      `Năm sinh ${yearOf(identity.dateOfBirth)} không khớp với số định danh (năm ${idFacts.birthYear}). Hãy đối chiếu với thẻ.`,
      `Birth year ${yearOf(identity.dateOfBirth)} does not match the ID number (${idFacts.birthYear}).`
    )

  const ethnicityCode = codeEthnicity(identity, catalog, warn)
  const nationalityCode = codeNationality(identity, catalog, warn)
  warn(
    'OCCUPATION_MISSING',
    'occupationCode',
    'Thẻ không ghi nghề nghiệp: hãy hỏi và chọn mã nghề (00000 nếu không có).',
    'The card has no occupation; ask and pick a code (00000 for none).'
  )

  const { address, coding } = codeResidence(identity, catalog, warn)
  if ([...address.text].length > 1024)
    warn(
      'ADDRESS_TOO_LONG',
      'address',
      'Địa chỉ dài quá 1024 ký tự, hãy rút gọn.',
      'Address exceeds 1024 characters.',
      true
    )

  const fullName = formatPersonName(identity.fullName)
  if (fullName === '') warn('NAME_MISSING', 'fullName', 'Chưa có họ tên.', 'Full name is missing.', true)
  if ([...fullName].length > 255)
    warn('NAME_TOO_LONG', 'fullName', 'Họ tên dài quá 255 ký tự.', 'Full name exceeds 255 characters.', true)

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
  vi: string,
  en: string,
  blocking?: boolean
) => void

function codeBirthDate(identity: Identity, idYear: number | null, warn: Warn): string {
  const dob = identity.dateOfBirth
  if (dob !== null && isRealPartialDate(dob)) return dob
  if (dob !== null)
    warn(
      'DOB_INVALID',
      'dateOfBirth',
      `Ngày sinh ${dob} không có thật, hãy nhập lại.`,
      `Date of birth ${dob} is not a real date.`,
      true
    )
  if (idYear !== null) {
    warn(
      'DOB_FROM_ID_NUMBER',
      'dateOfBirth',
      'Chỉ biết năm sinh (lấy từ số định danh). Hãy hỏi ngày, tháng sinh.',
      'Only the birth year is known (from the ID number).'
    )
    return String(idYear)
  }
  if (dob === null)
    warn('DOB_MISSING', 'dateOfBirth', 'Chưa có ngày sinh.', 'Date of birth is missing.', true)
  return ''
}

function codeSex(identity: Identity, idSex: Sex | null, warn: Warn): Sex {
  if (identity.sex !== null) return identity.sex
  if (idSex !== null) {
    warn(
      'SEX_FROM_ID_NUMBER',
      'sex',
      'Giới tính lấy theo số định danh, hãy kiểm tra.',
      'Sex taken from the ID number.'
    )
    return idSex
  }
  warn('SEX_MISSING', 'sex', 'Chưa có giới tính, hãy chọn.', 'Sex is missing.', true)
  return 'other'
}

function codeEthnicity(identity: Identity, catalog: CodingCatalog, warn: Warn): string | null {
  if (identity.ethnicity === null || identity.ethnicity.trim() === '') {
    warn(
      'ETHNICITY_MISSING',
      'ethnicityCode',
      'Chưa có dân tộc (mã QR không ghi), hãy chọn.',
      'Ethnicity is not known.'
    )
    return null
  }
  const found = lookupEthnicity(identity.ethnicity, catalog)
  if (found === null)
    warn(
      'ETHNICITY_UNKNOWN',
      'ethnicityCode',
      `Không tìm thấy dân tộc "${tidyText(identity.ethnicity)}" trong danh mục, hãy chọn.`,
      'Ethnicity text not in the catalogue.'
    )
  return found?.code ?? null
}

function codeNationality(identity: Identity, catalog: CodingCatalog, warn: Warn): string | null {
  // A CCCD is only issued to Vietnamese citizens, so a card read without a nationality field is Vietnamese.
  const text = identity.nationality ?? (identity.idNumber !== null ? 'Việt Nam' : null)
  if (text === null) return null
  const found = lookupNationality(text, catalog)
  if (found === null) {
    warn(
      'NATIONALITY_UNKNOWN',
      'nationalityCode',
      `Không tìm thấy quốc tịch "${tidyText(text)}", hãy chọn.`,
      'Nationality not in the catalogue.'
    )
    return null
  }
  if (found.mohCode === null)
    warn(
      'NATIONALITY_NO_MOH_CODE',
      'nationalityCode',
      `Chưa có mã quốc tịch Bộ Y tế cho "${found.name}", hãy chọn theo danh mục.`,
      `No verified MoH nationality code for ${found.iso2}.`
    )
  return found.mohCode
}

function codeResidence(
  identity: Identity,
  catalog: CodingCatalog,
  warn: Warn
): { address: Address; coding: AddressCoding | null } {
  const text = identity.placeOfResidence
  if (text === null || text.trim() === '') {
    warn('ADDRESS_MISSING', 'address', 'Chưa có địa chỉ nơi cư trú.', 'Residence address is missing.', true)
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
  if (coding.candidates.length > 0)
    warn(
      'ADDRESS_NEEDS_CHOICE',
      'address',
      coding.mappedFromOld !== null && coding.mappedFromOld.newCommunes.length > 1
        ? `${coding.mappedFromOld.communeName} cũ đã được chia cho nhiều xã/phường mới: hãy hỏi người bệnh và chọn đúng đơn vị.`
        : 'Địa chỉ có thể thuộc nhiều xã/phường: hãy chọn đúng đơn vị.',
      'The address matches several communes; the clerk must choose.',
      true
    )
  else
    warn(
      'ADDRESS_NOT_FOUND',
      'address',
      'Không nhận ra xã/phường trong địa chỉ: hãy chọn tỉnh và xã/phường.',
      'No commune recognised in the address.',
      true
    )
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
