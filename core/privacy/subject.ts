import type { Db } from '../../db/connection'
import { AppError } from '../../contract/errors'
import { consentsOfPatient } from '../../db/consents'
import { secureDeleteOn, truncateWal } from '../../db/maintenance'
import {
  erasePatientRows,
  holdPatientSubmissions,
  lastVisitAt,
  markPatientRestricted,
  patientCardReads,
  patientHistory,
  patientRecord,
  patientSubmissions,
  patientVisits
} from '../../db/privacy'
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
  const row = patientRecord(db, patientId)
  if (!row) throw AppError.of('NOT_FOUND')
  return row
}

export function exportSubject(db: Db, patientId: string, now: Date, actor: string): SubjectExport {
  const p = mustGet(db, patientId)
  const out: SubjectExport = {
    generatedAt: now.toISOString(),
    patient: { ...p, form_json: JSON.parse(String(p.form_json)) as unknown },
    history: patientHistory(db, patientId).map((h) => ({
      changedAt: h.changed_at,
      reason: h.reason,
      changes: JSON.parse(h.changes_json) as unknown
    })),
    visits: patientVisits(db, patientId).map((v) => ({
      id: v.id,
      serviceType: v.service_type,
      visitedAt: v.visited_at
    })),
    cardReads: patientCardReads(db, patientId).map((r) => ({
      id: r.id,
      source: r.source,
      readAt: r.read_at,
      readBy: r.read_by,
      fields: JSON.parse(r.fields_json) as string[]
    })),
    consents: consentsOfPatient(db, patientId).map((c) => ({
      purpose: c.purpose,
      basis: c.legal_basis,
      notice: c.notice_version,
      given: c.given === 1,
      by: c.recorded_by,
      at: c.recorded_at
    })),
    sentTo: patientSubmissions(db, patientId).map((o) => ({
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
    markPatientRestricted(db, patientId, at)
    // What still waits to be sent is held back: a dead row is never sent and IT sees why.
    const held = holdPatientSubmissions(db, patientId, at)
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
  const last = lastVisitAt(db, patientId)
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
  secureDeleteOn(db)
  const rows = db.transaction(() => {
    const n = erasePatientRows(db, patientId)
    writeAudit(db, at, {
      actor,
      action: 'privacy',
      entity: 'patient',
      entityId: patientId,
      detail: { request: 'erase', rows: n }
    })
    return n
  })()
  truncateWal(db)
  return { erased: true, rows }
}
