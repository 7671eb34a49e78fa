import type { Submission } from '../../../contract/submission'
import { defaultCareType } from '../../../contract/rules/visit-checks'

/**
 * The visit's own XML values reception owns (docs/desk-duties.md §3), beside the person's administrative fields:
 * XML0 and XML1 both carry MA_DOITUONG_KCB and MA_LOAI_KCB; only XML1 has MA_NOI_DI and GIAY_CHUYEN_TUYEN.
 * A snapshot queued before these fields existed gets what was sent then: no category, the service's care type.
 */
export interface XmlVisitFields {
  /** Provisional patient category (QĐ 3276/2025), final when the episode closes. */
  MA_DOITUONG_KCB: string
  /** Two digits (QĐ 1804/2026). */
  MA_LOAI_KCB: string
  /** Referring facility, 5 characters. */
  MA_NOI_DI: string
  /** Referral or appointment slip number, ≤ 50. */
  GIAY_CHUYEN_TUYEN: string
}

export function xmlVisitFields(visit: Submission['visit']): XmlVisitFields {
  return {
    MA_DOITUONG_KCB: visit.objectCode ?? '',
    MA_LOAI_KCB: visit.careTypeCode ?? defaultCareType(visit.serviceType),
    MA_NOI_DI: visit.referringFacility ?? '',
    GIAY_CHUYEN_TUYEN: visit.referralNumber ?? ''
  }
}
