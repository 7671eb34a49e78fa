import Database from 'better-sqlite3-multiple-ciphers'
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs'
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
  /**
   * PRAGMA quick_check before use: 'auto' (default) when no check passed in the last week; true always; false
   * never. It reads every page (~2–8 s at 150k patients), so not at every open.
   */
  check?: boolean | 'auto'
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
  return AppError.of('DB_KEY_INVALID', 'error.db.keyInvalid').withDetail(
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
  // The rekey rewrites every page: nothing of it may pass through a clear temp file either.
  old.pragma('temp_store = MEMORY')
  if (!opts.readonly) old.pragma(`re${rawKey(opts.key)}`)
  return old
}

const CHECKED_SUFFIX = '-checked'
const CHECK_EVERY_MS = 7 * 24 * 3600 * 1000

/**
 * Whether the start-up check is due: at the first open and then weekly. Between checks every page is still
 * authenticated by the cipher when read (a damaged page is SQLITE_CORRUPT → DB_CORRUPT), and the daily backup
 * runs a full integrity check on its copy. (WAL with synchronous=FULL does not corrupt on a crash; damage
 * comes from the disk, at any time, so a crash is no better a trigger than the calendar.)
 */
function checkDue(path: string): boolean {
  try {
    const last = Date.parse(readFileSync(path + CHECKED_SUFFIX, 'utf8').trim())
    return !(Date.now() - last < CHECK_EVERY_MS)
  } catch {
    return true
  }
}

function quickCheck(db: Db, path: string, record: boolean): void {
  const rows = db.pragma('quick_check(1)') as { quick_check: string }[]
  const verdict = rows[0]?.quick_check ?? 'no answer'
  if (verdict !== 'ok') throw AppError.of('DB_CORRUPT', undefined, { path }, { quickCheck: verdict })
  if (record) writeFileSync(path + CHECKED_SUFFIX, new Date().toISOString() + '\n', { mode: 0o600 })
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
      const check = opts.check ?? 'auto'
      if (check === true || (check === 'auto' && checkDue(opts.path))) {
        quickCheck(db, opts.path, !opts.readonly)
      }
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

/** For benchmarks that measure what durability costs: switches an open database's synchronous mode. */
export function setSynchronous(db: Db, mode: Synchronous): void {
  db.pragma(`synchronous = ${mode}`)
}
