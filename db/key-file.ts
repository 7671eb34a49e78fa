import { randomBytes, randomUUID } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../contract/errors'
import { assertKeyMayBeCreated, ensurePrivateDir, KEY_FILE_NAME } from './data-dir'

export { KEY_FILE_NAME } from './data-dir'

/**
 * Browser/CLI mode keeps the 256-bit database key in a file readable only by its owner (0600), next to the
 * database. Losing the file means losing the data, so it is created once and never rewritten, and never
 * created beside a database that already exists (DB_KEY_MISSING: the old key must come back, or a backup).
 * Line 1 is the key in hex; line 2 `id <uuid>` marks a key made by a version that also writes datadir.json.
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  ensurePrivateDir(dataDir)
  const path = join(dataDir, KEY_FILE_NAME)
  if (!existsSync(path)) {
    assertKeyMayBeCreated(dataDir)
    writeKeyFile(dataDir, randomBytes(32), randomUUID())
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
  return readKeyFile(path)
}

/** Writes a key file that must not exist yet ('wx' refuses to overwrite a key another process just created). */
export function writeKeyFile(dataDir: string, key: Buffer, id: string): void {
  try {
    writeFileSync(join(dataDir, KEY_FILE_NAME), `${key.toString('hex')}\nid ${id}\n`, {
      mode: 0o600,
      flag: 'wx'
    })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
}

export function readKeyFile(path: string): Buffer {
  const hex = readFileSync(path, 'utf8').split('\n')[0]!.trim()
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw AppError.of('DB_KEY_INVALID', 'error.db.keyFileCorrupt', { path })
  }
  return Buffer.from(hex, 'hex')
}
