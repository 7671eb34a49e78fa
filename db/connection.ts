import Database from 'better-sqlite3-multiple-ciphers'
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../contract/errors'
import { migrate } from './migrate'
import { loadMigrations } from './migrations'

export type { Db } from './db-type'
import type { Db } from './db-type'

export interface OpenOptions {
  path: string
  /** 32-byte key; the file is encrypted with SQLite3MultipleCiphers' default cipher (ChaCha20-Poly1305). */
  key: Buffer
  readonly?: boolean
}

/**
 * Opens (creating if needed) the encrypted database, checks the key, sets WAL and foreign keys, and applies
 * pending migrations. A wrong or missing key gives DB_KEY_INVALID instead of SQLite's "file is not a database".
 */
export function openDatabase(opts: OpenOptions): Db {
  if (opts.key.length !== 32) throw new Error('database key must be 32 bytes')
  mkdirSync(dirname(opts.path), { recursive: true, mode: 0o700 })
  // Create the file owner-only before SQLite does: its -wal and -shm files inherit these permissions.
  if (!opts.readonly && !existsSync(opts.path)) closeSync(openSync(opts.path, 'a', 0o600))
  const db = new Database(opts.path, { readonly: opts.readonly ?? false, timeout: 5000 })
  try {
    db.pragma(`hexkey='${opts.key.toString('hex')}'`)
    // The first read proves the key: a wrong key fails here, before anything is written.
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (e) {
    db.close()
    const raw = e instanceof Error ? e.message : String(e)
    if (/not a database|encrypted/i.test(raw)) {
      throw AppError.of('DB_KEY_INVALID', 'error.db.keyInvalid').withDetail(
        `Cannot open database (wrong key or corrupt file): ${raw}`
      )
    }
    throw e
  }
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
  }
  db.pragma('foreign_keys = ON')
  if (!opts.readonly) migrate(db, loadMigrations())
  return db
}
