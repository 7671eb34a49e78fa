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
