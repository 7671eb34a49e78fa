import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { openDatabase } from '../../../db/connection'
import { DATABASE_FILE } from '../../../core'
import { registration, testServices } from '../../support/fixtures'

describe('encrypted database', () => {
  it('keeps no plaintext name or ID number anywhere on disk (db and WAL)', () => {
    const t = testServices()
    try {
      for (let i = 0; i < 20; i++) {
        t.services.register(
          registration(
            {},
            { fullName: `Trần Văn Khoa ${i}`, idNumber: `0221950099${String(i).padStart(2, '0')}` }
          )
        )
      }
      const files = readdirSync(t.dir).filter((f) => f.startsWith(DATABASE_FILE))
      expect(files).toContain(DATABASE_FILE)
      for (const f of files) {
        const bytes = readFileSync(join(t.dir, f))
        for (const needle of [
          'Trần Văn Khoa',
          'Tran Van Khoa',
          'tran van khoa',
          '022195009900',
          'SQLite format 3'
        ]) {
          expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} found in ${f}`).toBe(false)
        }
      }
    } finally {
      t.cleanup()
    }
  })

  it('refuses to open with a wrong key, with a clear error, and leaves the data readable with the right key', () => {
    const t = testServices()
    t.services.register(registration())
    t.services.close()
    const path = join(t.dir, DATABASE_FILE)
    expect(() => openDatabase({ path, key: randomBytes(32) })).toThrowError(
      expect.objectContaining({ code: 'DB_KEY_INVALID', messageVi: expect.stringContaining('khoá mã hoá') })
    )
    const db = openDatabase({ path, key: t.key })
    expect(db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 1 })
    db.close()
    t.cleanup()
  })
})
