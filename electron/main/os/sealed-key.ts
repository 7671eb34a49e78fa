import type { SafeStorage } from 'electron'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../contract/errors'
import { assertKeyMayBeCreated, KEY_FILE_NAME, readKeyFile } from '../../../core/config/data-dir'

export const SEALED_KEY_FILE = 'db.key.sealed'

/**
 * The database key sealed with the OS key store (DPAPI on Windows) via safeStorage. When the key store is
 * unavailable we refuse to start rather than silently storing the key in clear (Signal's lesson).
 */
export function loadOrCreateSealedKey(
  dataDir: string,
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>
): Buffer {
  if (!safeStorage.isEncryptionAvailable()) {
    throw AppError.of('DB_KEY_INVALID', 'error.db.osKeyStoreUnavailable')
  }
  const path = join(dataDir, SEALED_KEY_FILE)
  if (existsSync(path)) {
    const hex = safeStorage.decryptString(readFileSync(path))
    if (!/^[0-9a-f]{64}$/.test(hex)) throw AppError.of('DB_KEY_INVALID', 'error.db.sealedKeyCorrupt')
    return Buffer.from(hex, 'hex')
  }
  // A key file `reception restore` (or browser mode) wrote is adopted: sealed, then the clear copy removed.
  const plainKey = join(dataDir, KEY_FILE_NAME)
  const adopted = existsSync(plainKey) ? readKeyFile(plainKey) : null
  // Never a fresh key beside a database the old one encrypted (DB_KEY_MISSING): that data could not be opened again.
  if (!adopted) assertKeyMayBeCreated(dataDir)
  const key = adopted ?? randomBytes(32)
  const tmp = `${path}.tmp`
  writeFileSync(tmp, safeStorage.encryptString(key.toString('hex')), { mode: 0o600 })
  renameSync(tmp, path)
  if (adopted) rmSync(plainKey)
  return key
}
