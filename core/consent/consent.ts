import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/connection'
import { writeAudit } from '../audit/audit-log'

/** The version of the printed notice the patient was shown (docs/privacy-notice.md); stored with each consent. */
export const NOTICE_VERSION = 'TB-2026-01'
/** How long a "patient agreed" keystroke arms the reader: one read, within this time. */
export const CHIP_CONSENT_MS = 5 * 60_000

export type Purpose = 'chip_read' | 'care' | 'his' | 'emch' | 'sms_reminder'
export type LegalBasis = 'consent' | 'law_medical_examination' | 'mch_programme' | 'opt_in'

/**
 * Each purpose and the basis it rests on (the processing register). Care and the HIS record rest on the law on
 * medical examination (Luật KCB 15/2023); eMCH on the maternal-and-child programme; reading the chip on the
 * patient's agreement (Luật Căn cước 2023 Đ22); anything optional (SMS reminders) only on an opt-in, never
 * pre-ticked.
 */
export const PURPOSE_BASIS: Record<Purpose, LegalBasis> = {
  chip_read: 'consent',
  care: 'law_medical_examination',
  his: 'law_medical_examination',
  emch: 'mch_programme',
  sms_reminder: 'opt_in'
}

interface Armed {
  consentId: string
  actor: string
  at: number
}

/** The desk's pending "patient agreed" for the next chip read (in memory: a restart asks again). */
export class ChipConsent {
  private armed: Armed | null = null

  arm(consentId: string, actor: string, at: number): void {
    this.armed = { consentId, actor, at }
  }

  /** The consent for a read by `actor` now, used up by the read; null when none was given (or it expired). */
  take(actor: string, now: number): string | null {
    const a = this.armed
    if (!a || a.actor !== actor || now - a.at > CHIP_CONSENT_MS) return null
    this.armed = null
    return a.consentId
  }

  /** Whether a consent waits (without using it). */
  pending(actor: string, now: number): boolean {
    const a = this.armed
    return a !== null && a.actor === actor && now - a.at <= CHIP_CONSENT_MS
  }
}

export function recordConsent(
  db: Db,
  at: string,
  c: { purpose: Purpose; given: boolean; actor: string; patientId?: string | null; visitId?: string | null }
): string {
  const id = randomUUID()
  db.transaction(() => {
    db.prepare(
      `INSERT INTO consents (id, patient_id, visit_id, purpose, legal_basis, notice_version, given, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      id,
      c.patientId ?? null,
      c.visitId ?? null,
      c.purpose,
      PURPOSE_BASIS[c.purpose],
      NOTICE_VERSION,
      c.given ? 1 : 0,
      c.actor,
      at
    )
    writeAudit(db, at, {
      actor: c.actor,
      action: 'consent',
      entity: 'consent',
      entityId: id,
      detail: { purpose: c.purpose, basis: PURPOSE_BASIS[c.purpose], given: c.given, notice: NOTICE_VERSION }
    })
  })()
  return id
}

/** The chip read the consent was for; the registration later links both to the patient and visit. */
export function linkConsentToRead(db: Db, consentId: string, readId: string): void {
  db.prepare('UPDATE consents SET read_id = ? WHERE id = ?').run(readId, consentId)
}

const visitStatements = (db: Db) => ({
  purpose: db.prepare(
    `INSERT INTO consents (id, patient_id, visit_id, purpose, legal_basis, notice_version, given, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`
  ),
  linkRead: db.prepare(
    'UPDATE consents SET patient_id = ?, visit_id = ? WHERE read_id = ? AND visit_id IS NULL'
  )
})
/** Prepared once per connection: every registration writes these. */
const prepared = new WeakMap<Db, ReturnType<typeof visitStatements>>()

/** At registration: the purposes of this visit with their basis, and the chip consent tied to the visit. */
export function recordVisitPurposes(
  db: Db,
  at: string,
  v: { patientId: string; visitId: string; actor: string; readIds: string[] }
): void {
  let st = prepared.get(db)
  if (!st) prepared.set(db, (st = visitStatements(db)))
  for (const purpose of ['care', 'his', 'emch'] as const) {
    st.purpose.run(
      randomUUID(),
      v.patientId,
      v.visitId,
      purpose,
      PURPOSE_BASIS[purpose],
      NOTICE_VERSION,
      v.actor,
      at
    )
  }
  for (const readId of v.readIds) st.linkRead.run(v.patientId, v.visitId, readId)
}
