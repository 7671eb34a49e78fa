import type { Db } from './connection'

/** CSCA certificates and document signers seen (migration 005). */

export interface CscaRow {
  fingerprint: string
  subject: string
  notBefore: string
  notAfter: string
  der: Uint8Array
  source: string
  importedAt: string
}

/** Adds a CSCA; false when the same certificate is already there. */
export function insertCsca(db: Db, row: CscaRow): boolean {
  const r = db
    .prepare(
      `INSERT OR IGNORE INTO csca_certificates (fingerprint, subject, not_before, not_after, der, source, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      row.fingerprint,
      row.subject,
      row.notBefore,
      row.notAfter,
      Buffer.from(row.der),
      row.source,
      row.importedAt
    )
  return r.changes > 0
}

export function listCscas(db: Db): CscaRow[] {
  return db
    .prepare<
      [],
      {
        fingerprint: string
        subject: string
        not_before: string
        not_after: string
        der: Buffer
        source: string
        imported_at: string
      }
    >('SELECT * FROM csca_certificates ORDER BY subject, not_before')
    .all()
    .map((r) => ({
      fingerprint: r.fingerprint,
      subject: r.subject,
      notBefore: r.not_before,
      notAfter: r.not_after,
      der: new Uint8Array(r.der),
      source: r.source,
      importedAt: r.imported_at
    }))
}

/**
 * Remembers a document signer; returns whether its issuer was new (no earlier signer had it) while other
 * signers had been seen before (the very first card on a new install is not an anomaly).
 */
export function recordSignerSeen(
  db: Db,
  signer: { fingerprint: string; subject: string; issuer: string },
  at: string
): { newIssuer: boolean } {
  return db.transaction(() => {
    const known = db
      .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM document_signers_seen WHERE issuer = ?')
      .get(signer.issuer)!.n
    const any = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM document_signers_seen').get()!.n
    db.prepare(
      `INSERT INTO document_signers_seen (fingerprint, subject, issuer, first_seen_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(fingerprint) DO UPDATE SET last_seen_at = excluded.last_seen_at, times_seen = times_seen + 1`
    ).run(signer.fingerprint, signer.subject, signer.issuer, at, at)
    return { newIssuer: known === 0 && any > 0 }
  })()
}

export function listSignersSeen(
  db: Db
): { fingerprint: string; subject: string; issuer: string; firstSeenAt: string; timesSeen: number }[] {
  return db
    .prepare<
      [],
      { fingerprint: string; subject: string; issuer: string; first_seen_at: string; times_seen: number }
    >(
      'SELECT fingerprint, subject, issuer, first_seen_at, times_seen FROM document_signers_seen ORDER BY first_seen_at'
    )
    .all()
    .map((r) => ({
      fingerprint: r.fingerprint,
      subject: r.subject,
      issuer: r.issuer,
      firstSeenAt: r.first_seen_at,
      timesSeen: r.times_seen
    }))
}
