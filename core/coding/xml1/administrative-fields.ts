import type { Address, PatientForm } from '../../../contract/patient'
import type { SubmissionBhyt } from '../../../contract/bhyt'
import { isAnyIdNumber } from '../../../contract/rules/id-number'
import type { AdminCatalog } from '../catalog/admin-catalog'
import { NO_OCCUPATION } from '../catalog/occupation'
import { sexCode } from '../catalog/sex'

/** XML1 (TONG_HOP) fields reception owns, docs/health-data.md §1.4; every value a string, as QĐ 4750 types them. */
// A type alias (not an interface) so it is assignable to Record<string, string> for the XML writer.
export type Xml1AdministrativeFields = {
  HO_TEN: string
  SO_CCCD: string
  /** yyyymmddHHMM; unknown hour+minute → 0000, unknown day+month → 0000 (§1.5). */
  NGAY_SINH: string
  /** 1 male, 2 female, 3 undetermined. */
  GIOI_TINH: string
  NHOM_MAU: string
  /** 3 chars, TT 07/2016 Appendix 2 ('000' Việt Nam). */
  MA_QUOCTICH: string
  /** 2 digits, GSO. */
  MA_DANTOC: string
  /** 5 digits, QĐ 34/2020; 00000 for none or not yet. */
  MA_NGHE_NGHIEP: string
  DIA_CHI: string
  /** Last 2 digits of the province code. */
  MATINH_CU_TRU: string
  /** District: empty or the legacy code, by configuration (§4.4). */
  MAHUYEN_CU_TRU: string
  /** 5 digits. */
  MAXA_CU_TRU: string
  DIEN_THOAI: string
  MA_THE_BHYT: string
  /** The card's registered primary-care facility, from the BHYT check. */
  MA_DKBD: string
  /** yyyyMMdd. */
  GT_THE_TU: string
  /** yyyyMMdd. */
  GT_THE_DEN: string
  /** K1, K2 or K3. */
  MA_KHUVUC: string
  /** yyyyMMdd: five continuous years of cover reached. */
  NAM_NAM_LIEN_TUC: string
}

export interface Xml1Options {
  /**
   * MAHUYEN_CU_TRU after the July 2025 reform has no official rule (§4.4): 'empty' (default) leaves it blank;
   * 'legacy' writes the old district code when every old unit merged into the commune lay in one district.
   */
  districtField?: 'empty' | 'legacy'
  /** Needed for districtField 'legacy'. */
  catalog?: AdminCatalog
  /**
   * The linked mother's or guardian's form: an uncarded newborn's address and phone are hers
   * (TT 30/2020, docs/health-data.md §1.4 row 11).
   */
  guardianForm?: PatientForm | null
  /** The visit's checked BHYT card (contract/submission.ts `bhyt`, docs/adr/0023). */
  bhyt?: SubmissionBhyt | null
}

/** YYYY-MM-DD → yyyyMMdd as XML 4750 writes card dates; '' for anything else. */
export const xmlCardDate = (date: string | null | undefined): string =>
  date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.replaceAll('-', '') : ''

/** The card fields: a verified card as BHXH gave it; a refused card none at all (not even the typed number). */
function cardFields(
  form: PatientForm,
  bhyt: SubmissionBhyt | null
): Pick<
  Xml1AdministrativeFields,
  'MA_THE_BHYT' | 'MA_DKBD' | 'GT_THE_TU' | 'GT_THE_DEN' | 'MA_KHUVUC' | 'NAM_NAM_LIEN_TUC'
> {
  const card = bhyt?.status === 'verified' ? bhyt : null
  return {
    MA_THE_BHYT:
      bhyt?.status === 'refused' ? '' : (card?.cardNumber ?? bhyt?.cardNumber ?? form.bhytCardNumber ?? ''),
    MA_DKBD: card?.registeredFacility ?? '',
    GT_THE_TU: xmlCardDate(card?.validFrom),
    GT_THE_DEN: xmlCardDate(card?.validTo),
    MA_KHUVUC: card?.areaCode ?? '',
    NAM_NAM_LIEN_TUC: xmlCardDate(card?.fiveYearsFrom)
  }
}

/** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' → yyyymmddHHMM with 00 for unknown parts; '' when there is no date. */
export function xml1BirthDate(dateOfBirth: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(dateOfBirth)
  if (m === null) return ''
  return `${m[1]}${m[2] ?? '00'}${m[3] ?? '00'}0000`
}

/**
 * The one XML1 builder: the administrative values of a visit, as the sender writes them into TONG_HOP and the
 * quality report audits them. visitDate (YYYY-MM-DD) decides which district rule applies: before 1 July 2025
 * the legacy district code is written when known.
 */
export function xml1AdministrativeFields(
  form: PatientForm,
  visitDate: string,
  options: Xml1Options = {}
): Xml1AdministrativeFields {
  const guardianForm = options.guardianForm ?? null
  const address = form.address.text ? form.address : (guardianForm?.address ?? form.address)
  return {
    HO_TEN: form.fullName,
    SO_CCCD: form.idNumber ?? form.oldIdNumber ?? '',
    NGAY_SINH: xml1BirthDate(form.dateOfBirth),
    GIOI_TINH: sexCode(form.sex),
    NHOM_MAU: '',
    MA_QUOCTICH: form.nationalityCode ?? '',
    MA_DANTOC: form.ethnicityCode ?? '',
    MA_NGHE_NGHIEP: form.occupationCode ?? NO_OCCUPATION,
    DIA_CHI: address.text,
    MATINH_CU_TRU: address.provinceCode === null ? '' : address.provinceCode.slice(-2),
    MAHUYEN_CU_TRU: districtField(address, visitDate, options),
    MAXA_CU_TRU: address.communeCode ?? '',
    DIEN_THOAI: form.phone ?? form.guardian?.phone ?? guardianForm?.phone ?? '',
    ...cardFields(form, options.bhyt ?? null)
  }
}

function districtField(address: Address, visitDate: string, options: Xml1Options): string {
  const wantLegacy = options.districtField === 'legacy' || visitDate < '2025-07-01'
  const catalog = options.catalog
  const code = address.communeCode
  if (!wantLegacy || catalog === undefined || code === null) return ''
  if (address.unitListVersion === catalog.legacyVersion.id)
    return catalog.legacyCommunes.get(code)?.districtCode ?? ''
  const districts = new Set<string>()
  for (const old of catalog.data.legacy.communes)
    if (old.newCommunes.some((t) => t.code === code)) districts.add(old.districtCode ?? '')
  // One known district only: none is guessed where the old units' districts differ or are not embedded.
  return districts.size === 1 ? [...districts][0]! : ''
}

export interface Xml1Problem {
  field: keyof Xml1AdministrativeFields
  /** What is wrong, for the report's catalogue text (`report.reason.<kind>`). */
  kind: 'required' | 'malformed' | 'tooLong' | 'oldUnitList'
  /** The length limit, for 'tooLong'. */
  max?: number
  message: string
  messageEn: string
}

const PATTERNS: Partial<Record<keyof Xml1AdministrativeFields, RegExp>> = {
  NGAY_SINH: /^\d{12}$/,
  GIOI_TINH: /^[123]$/,
  MA_QUOCTICH: /^[0-9A-Z]{3}$/,
  MA_DANTOC: /^\d{2}$/,
  MA_NGHE_NGHIEP: /^\d{5}$/,
  MATINH_CU_TRU: /^\d{2}$/,
  MAXA_CU_TRU: /^\d{5}$/
}

const REQUIRED: readonly (keyof Xml1AdministrativeFields)[] = [
  'HO_TEN',
  'NGAY_SINH',
  'GIOI_TINH',
  'MA_QUOCTICH',
  'MA_DANTOC',
  'MA_NGHE_NGHIEP',
  'DIA_CHI',
  'MATINH_CU_TRU',
  'MAXA_CU_TRU'
]

/** "Đúng – Đủ" checks (§8): required XML1 values present and well-formed; the address coded with the list in force. */
export function checkXml1AdministrativeFields(
  fields: Xml1AdministrativeFields,
  visitDate: string,
  unitListVersion: string | null,
  catalog: AdminCatalog
): Xml1Problem[] {
  const problems: Xml1Problem[] = []
  for (const field of REQUIRED)
    if (fields[field] === '')
      problems.push({
        field,
        kind: 'required',
        message: `Thiếu ${field}.`,
        messageEn: `${field} is required.`
      })
  for (const [field, pattern] of Object.entries(PATTERNS) as [keyof Xml1AdministrativeFields, RegExp][])
    if (fields[field] !== '' && !pattern.test(fields[field]))
      problems.push({
        field,
        kind: 'malformed',
        message: `${field} sai định dạng.`,
        messageEn: `${field} is malformed.`
      })
  // Too long is reported, never cut: a truncated name or address would fail the audit unnoticed.
  for (const [field, max] of [
    ['HO_TEN', 255],
    ['DIA_CHI', 1024]
  ] as const)
    if ([...fields[field]].length > max)
      problems.push({
        field,
        kind: 'tooLong',
        max,
        message: `${field} dài quá ${max} ký tự.`,
        messageEn: `${field} exceeds ${max} characters.`
      })
  if (fields.SO_CCCD !== '' && !isAnyIdNumber(fields.SO_CCCD))
    problems.push({
      field: 'SO_CCCD',
      kind: 'malformed',
      message: 'Số CCCD/CMND sai định dạng.',
      messageEn: 'SO_CCCD is malformed.'
    })
  const inForce = versionInForce(visitDate, catalog)
  if (fields.MAXA_CU_TRU !== '' && unitListVersion !== null && unitListVersion !== inForce)
    problems.push({
      field: 'MAXA_CU_TRU',
      kind: 'oldUnitList',
      message: 'Mã xã theo danh mục cũ: hãy chuyển sang đơn vị hành chính hiện hành.',
      messageEn: `Commune coded with ${unitListVersion}, but ${inForce} applies on ${visitDate}.`
    })
  return problems
}

function versionInForce(date: string, catalog: AdminCatalog): string {
  const legacy = catalog.legacyVersion
  return legacy.effectiveTo !== null && date < legacy.effectiveTo ? legacy.id : catalog.currentVersion.id
}
