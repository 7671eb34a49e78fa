import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { AppError } from '../../contract/errors'
import type { Db } from '../../db/connection'
import { insertCsca, listCscas, listSignersSeen, recordSignerSeen } from '../../db/trust'
import { parseTrustAnchors } from '../../protocol/icao'

/**
 * The CSCA trust store that IT fills (`reception trust import`), and the record of document signers seen on
 * cards. Until the national CSCA is imported, a valid chip shows 'Chip' (intact, signer not verified), never ✓.
 */

const fingerprint = (der: Uint8Array): string => createHash('sha256').update(der).digest('hex')

export interface TrustImportResult {
  /** CA certificates found in the file. */
  found: number
  added: number
  alreadyPresent: number
  subjects: string[]
}

export function importTrustFile(db: Db, bytes: Uint8Array, fileName: string, at: string): TrustImportResult {
  const anchors = parseTrustAnchors(bytes)
  if (anchors.length === 0) throw AppError.of('VALIDATION', 'trust.importNothing')
  let added = 0
  for (const a of anchors) {
    const inserted = insertCsca(db, {
      fingerprint: fingerprint(a.der),
      subject: a.subject,
      notBefore: a.notBefore,
      notAfter: a.notAfter,
      der: a.der,
      source: basename(fileName),
      importedAt: at
    })
    if (inserted) added++
  }
  return {
    found: anchors.length,
    added,
    alreadyPresent: anchors.length - added,
    subjects: [...new Set(anchors.map((a) => a.subject))]
  }
}

export function trustedCscas(db: Db): Uint8Array[] {
  return listCscas(db).map((c) => c.der)
}

export function trustList(db: Db): {
  cscas: { fingerprint: string; subject: string; notAfter: string; source: string }[]
  signersSeen: ReturnType<typeof listSignersSeen>
} {
  return {
    cscas: listCscas(db).map((c) => ({
      fingerprint: c.fingerprint,
      subject: c.subject,
      notAfter: c.notAfter,
      source: c.source
    })),
    signersSeen: listSignersSeen(db)
  }
}

/** Remembers the card's document signer; true when its issuer differs from every issuer seen before. */
export function noteDocumentSigner(
  db: Db,
  signer: { der: Uint8Array | null; subject: string | null; issuer: string | null },
  at: string
): boolean {
  if (!signer.der || !signer.issuer) return false
  return recordSignerSeen(
    db,
    { fingerprint: fingerprint(signer.der), subject: signer.subject ?? '', issuer: signer.issuer },
    at
  ).newIssuer
}
