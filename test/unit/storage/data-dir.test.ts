import { describe, expect, it } from 'vitest'
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3-multiple-ciphers'
import { DATABASE_FILE } from '../../../core'
import { openNodeServices } from '../../../core/node-runtime'
import { openDatabase } from '../../../db/connection'
import { KEY_FILE_NAME } from '../../../db/key-file'
import { registration, tempDir } from '../../support/fixtures'

const posix = process.platform !== 'win32'

function deskWithOnePatient() {
  const t = tempDir()
  const s = openNodeServices({ dataDir: t.dir, mode: 'cli' })
  s.register(registration())
  s.close()
  return t
}

/** Overwrites part of every page after the schema page, as a failing disk would. */
function damagePages(path: string): void {
  const bytes = readFileSync(path)
  expect(bytes.length).toBeGreaterThan(4096 * 4)
  for (let page = 2; page * 4096 < bytes.length; page++)
    bytes.fill(0x33, page * 4096 + 100, page * 4096 + 400)
  writeFileSync(path, bytes)
}

function openError(dir: string): { code?: string; message?: string; messageVi?: string } {
  try {
    openNodeServices({ dataDir: dir, mode: 'cli' }).close()
  } catch (e) {
    return e as { code?: string }
  }
  return {}
}

describe('a data directory that held a database', () => {
  it('says DB_MISSING, with what to do, when the database file was deleted, and creates no empty one', () => {
    const t = deskWithOnePatient()
    try {
      rmSync(join(t.dir, DATABASE_FILE))
      const e = openError(t.dir)
      expect(e.code).toBe('DB_MISSING')
      expect(e.messageVi).toContain('restore --from')
      expect(existsSync(join(t.dir, DATABASE_FILE))).toBe(false)
    } finally {
      t.cleanup()
    }
  })

  it('says DB_MISSING when the database file is 0 bytes', () => {
    const t = deskWithOnePatient()
    try {
      writeFileSync(join(t.dir, DATABASE_FILE), '')
      expect(openError(t.dir).code).toBe('DB_MISSING')
      expect(statSync(join(t.dir, DATABASE_FILE)).size).toBe(0)
    } finally {
      t.cleanup()
    }
  })

  it('says DB_MISSING for a desk set up by an older version (one-line key file) whose database is gone', () => {
    const t = tempDir()
    try {
      writeFileSync(join(t.dir, KEY_FILE_NAME), randomBytes(32).toString('hex') + '\n', { mode: 0o600 })
      expect(openError(t.dir).code).toBe('DB_MISSING')
    } finally {
      t.cleanup()
    }
  })

  it('says DB_KEY_MISSING when the key file is gone, and writes no new key beside the old data', () => {
    const t = deskWithOnePatient()
    try {
      rmSync(join(t.dir, KEY_FILE_NAME))
      const e = openError(t.dir)
      expect(e.code).toBe('DB_KEY_MISSING')
      expect(existsSync(join(t.dir, KEY_FILE_NAME))).toBe(false)
    } finally {
      t.cleanup()
    }
  })

  it('still sets up a brand-new desk on first start, and opens it again', () => {
    const t = tempDir()
    try {
      const dir = join(t.dir, 'new-desk')
      openNodeServices({ dataDir: dir, mode: 'cli' }).close()
      const again = openNodeServices({ dataDir: dir, mode: 'cli' })
      expect(again.searchPatients('Nhung', 5)).toEqual([])
      again.close()
    } finally {
      t.cleanup()
    }
  })

  it.runIf(posix)('tightens a pre-existing 0755 data directory to 0700', () => {
    const t = tempDir()
    try {
      const dir = join(t.dir, 'old-desk')
      mkdirSync(dir, { mode: 0o755 })
      chmodSync(dir, 0o755)
      openNodeServices({ dataDir: dir, mode: 'cli' }).close()
      expect(statSync(dir).mode & 0o777).toBe(0o700)
    } finally {
      t.cleanup()
    }
  })
})

describe('database key form', () => {
  it('rekeys a database keyed the old way (passphrase + KDF) to the raw key, keeping every patient', () => {
    const t = tempDir()
    try {
      const key = randomBytes(32)
      const path = join(t.dir, DATABASE_FILE)
      const old = new Database(path)
      old.pragma(`hexkey='${key.toString('hex')}'`)
      old.exec("CREATE TABLE kept (name TEXT); INSERT INTO kept VALUES ('Phạm Văn Đức')")
      old.close()

      const db = openDatabase({ path, key })
      expect(db.prepare('SELECT name FROM kept').get()).toEqual({ name: 'Phạm Văn Đức' })
      db.close()

      const raw = new Database(path)
      raw.pragma(`key="x'${key.toString('hex')}'"`)
      expect(raw.prepare('SELECT count(*) AS n FROM kept').get()).toEqual({ n: 1 })
      raw.close()
      const legacy = new Database(path)
      legacy.pragma(`hexkey='${key.toString('hex')}'`)
      expect(() => legacy.prepare('SELECT count(*) FROM kept').get()).toThrow(/not a database/)
      legacy.close()
      expect(openDatabase({ path, key }).prepare('SELECT count(*) AS n FROM kept').get()).toEqual({ n: 1 })
    } finally {
      t.cleanup()
    }
  })
})

describe('storage errors say what happened', () => {
  it('a full disk is DISK_FULL (by SQLite result code), not a generic internal error', async () => {
    const { toErrorValue } = await import('../../../contract/errors')
    const t = tempDir()
    try {
      const s = openNodeServices({ dataDir: t.dir, mode: 'cli' })
      const pages = s.db.pragma('page_count', { simple: true }) as number
      s.db.pragma(`max_page_count = ${pages}`)
      let error: unknown
      try {
        for (let i = 0; i < 200; i++)
          s.register(
            registration({}, { idNumber: `0221950${String(i).padStart(5, '0')}`, fullName: 'X'.repeat(900) })
          )
      } catch (e) {
        error = e
      }
      s.close()
      expect((error as { code?: string }).code).toBe('SQLITE_FULL')
      const value = toErrorValue(error)
      expect(value.code).toBe('DISK_FULL')
      expect(value.message).toContain('Ổ đĩa đã đầy')
    } finally {
      t.cleanup()
    }
  })

  it('a write the file system refuses is DB_READONLY', async () => {
    const { toErrorValue } = await import('../../../contract/errors')
    const t = deskWithOnePatient()
    try {
      const db = new Database(join(t.dir, DATABASE_FILE), { readonly: true })
      db.pragma(`key="x'${readFileSync(join(t.dir, KEY_FILE_NAME), 'utf8').slice(0, 64)}'"`)
      let error: unknown
      try {
        db.exec('DELETE FROM patients')
      } catch (e) {
        error = e
      }
      db.close()
      expect(toErrorValue(error)).toMatchObject({ code: 'DB_READONLY', key: 'error.DB_READONLY' })
    } finally {
      t.cleanup()
    }
  })

  it('the weekly start-up check names a damaged page DB_CORRUPT, not "unexpected error"', () => {
    const t = deskWithOnePatient()
    try {
      const path = join(t.dir, DATABASE_FILE)
      damagePages(path)
      writeFileSync(`${path}-checked`, new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString())
      const e = openError(t.dir)
      expect(e.code).toBe('DB_CORRUPT')
      expect(e.messageVi).toContain('bị hỏng')
    } finally {
      t.cleanup()
    }
  })

  it("between checks, a damaged page the clerk's search reads is DB_CORRUPT too", async () => {
    const { toErrorValue } = await import('../../../contract/errors')
    const t = deskWithOnePatient()
    try {
      damagePages(join(t.dir, DATABASE_FILE))
      let code: string | undefined
      try {
        const s = openNodeServices({ dataDir: t.dir, mode: 'cli' })
        try {
          s.searchPatients('Nguyễn Thị Hồng Nhung', 5)
          s.db.prepare('SELECT * FROM patients').all()
        } finally {
          s.close()
        }
      } catch (e) {
        code = toErrorValue(e).code
      }
      expect(code).toBe('DB_CORRUPT')
    } finally {
      t.cleanup()
    }
  })
})
