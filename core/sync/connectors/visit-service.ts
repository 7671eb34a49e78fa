import type { VisitType } from '../../../contract/patient'

/**
 * How each reception visit type maps to the national codes. MA_LOAI_KCB follows QĐ 1804/2026
 * (docs/health-data.md §1.7): everything reception registers is an outpatient visit (01) except a delivery,
 * which is an inpatient stay (03). The FHIR class follows the same split (AMB / IMP). These are the defaults for
 * snapshots queued before the visit carried its own MA_LOAI_KCB (migration 009).
 */
export interface VisitServiceCodes {
  maLoaiKcb: '01' | '03'
  encounterClass: 'AMB' | 'IMP'
  displayVi: string
}

export const visitServiceCodes: Record<VisitType, VisitServiceCodes> = {
  general: { maLoaiKcb: '01', encounterClass: 'AMB', displayVi: 'Khám bệnh' },
  antenatal: { maLoaiKcb: '01', encounterClass: 'AMB', displayVi: 'Khám thai' },
  delivery: { maLoaiKcb: '03', encounterClass: 'IMP', displayVi: 'Sinh đẻ' },
  postnatal: { maLoaiKcb: '01', encounterClass: 'AMB', displayVi: 'Khám sau sinh' },
  child_checkup: { maLoaiKcb: '01', encounterClass: 'AMB', displayVi: 'Khám sức khỏe trẻ em' },
  immunisation: { maLoaiKcb: '01', encounterClass: 'AMB', displayVi: 'Tiêm chủng' },
  family_planning: { maLoaiKcb: '01', encounterClass: 'AMB', displayVi: 'Kế hoạch hóa gia đình' },
  other: { maLoaiKcb: '01', encounterClass: 'AMB', displayVi: 'Khám bệnh' }
}
