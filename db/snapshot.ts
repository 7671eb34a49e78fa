import Database from 'better-sqlite3-multiple-ciphers'
import { closeSync, openSync, rmSync } from 'node:fs'
import { AppError } from '../contract/errors'
import type { Db } from './db-type'

/** What a database holds, for a backup's header and a restore's check: counts only, never a record. */
export interface DatabaseSummary {
  patients: number
  /** Outbox rows not yet accepted by HIS/eMCH (pending, sending, failed, dead). */
  queued: number
  /** The newest change recorded in the data (ISO time), '' for an empty database. */
  lastChangeAt: string
  schemaVersion: number
}

export function summarize(db: Db): DatabaseSummary {
  const one = (sql: string): unknown => (db.prepare(sql).get() as { v: unknown }).v
  return {
    patients: Number(one('SELECT count(*) AS v FROM patients')),
    queued: Number(one("SELECT count(*) AS v FROM outbox WHERE status <> 'sent'")),
    lastChangeAt: String(
      one(`SELECT coalesce(max(t), '') AS v FROM (
             SELECT max(updated_at) AS t FROM patients UNION ALL SELECT max(created_at) FROM visits
             UNION ALL SELECT max(updated_at) FROM outbox UNION ALL SELECT max(at) FROM audit_log)`)
    ),
    schemaVersion: db.pragma('user_version', { simple: true }) as number
  }
}

/**
 * A consistent copy of the live database in `file`, encrypted with the same key: VACUUM INTO reads one snapshot
 * (writers carry on under WAL) and SQLite3MultipleCiphers encrypts the copy with the source's cipher and key. The
 * online-backup API cannot be used: better-sqlite3 opens its destination without a key and the cipher refuses.
 */
export function snapshotInto(db: Db, file: string): void {
  // Owner-only from the first byte; VACUUM INTO accepts an existing empty file.
  closeSync(openSync(file, 'w', 0o600))
  try {
    db.prepare('VACUUM INTO ?').run(file)
  } catch (e) {
    rmSync(file, { force: true })
    throw e
  }
}

/**
 * Opens a database file that is not (yet) any data directory's, checks it and summarizes it. Null when `key`
 * does not open it; DB_CORRUPT when it opens but fails the integrity check.
 */
export function inspectDatabaseFile(path: string, key: Buffer): DatabaseSummary | null {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    db.pragma(`key="x'${key.toString('hex')}'"`)
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get()
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_NOTADB') return null
      throw e
    }
    const verdict = (db.pragma('integrity_check(1)') as { integrity_check: string }[])[0]?.integrity_check
    if (verdict !== 'ok') throw AppError.of('DB_CORRUPT', undefined, { path }, { integrityCheck: verdict })
    return summarize(db)
  } finally {
    db.close()
  }
}
