import { randomUUID } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../contract/errors'

/** The database file's name inside a data directory (core/index.ts re-exports it as DATABASE_FILE). */
export const DATABASE_FILE_NAME = 'reception.db'

/**
 * A data directory remembers that it holds a database: `datadir.json` (written the first time a database is
 * created or opened there) carries an id the key file repeats. With it, a database that has gone missing or
 * empty is DB_MISSING, never silently re-created empty (search would say "not found", the clerk would register
 * duplicates, the unsent queue would be gone), and a missing key with a database present is DB_KEY_MISSING,
 * never a fresh key beside data it cannot open.
 */
export const IDENTITY_FILE = 'datadir.json'

/** Browser/CLI mode's key file (db/key-file.ts). Before datadir.json existed it was written one line long. */
export const KEY_FILE_NAME = 'db.key'

export interface DataDirIdentity {
  id: string
  createdAt: string
}

/** Creates the folder owner-only, and tightens one that already exists (an old install left it 0755). */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700)
}

export function readIdentity(dataDir: string): DataDirIdentity | null {
  const path = join(dataDir, IDENTITY_FILE)
  if (!existsSync(path)) return null
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as Partial<DataDirIdentity>
    if (typeof v.id === 'string' && typeof v.createdAt === 'string')
      return { id: v.id, createdAt: v.createdAt }
  } catch {
    // fall through: a damaged identity still proves a database lived here
  }
  return { id: 'unknown', createdAt: 'unknown' }
}

/** Written once; an existing identity is kept (its id is what the key file and backups refer to). */
export function ensureIdentity(dataDir: string, id: string = randomUUID()): DataDirIdentity {
  const existing = readIdentity(dataDir)
  if (existing) return existing
  const identity = { id, createdAt: new Date().toISOString() }
  try {
    writeFileSync(join(dataDir, IDENTITY_FILE), JSON.stringify(identity) + '\n', { mode: 0o600, flag: 'wx' })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    return readIdentity(dataDir) ?? identity
  }
  return identity
}

function hasDatabase(dataDir: string): boolean {
  const path = join(dataDir, DATABASE_FILE_NAME)
  return existsSync(path) && statSync(path).size > 0
}

/** A one-line key file predates datadir.json: the version that wrote it created the database right after. */
function hasLegacyKeyFile(dataDir: string): boolean {
  const path = join(dataDir, KEY_FILE_NAME)
  return existsSync(path) && readFileSync(path, 'utf8').trim().split('\n').length === 1
}

/** Before SQLite may create the file: an empty or absent database in a directory that held one is DB_MISSING. */
export function assertDatabaseNotLost(dataDir: string): void {
  if (!hasDatabase(dataDir) && (readIdentity(dataDir) || hasLegacyKeyFile(dataDir))) {
    throw AppError.of('DB_MISSING', undefined, { dir: dataDir })
  }
}

/** Before a new key is made: a directory holding (or having held) a database needs its old key, not a new one. */
export function assertKeyMayBeCreated(dataDir: string): void {
  if (hasDatabase(dataDir) || readIdentity(dataDir)) {
    throw AppError.of('DB_KEY_MISSING', undefined, { dir: dataDir })
  }
}
