import { z } from 'zod'

/**
 * MA_LOAI_KCB, the type of care (docs/desk-duties.md §3): the 16 codes of QĐ 1804/QĐ-BYT valid from 2026-08-01,
 * two-character strings (a leading zero must survive). The one list: the form, XML0/XML1 and FHIR read it here.
 */
export const careTypes = [
  { code: '01', vi: 'Khám bệnh', en: 'Outpatient visit' },
  { code: '02', vi: 'Điều trị ngoại trú', en: 'Outpatient treatment' },
  { code: '03', vi: 'Điều trị nội trú', en: 'Inpatient treatment' },
  { code: '04', vi: 'Điều trị nội trú ban ngày', en: 'Day inpatient treatment' },
  {
    code: '05',
    vi: 'Điều trị ngoại trú bệnh mạn tính dài ngày có khám và lĩnh thuốc',
    en: 'Chronic outpatient care with drugs'
  },
  {
    code: '06',
    vi: 'Điều trị lưu tại trạm y tế xã, phòng khám đa khoa khu vực',
    en: 'Observation at a commune health station or polyclinic'
  },
  { code: '07', vi: 'Nhận thuốc theo hẹn', en: 'Drugs by appointment' },
  {
    code: '08',
    vi: 'Điều trị ngoại trú bệnh mạn tính dài ngày có khám và dùng dịch vụ kỹ thuật',
    en: 'Chronic outpatient care with technical services'
  },
  { code: '09', vi: 'Điều trị nội trú dưới 4 giờ', en: 'Inpatient stay under 4 hours' },
  { code: '10', vi: 'Các trường hợp khác', en: 'Other' },
  { code: '11', vi: 'Khám chữa bệnh lưu động', en: 'Mobile care' },
  { code: '12', vi: 'Khám chữa bệnh tại nhà', en: 'Home care' },
  { code: '13', vi: 'Y học gia đình', en: 'Family medicine' },
  { code: '14', vi: 'Khám chữa bệnh từ xa', en: 'Telemedicine' },
  { code: '15', vi: 'Khám sức khỏe định kỳ', en: 'Periodic health check' },
  { code: '16', vi: 'Sàng lọc', en: 'Screening' }
] as const
export type CareTypeCode = (typeof careTypes)[number]['code']
export const careTypeCodes = careTypes.map((c) => c.code) as [CareTypeCode, ...CareTypeCode[]]
export const careTypeCodeSchema = z.enum(careTypeCodes)

/**
 * MA_DOITUONG_KCB, the patient category (QĐ 3276/2025): up to 4 characters, kept as text ("1.11" is not 1.11).
 * Reception records a provisional value; the HIS fixes it when the visit closes. Only the codes whose meaning the
 * sources state are labelled; the others are offered by code only.
 */
export const objectCodeSchema = z.string().regex(/^\d{1,2}(\.\d{1,2})?$/)
export const EMERGENCY_OBJECT_CODE = '2'
export const NO_BHYT_OBJECT_CODE = '9'
export const knownObjectCodes: readonly {
  code: string
  label: 'emergency' | 'noBhyt' | 'withdrawn' | null
}[] = [
  ...['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'].map((code) => ({ code, label: null })),
  ...['1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17', '1.18'].map((code) => ({ code, label: null })),
  { code: '2', label: 'emergency' },
  { code: '8', label: 'withdrawn' },
  { code: '9', label: 'noBhyt' },
  { code: '10', label: null }
]

/**
 * The provisional category at check-in when the clerk types none: an emergency is "2", a visit without a BHYT
 * card "9" (not using insurance). With a card the right 1.x/3.x row depends on route and papers the HIS checks, so
 * none is guessed.
 */
export function suggestObjectCode(v: { emergency: boolean; hasBhytCard: boolean }): string | null {
  if (v.emergency) return EMERGENCY_OBJECT_CODE
  if (!v.hasBhytCard) return NO_BHYT_OBJECT_CODE
  return null
}

/** MA_NOI_DI: the referring facility's 5-character code (same shape as MA_CSKCB). */
export const facilityCodeSchema = z.string().regex(/^[0-9A-Z]{5}$/)

/** The service-versus-patient warnings (contract/rules/visit-checks.ts) a clerk can confirm at save. */
export const visitCheckCodes = ['womenOnly', 'childOnly', 'maternalAge'] as const
export const visitCheckCodeSchema = z.enum(visitCheckCodes)
export type VisitCheckCode = z.infer<typeof visitCheckCodeSchema>
