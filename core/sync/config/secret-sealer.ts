import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { AppError } from '../../../contract/errors'

/**
 * Seals configuration secrets (tokens, passwords) so the config file never holds them in clear. The Electron
 * app can pass a sealer over safeStorage; browser/CLI mode derives one from the database key file.
 */
export interface SecretSealer {
  seal(plain: string): string
  open(sealed: string): string
}

const PREFIX = 'v1:'

/**
 * AES-256-GCM under a key derived (HKDF-SHA256) from the 32-byte database key: whoever can read the secrets
 * could open the database anyway, and no second key file has to be kept safe.
 */
export function createKeyFileSealer(dbKey: Buffer): SecretSealer {
  const key = Buffer.from(hkdfSync('sha256', dbKey, 'reception-desk', 'config secrets v1', 32))
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
    },
    open(sealed) {
      try {
        if (!sealed.startsWith(PREFIX)) throw new Error('unknown format')
        const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64')
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
        decipher.setAuthTag(raw.subarray(12, 28))
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
      } catch {
        throw AppError.of('CONFIG_INVALID', 'error.config.secretUnreadable')
      }
    }
  }
}
