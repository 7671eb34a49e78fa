import type { Db } from '../../db/connection'
import { insertAudit } from '../../db/audit'

export type AuditAction =
  | 'read'
  | 'view'
  | 'create'
  | 'update'
  | 'merge'
  | 'export'
  | 'submit'
  | 'search'
  | 'list'
  | 'config'
  | 'consent'
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'lock'
  | 'unlock'
  | 'unlock-failed'
  | 'denied'
  | 'user'
  | 'retention'
  | 'privacy'

export interface AuditEntry {
  actor: string
  action: AuditAction
  entity: string
  entityId: string | null
  /** Never personal data: ids, counts, field names, the kind of a search (not its text). */
  detail?: Record<string, unknown>
}

/**
 * Appends to audit_log (kept at least 12 months, then rolled into a signed summary: docs/adr/0020). Each row
 * holds the hash of the one before (db/audit.ts), so `reception audit verify` finds an edited or deleted row. Call
 * inside the caller's transaction: the row is written with the action or not at all.
 */
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

export { GENESIS, rowHash, type AuditRow } from '../../db/audit'
