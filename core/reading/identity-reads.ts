import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/connection'
import { insertIdentityRead, setReadVerification } from '../../db/identity-reads'
import type { Identity } from '../../contract/identity'
import type { PassiveAuthValue } from '../../contract/reading'
import { writeAudit } from '../audit/audit-log'
import { getSetting } from '../../db/settings'

/** Off by default: the form never collects these, so the evidence of a read does not keep them either. */
export const KEEP_SENSITIVE_CARD_FIELDS = 'privacy.keepReligionAndFeatures'

/** What identity_reads keeps of a card: religion and identifying features only when a setting asks for them. */
export function minimiseIdentity(db: Db, identity: Identity): Identity {
  if (getSetting<boolean>(db, KEEP_SENSITIVE_CARD_FIELDS) === true) return identity
  return { ...identity, religion: null, identifyingFeatures: null }
}

/** Which identity fields a read supplied (the evidence behind "filled by QR/verified by chip"). */
export function suppliedFields(identity: Identity): string[] {
  return Object.entries(identity)
    .filter(([k, v]) => k !== 'source' && v !== null && v !== false && v !== '')
    .map(([k]) => k)
}

/** Records a chip/QR read in identity_reads and the audit log; returns its id. */
export function recordIdentityRead(
  db: Db,
  at: string,
  actor: string,
  read: { identity: Identity; readerName?: string | null; verification?: PassiveAuthValue | null }
): string {
  const id = randomUUID()
  const kept = minimiseIdentity(db, read.identity)
  db.transaction(() => {
    insertIdentityRead(db, {
      id,
      source: read.identity.source,
      identityJson: JSON.stringify(kept),
      verificationJson: read.verification ? JSON.stringify(read.verification) : null,
      fieldsJson: JSON.stringify(suppliedFields(kept)),
      readerName: read.readerName ?? null,
      readBy: actor,
      readAt: at
    })
    writeAudit(db, at, {
      actor,
      action: 'read',
      entity: 'identity',
      entityId: id,
      detail: { source: read.identity.source }
    })
  })()
  return id
}

/** Adds the passive-authentication result to a chip read once EF.SOD has been checked. */
export function recordVerification(db: Db, readId: string, verification: PassiveAuthValue): void {
  setReadVerification(db, readId, JSON.stringify(verification))
}
