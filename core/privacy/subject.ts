import type { Db } from '../../db/connection'
import { AppError } from '../../contract/errors'
import { writeAudit } from '../audit/audit-log'
import { listAudit, type AuditListItem } from '../audit/audit-query'
import { retentionDays } from './retention'

/** Everything held about one patient, where it went and who looked at it (NĐ 356 Đ5: the right to know). */
export interface SubjectExport {
  generatedAt: string
  patient: Record<string, unknown>
  history: { changedAt: string; reason: string; changes: unknown }[]
  visits: { id: string; serviceType: string; visitedAt: string }[]
  cardReads: { id: string; source: string; readAt: string; readBy: string | null; fields: string[] }[]
  consents: { purpose: string; basis: string; notice: string; given: boolean; by: string; at: string }[]
  sentTo: { target: string; status: string; visitId: string; receipt: string | null; updatedAt: string }[]
  accessLog: AuditListItem[]
}

function mustGet(db: Db, patientId: string): Record<string, unknown> {
  const row = db
    .prepare<[string], Record<string, unknown>>('SELECT * FROM patients WHERE id = ?')
    .get(patientId)
  if (!row) throw AppError.of('NOT_FOUND')
  return row
}

export function exportSubject(db: Db, patientId: string, now: Date, actor: string): SubjectExport {
  const p = mustGet(db, patientId)
  const out: SubjectExport = {
    generatedAt: now.toISOString(),
    patient: { ...p, form_json: JSON.parse(String(p.form_json)) as unknown },
    history: db
      .prepare<[string], { changed_at: string; reason: string; changes_json: string }>(
        'SELECT changed_at, reason, changes_json FROM patient_history WHERE patient_id = ? ORDER BY id'
      )
      .all(patientId)
      .map((h) => ({
        changedAt: h.changed_at,
        reason: h.reason,
        changes: JSON.parse(h.changes_json) as unknown
      })),
    visits: db
      .prepare<[string], { id: string; service_type: string; visited_at: string }>(
        'SELECT id, service_type, visited_at FROM visits WHERE patient_id = ? ORDER BY visited_at'
      )
      .all(patientId)
      .map((v) => ({ id: v.id, serviceType: v.service_type, visitedAt: v.visited_at })),
    cardReads: db
      .prepare<
        [string],
        { id: string; source: string; read_at: string; read_by: string | null; fields_json: string }
      >(
        'SELECT id, source, read_at, read_by, fields_json FROM identity_reads WHERE patient_id = ? ORDER BY read_at'
      )
      .all(patientId)
      .map((r) => ({
        id: r.id,
        source: r.source,
        readAt: r.read_at,
        readBy: r.read_by,
        fields: JSON.parse(r.fields_json) as string[]
      })),
    consents: db
      .prepare<
        [string],
        {
          purpose: string
          legal_basis: string
          notice_version: string
          given: number
          recorded_by: string
          recorded_at: string
        }
      >('SELECT * FROM consents WHERE patient_id = ? ORDER BY recorded_at')
      .all(patientId)
      .map((c) => ({
        purpose: c.purpose,
        basis: c.legal_basis,
        notice: c.notice_version,
        given: c.given === 1,
        by: c.recorded_by,
        at: c.recorded_at
      })),
    sentTo: db
      .prepare<
        [string],
        { target: string; status: string; visit_id: string; receipt: string | null; updated_at: string }
      >(
        `SELECT o.target, o.status, o.visit_id, o.receipt, o.updated_at FROM outbox o
         JOIN visits v ON v.id = o.visit_id WHERE v.patient_id = ? ORDER BY o.id`
      )
      .all(patientId)
      .map((o) => ({
        target: o.target,
        status: o.status,
        visitId: o.visit_id,
        receipt: o.receipt,
        updatedAt: o.updated_at
      })),
    accessLog: listAudit(db, { patientId })
  }
  writeAudit(db, now.toISOString(), {
    actor,
    action: 'privacy',
    entity: 'patient',
    entityId: patientId,
    detail: { request: 'export' }
  })
  return out
}

/** Restriction: kept, but not processed further (no new submissions go out; the row says since when). */
export function restrictSubject(
  db: Db,
  patientId: string,
  now: Date,
  actor: string
): { restrictedAt: string; held: number } {
  mustGet(db, patientId)
  const at = now.toISOString()
  return db.transaction(() => {
    db.prepare('UPDATE patients SET restricted_at = coalesce(restricted_at, ?) WHERE id = ?').run(
      at,
      patientId
    )
    // What still waits to be sent is held back: a dead row is never sent and IT sees why.
    const held = db
      .prepare(
        `UPDATE outbox SET status = 'dead', last_error_code = 'RESTRICTED', last_error = 'data subject restricted processing', updated_at = ?
         WHERE status IN ('pending', 'failed') AND visit_id IN (SELECT id FROM visits WHERE patient_id = ?)`
      )
      .run(at, patientId).changes
    writeAudit(db, at, {
      actor,
      action: 'privacy',
      entity: 'patient',
      entityId: patientId,
      detail: { request: 'restrict', held }
    })
    return { restrictedAt: at, held }
  })()
}

export type EraseResult =
  { erased: true; rows: number } | { erased: false; reason: string; keepUntil: string }

/**
 * Erasure, refused with the reason while the medical-record retention period runs (restrict instead); after it,
 * a real deletion of every row about the patient, with secure_delete and a WAL checkpoint.
 */
export function eraseSubject(db: Db, patientId: string, now: Date, actor: string): EraseResult {
  mustGet(db, patientId)
  const at = now.toISOString()
  const last = db
    .prepare<[string], { last: string | null }>(
      'SELECT max(visited_at) AS last FROM visits WHERE patient_id = ?'
    )
    .get(patientId)!.last
  const days = retentionDays(db, 'medicalRecord')
  const keepUntil = last ? new Date(Date.parse(last) + days * 86_400_000).toISOString() : at
  if (last && keepUntil > at) {
    writeAudit(db, at, {
      actor,
      action: 'privacy',
      entity: 'patient',
      entityId: patientId,
      detail: { request: 'erase', refused: 'medical-record retention', keepUntil }
    })
    return {
      erased: false,
      reason: `Hồ sơ khám bệnh phải lưu ít nhất ${Math.round(days / 365)} năm (tới ${keepUntil.slice(0, 10)}); đã có thể hạn chế xử lý thay cho xoá.`,
      keepUntil
    }
  }
  db.pragma('secure_delete = ON')
  const rows = db.transaction(() => {
    const visitIds = `SELECT id FROM visits WHERE patient_id = @id`
    let n = 0
    for (const sql of [
      `DELETE FROM outbox WHERE visit_id IN (${visitIds})`,
      `DELETE FROM consents WHERE patient_id = @id OR visit_id IN (${visitIds})`,
      `DELETE FROM visits WHERE patient_id = @id`,
      `DELETE FROM identity_reads WHERE patient_id = @id`,
      `DELETE FROM patient_history WHERE patient_id = @id`,
      `UPDATE patients SET guardian_patient_id = NULL WHERE guardian_patient_id = @id`,
      `UPDATE patients SET merged_into = NULL WHERE merged_into = @id`,
      `DELETE FROM patients WHERE id = @id`
    ])
      n += db.prepare(sql).run({ id: patientId }).changes
    writeAudit(db, at, {
      actor,
      action: 'privacy',
      entity: 'patient',
      entityId: patientId,
      detail: { request: 'erase', rows: n }
    })
    return n
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  return { erased: true, rows }
}
