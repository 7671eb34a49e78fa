import type { Db } from './connection'
import type { VisitForm } from '../contract/patient'

export function insertVisit(
  db: Db,
  v: { id: string; patientId: string; form: VisitForm; visitedAt: string; at: string }
): void {
  db.prepare(
    `INSERT INTO visits (id, patient_id, service_type, department, reason, visited_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  ).run(v.id, v.patientId, v.form.serviceType, v.form.department, v.form.reason, v.visitedAt, v.at)
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
