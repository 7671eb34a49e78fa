import type { Db } from '../../db/connection'
import { insertAudit } from '../../db/audit'

export type AuditAction = 'read' | 'view' | 'create' | 'update' | 'merge' | 'export' | 'submit' | 'search'

export interface AuditEntry {
  actor: string
  action: AuditAction
  entity: string
  entityId: string | null
  /** Never personal data: ids, counts, field names. */
  detail?: Record<string, unknown>
}

/** Appends to audit_log (kept 12 months, health-data.md §6.2). Call inside the caller's transaction. */
export function writeAudit(db: Db, at: string, entry: AuditEntry): void {
  insertAudit(db, {
    at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    detailJson: entry.detail ? JSON.stringify(entry.detail) : null
  })
}
