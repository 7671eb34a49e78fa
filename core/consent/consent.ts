import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/connection'
import { insertConsent, linkConsentReadToVisit, setConsentRead } from '../../db/consents'
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

  /**
   * Puts back a consent whose read never reached the chip's data (the chip refused the keys): the clerk types the
   * card's 6 digits next, for the same patient, without asking again. The original time still bounds it.
   */
  giveBack(consentId: string, actor: string, armedAt: number): void {
    if (this.armed === null) this.armed = { consentId, actor, at: armedAt }
  }

  /** When the consent waiting for `actor` was given, or null. */
  armedAt(actor: string): number | null {
    return this.armed && this.armed.actor === actor ? this.armed.at : null
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
    insertConsent(db, {
      id,
      patientId: c.patientId ?? null,
      visitId: c.visitId ?? null,
      purpose: c.purpose,
      legalBasis: PURPOSE_BASIS[c.purpose],
      noticeVersion: NOTICE_VERSION,
      given: c.given,
      recordedBy: c.actor,
      recordedAt: at
    })
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
  setConsentRead(db, consentId, readId)
}

/** At registration: the purposes of this visit with their basis, and the chip consent tied to the visit. */
export function recordVisitPurposes(
  db: Db,
  at: string,
  v: { patientId: string; visitId: string; actor: string; readIds: string[] }
): void {
  for (const purpose of ['care', 'his', 'emch'] as const) {
    insertConsent(db, {
      id: randomUUID(),
      patientId: v.patientId,
      visitId: v.visitId,
      purpose,
      legalBasis: PURPOSE_BASIS[purpose],
      noticeVersion: NOTICE_VERSION,
      given: true,
      recordedBy: v.actor,
      recordedAt: at
    })
  }
  for (const readId of v.readIds) linkConsentReadToVisit(db, readId, v.patientId, v.visitId)
}
