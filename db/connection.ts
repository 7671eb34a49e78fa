import Database from 'better-sqlite3-multiple-ciphers'
import { closeSync, existsSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../contract/errors'
import { trackCommits, verifyWalAgainstMarker } from './commit-marker'
import { assertDatabaseNotLost, ensureIdentity, ensurePrivateDir } from './data-dir'
import { migrate } from './migrate'
import { loadMigrations } from './migrations'
import { sqliteAppError } from './sqlite-errors'

export type { Db } from './db-type'
import type { Db } from './db-type'

export type Synchronous = 'FULL' | 'NORMAL'

export interface OpenOptions {
  path: string
  /** 32-byte key; the file is encrypted with SQLite3MultipleCiphers' default cipher (ChaCha20-Poly1305). */
  key: Buffer
  readonly?: boolean
  /** FULL (the default) fsyncs the WAL at every commit. NORMAL exists for bench/ to measure what FULL costs. */
  synchronous?: Synchronous
  /** Run PRAGMA quick_check before use (default true). */
  check?: boolean
}

/** The raw-key form: the 32 random bytes are the cipher key itself, no PBKDF2 over them (~0.1 ms, not ~37 ms). */
const rawKey = (key: Buffer): string => `key="x'${key.toString('hex')}'"`
/** How databases were keyed before: the bytes as a passphrase, stretched by the cipher's KDF at every open. */
const legacyKey = (key: Buffer): string => `hexkey='${key.toString('hex')}'`

function readable(db: Db): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return true
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') return false
    throw e
  }
}

function keyInvalid(raw: string): AppError {
  return new AppError(
    'DB_KEY_INVALID',
    'Không mở được cơ sở dữ liệu: khoá mã hoá không đúng hoặc tệp bị hỏng. Hãy báo bộ phận CNTT, không xoá tệp.',
    `Cannot open database (wrong key or corrupt file): ${raw}`
  )
}

/**
 * Opens the database with the raw key; a database keyed the old way (passphrase + KDF) is opened that way once
 * and rekeyed to the raw form, so every later open skips the KDF.
 */
function openKeyed(opts: OpenOptions): Db {
  const connect = (): Db => new Database(opts.path, { readonly: opts.readonly ?? false, timeout: 5000 })
  const db = connect()
  db.pragma(rawKey(opts.key))
  if (readable(db)) return db
  db.close()
  const old = connect()
  old.pragma(legacyKey(opts.key))
  if (!readable(old)) {
    old.close()
    throw keyInvalid('file is not a database')
  }
  if (!opts.readonly) old.pragma(`re${rawKey(opts.key)}`)
  return old
}

function quickCheck(db: Db, path: string): void {
  const rows = db.pragma('quick_check(1)') as { quick_check: string }[]
  const verdict = rows[0]?.quick_check ?? 'no answer'
  if (verdict !== 'ok') throw AppError.of('DB_CORRUPT', undefined, { path }, { quickCheck: verdict })
}

/**
 * Opens (creating only in a fresh data directory) the encrypted database: refuses a lost database, a damaged
 * WAL, a wrong key and a corrupt file with their own codes; then WAL with synchronous=FULL, temp files kept in
 * memory (the cipher does not encrypt them), foreign keys, pending migrations.
 */
export function openDatabase(opts: OpenOptions): Db {
  if (opts.key.length !== 32) throw new Error('database key must be 32 bytes')
  const dir = dirname(opts.path)
  try {
    if (!opts.readonly) {
      ensurePrivateDir(dir)
      assertDatabaseNotLost(dir)
      // Create the file owner-only before SQLite does: its -wal and -shm files inherit these permissions.
      if (!existsSync(opts.path)) closeSync(openSync(opts.path, 'a', 0o600))
    }
    verifyWalAgainstMarker(opts.path)
    const db = openKeyed(opts)
    try {
      // Before anything reads patient rows: sorts and big indexes must never spill names to a clear temp file.
      db.pragma('temp_store = MEMORY')
      if (opts.check !== false) quickCheck(db, opts.path)
      if (!opts.readonly) {
        db.pragma('journal_mode = WAL')
        db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`)
      }
      db.pragma('foreign_keys = ON')
      if (!opts.readonly) {
        migrate(db, loadMigrations())
        ensureIdentity(dir)
        trackCommits(db, opts.path)
      }
      return db
    } catch (e) {
      db.close()
      throw e
    }
  } catch (e) {
    throw sqliteAppError(e, opts.path) ?? e
  }
}
