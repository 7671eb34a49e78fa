import type { Db } from './connection'

/** One audit_log row (kept 12 months). detailJson never holds personal data: ids, counts, field names. */
export interface AuditRow {
  at: string
  actor: string
  action: string
  entity: string
  entityId: string | null
  detailJson: string | null
}

export function insertAudit(db: Db, row: AuditRow): void {
  db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail_json) VALUES (?, ?, ?, ?, ?, ?)'
  ).run(row.at, row.actor, row.action, row.entity, row.entityId, row.detailJson)
}

/** The detail of the latest merge of `mergedId` into `keepId` (what an unmerge must move back), or null. */
export function lastMergeDetail(db: Db, keepId: string, mergedId: string): string | null {
  const row = db
    .prepare<[string, string], { detail_json: string }>(
      `SELECT detail_json FROM audit_log WHERE action = 'merge' AND entity_id = ?
         AND json_extract(detail_json, '$.mergedId') = ? ORDER BY id DESC LIMIT 1`
    )
    .get(keepId, mergedId)
  return row?.detail_json ?? null
}
