import { describe, expect, it } from 'vitest'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { loadOrCreateSealedKey, SEALED_KEY_FILE } from '../../../electron/main/os/sealed-key'
import { DATABASE_FILE } from '../../../core'
import { tempDir } from '../../support/fixtures'

/** safeStorage stand-in: reversible, enough to see what the app stores and reads back. */
const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (s: string) => Buffer.from(`sealed:${s}`),
  decryptString: (b: Buffer) => b.toString().replace(/^sealed:/, '')
}

describe('the Electron app key store', () => {
  it('does not make a fresh key beside an existing database whose sealed key is gone (DB_KEY_MISSING)', () => {
    const t = tempDir()
    try {
      writeFileSync(join(t.dir, DATABASE_FILE), randomBytes(8192))
      expect(() => loadOrCreateSealedKey(t.dir, safeStorage)).toThrowError(
        expect.objectContaining({ code: 'DB_KEY_MISSING' })
      )
      expect(existsSync(join(t.dir, SEALED_KEY_FILE))).toBe(false)
    } finally {
      t.cleanup()
    }
  })

  it('adopts the key file a restore wrote: seals it and removes the clear copy', () => {
    const t = tempDir()
    try {
      const key = randomBytes(32)
      writeFileSync(join(t.dir, DATABASE_FILE), randomBytes(8192))
      writeFileSync(join(t.dir, 'db.key'), `${key.toString('hex')}\nid x\n`, { mode: 0o600 })
      expect(loadOrCreateSealedKey(t.dir, safeStorage)).toEqual(key)
      expect(existsSync(join(t.dir, 'db.key'))).toBe(false)
      expect(loadOrCreateSealedKey(t.dir, safeStorage)).toEqual(key)
    } finally {
      t.cleanup()
    }
  })
})
