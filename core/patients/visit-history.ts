import type { Db } from '../../db/connection'
import { visitHistory } from '../../db/patient-lookup'
import type { OutboxStatus, SyncTarget } from '../../contract/status'

export interface VisitHistoryEntry {
  id: string
  visitedAt: string
  serviceType: string
  department: string | null
  sends: { target: SyncTarget; status: OutboxStatus }[]
}

/** The visits of a record, newest first, each with where its HIS/eMCH submissions stand. */
export function visitHistoryOf(db: Db, patientId: string, limit = 50): VisitHistoryEntry[] {
  return visitHistory(db, patientId, limit).map((v) => ({
    id: v.id,
    visitedAt: v.visited_at,
    serviceType: v.service_type,
    department: v.department,
    sends: (JSON.parse(v.sends_json) as VisitHistoryEntry['sends']).sort((a, b) =>
      a.target.localeCompare(b.target)
    )
  }))
}
