import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../contract/errors'

/** Name of the key file used in browser/CLI mode (the Electron app seals its key with safeStorage instead). */
export const KEY_FILE_NAME = 'db.key'

/**
 * Browser/CLI mode keeps the 256-bit database key in a file readable only by its owner (0600), next to the
 * database. Losing the file means losing the data, so it is created once and never rewritten.
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const path = join(dataDir, KEY_FILE_NAME)
  if (!existsSync(path)) {
    const key = randomBytes(32)
    // 'wx' refuses to overwrite a key another process just created.
    try {
      writeFileSync(path, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
  const hex = readFileSync(path, 'utf8').trim()
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw AppError.of('DB_KEY_INVALID', 'error.db.keyFileCorrupt', { path })
  }
  return Buffer.from(hex, 'hex')
}
