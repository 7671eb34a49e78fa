import type { Db } from './connection'
import type { VisitType } from '../contract/patient'
import { defaultCareType } from '../contract/rules/visit-checks'

/** A visit as stored: the form's values after the registration applied the defaults (migration 009 columns). */
export interface VisitRow {
  id: string
  patientId: string
  serviceType: VisitType
  department: string | null
  reason: string | null
  objectCode: string | null
  careTypeCode: string
  referralNumber: string | null
  referringFacility: string | null
  emergency: boolean
  confirmedChecks: readonly string[]
  visitedAt: string
}

export function insertVisit(db: Db, v: VisitRow & { at: string }): void {
  db.prepare(
    `INSERT INTO visits (id, patient_id, service_type, department, reason, visited_at, created_at,
                         object_code, care_type_code, referral_number, referring_facility, emergency, confirmed_checks)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    v.id,
    v.patientId,
    v.serviceType,
    v.department,
    v.reason,
    v.visitedAt,
    v.at,
    v.objectCode,
    v.careTypeCode,
    v.referralNumber,
    v.referringFacility,
    v.emergency ? 1 : 0,
    v.confirmedChecks.length > 0 ? JSON.stringify(v.confirmedChecks) : null
  )
}

export function getVisit(db: Db, id: string): VisitRow | null {
  const r = db
    .prepare(
      `SELECT id, patient_id AS patientId, service_type AS serviceType, department, reason, visited_at AS visitedAt,
              object_code AS objectCode, care_type_code AS careTypeCode, referral_number AS referralNumber,
              referring_facility AS referringFacility, emergency, confirmed_checks AS confirmedChecks
       FROM visits WHERE id = ?`
    )
    .get(id) as
    | (Omit<VisitRow, 'emergency' | 'confirmedChecks' | 'careTypeCode'> & {
        emergency: number
        confirmedChecks: string | null
        careTypeCode: string | null
      })
    | undefined
  if (!r) return null
  return {
    ...r,
    careTypeCode: r.careTypeCode ?? defaultCareType(r.serviceType),
    emergency: r.emergency === 1,
    confirmedChecks: r.confirmedChecks ? (JSON.parse(r.confirmedChecks) as string[]) : []
  }
}

/** The latest visit of a patient on a local day (`day` = YYYY-MM-DD of visited_at), or null. */
export function latestVisitOnDay(
  db: Db,
  patientId: string,
  day: string
): { id: string; visitedAt: string } | null {
  const row = db
    .prepare(
      `SELECT id, visited_at AS visitedAt FROM visits
       WHERE patient_id = ? AND substr(visited_at, 1, 10) = ? ORDER BY visited_at DESC LIMIT 1`
    )
    .get(patientId, day) as { id: string; visitedAt: string } | undefined
  return row ?? null
}
