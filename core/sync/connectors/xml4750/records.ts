import type { Submission } from '../../../../contract/submission'
import { requireFacilityCode } from '../facility'
import { toXmlDateTime } from '../local-time'
import { xmlVisitFields } from '../../../coding/xml1/visit-fields'
import type { XmlRecord } from './fields'
import {
  xml1AdministrativeFields,
  type Xml1AdministrativeFields
} from '../../../coding/xml1/administrative-fields'

/** The visit's local date (YYYY-MM-DD): the snapshot holds the facility's local time with its offset. */
const visitDate = (sub: Submission): string => sub.visit.visitedAt.slice(0, 10)

/** XML1's administrative values, from the one builder the quality report audits with. */
function administrative(sub: Submission): Xml1AdministrativeFields {
  return xml1AdministrativeFields(sub.patient.form, visitDate(sub), {
    guardianForm: sub.guardian?.form ?? null,
    bhyt: sub.bhyt ?? null
  })
}

/** Fields XML0 and XML1 share, taken from the snapshot. */
function commonFields(sub: Submission, admin: Xml1AdministrativeFields): XmlRecord {
  const facilityCode = requireFacilityCode(sub)
  return {
    MA_LK: sub.visit.id,
    STT: '1',
    MA_BN: sub.patient.code,
    HO_TEN: admin.HO_TEN,
    SO_CCCD: admin.SO_CCCD,
    NGAY_SINH: admin.NGAY_SINH,
    GIOI_TINH: admin.GIOI_TINH,
    MA_THE_BHYT: admin.MA_THE_BHYT,
    MA_DKBD: admin.MA_DKBD,
    GT_THE_TU: admin.GT_THE_TU,
    GT_THE_DEN: admin.GT_THE_DEN,
    // Provisional: the HIS fixes the patient category when the episode closes.
    MA_DOITUONG_KCB: xmlVisitFields(sub.visit).MA_DOITUONG_KCB,
    NGAY_VAO: toXmlDateTime(sub.visit.visitedAt),
    MA_LOAI_KCB: xmlVisitFields(sub.visit).MA_LOAI_KCB,
    MA_CSKCB: facilityCode
  }
}

export function xml0Record(sub: Submission): XmlRecord {
  return commonFields(sub, administrative(sub))
}

export interface Xml1Options {
  /**
   * MAHUYEN_CU_TRU after the July 2025 reform (docs/health-data.md §4.4): no instruction exists, so it is left
   * empty unless the facility supplies a legacy district code for the submission.
   */
  legacyDistrictCode?: (sub: Submission) => string | null
}

export function xml1Record(sub: Submission, options: Xml1Options = {}): XmlRecord {
  const admin = administrative(sub)
  return {
    ...commonFields(sub, admin),
    ...admin,
    MAHUYEN_CU_TRU: options.legacyDistrictCode?.(sub) ?? admin.MAHUYEN_CU_TRU,
    LY_DO_VV: sub.visit.reason ?? '',
    MA_NOI_DI: xmlVisitFields(sub.visit).MA_NOI_DI,
    GIAY_CHUYEN_TUYEN: xmlVisitFields(sub.visit).GIAY_CHUYEN_TUYEN
  }
}
