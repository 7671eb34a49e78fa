import type { Sex } from '../../../../contract/identity'
import type { Submission } from '../../../../contract/submission'
import { requireFacilityCode } from '../facility'
import { toXmlDateTime } from '../local-time'
import { visitServiceCodes } from '../visit-service'
import type { XmlRecord } from './fields'

/** NGAY_SINH (health-data.md §1.5): yyyymmddHHMM, unknown parts written as zeros; hour and minute are unknown here. */
export function xmlBirthDate(partial: string): string {
  const [year = '', month = '00', day = '00'] = partial.split('-')
  return `${year}${month}${day}0000`
}

export function xmlSex(sex: Sex): string {
  return sex === 'male' ? '1' : sex === 'female' ? '2' : '3'
}

/** Fields XML0 and XML1 share, taken from the snapshot. */
function commonFields(sub: Submission): XmlRecord {
  const form = sub.patient.form
  const facilityCode = requireFacilityCode(sub)
  return {
    MA_LK: sub.visit.id,
    STT: '1',
    MA_BN: sub.patient.code,
    HO_TEN: form.fullName,
    SO_CCCD: form.idNumber ?? form.oldIdNumber ?? '',
    NGAY_SINH: xmlBirthDate(form.dateOfBirth),
    GIOI_TINH: xmlSex(form.sex),
    MA_THE_BHYT: form.bhytCardNumber ?? '',
    // The patient category is fixed when the episode closes; reception cannot know it yet.
    MA_DOITUONG_KCB: '',
    NGAY_VAO: toXmlDateTime(sub.visit.visitedAt),
    MA_LOAI_KCB: visitServiceCodes[sub.visit.serviceType].maLoaiKcb,
    MA_CSKCB: facilityCode
  }
}

export function xml0Record(sub: Submission): XmlRecord {
  return commonFields(sub)
}

export interface Xml1Options {
  /**
   * MAHUYEN_CU_TRU after the July 2025 reform (health-data.md §4.4): no instruction exists, so it is left
   * empty unless the facility supplies a legacy district code for the submission.
   */
  legacyDistrictCode?: (sub: Submission) => string | null
}

export function xml1Record(sub: Submission, options: Xml1Options = {}): XmlRecord {
  const form = sub.patient.form
  const guardianForm = sub.guardian?.form ?? null
  // An uncarded newborn's address and phone are the mother's or guardian's (TT 30/2020, §1.4 row 11).
  const address = form.address.text ? form.address : (guardianForm?.address ?? form.address)
  const phone = form.phone ?? form.guardian?.phone ?? guardianForm?.phone ?? ''
  return {
    ...commonFields(sub),
    MA_QUOCTICH: form.nationalityCode ?? '',
    MA_DANTOC: form.ethnicityCode ?? '',
    MA_NGHE_NGHIEP: form.occupationCode ?? '00000',
    DIA_CHI: address.text,
    MATINH_CU_TRU: address.provinceCode ?? '',
    MAHUYEN_CU_TRU: options.legacyDistrictCode?.(sub) ?? '',
    MAXA_CU_TRU: address.communeCode ?? '',
    DIEN_THOAI: phone,
    LY_DO_VV: sub.visit.reason ?? ''
  }
}
