import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/connection'
import { insertIdentityRead, setReadVerification } from '../../db/identity-reads'
import type { Identity } from '../../contract/identity'
import type { PassiveAuthValue } from '../../contract/reading'
import { writeAudit } from '../audit/audit-log'

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
  db.transaction(() => {
    insertIdentityRead(db, {
      id,
      source: read.identity.source,
      identityJson: JSON.stringify(read.identity),
      verificationJson: read.verification ? JSON.stringify(read.verification) : null,
      fieldsJson: JSON.stringify(suppliedFields(read.identity)),
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
