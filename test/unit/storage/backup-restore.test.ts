import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DATABASE_FILE } from '../../../core'
import { openNodeServices } from '../../../core/node-runtime'
import { registration, tempDir } from '../../support/fixtures'

const ROOT = resolve(__dirname, '../../..')
const PASSPHRASE = 'Trạm y tế Hạ Long — sao lưu 2026'

/** The CLI as IT runs it: its own process, the passphrase piped on standard input. */
function reception(args: string[], stdin = ''): { code: number | null; out: Record<string, unknown> } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', '--json', ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    timeout: 90_000
  })
  return {
    code: run.status,
    out: JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>
  }
}

function contents(dir: string): { idNumbers: string[]; unsent: string[] } {
  const s = openNodeServices({ dataDir: dir, mode: 'cli' })
  try {
    return {
      idNumbers: (
        s.db.prepare('SELECT id_number FROM patients ORDER BY id_number').all() as { id_number: string }[]
      ).map((r) => r.id_number),
      unsent: (
        s.db.prepare("SELECT idempotency_key FROM outbox WHERE status <> 'sent' ORDER BY 1").all() as {
          idempotency_key: string
        }[]
      ).map((r) => r.idempotency_key)
    }
  } finally {
    s.close()
  }
}

/** A desk with 30 patients (60 queue rows, HIS and eMCH); 10 already sent, 50 wait. */
function desk(): { dir: string; cleanup: () => void } {
  const t = tempDir('reception-desk-')
  const s = openNodeServices({ dataDir: t.dir, mode: 'cli' })
  for (let i = 0; i < 30; i++) {
    s.register(
      registration({}, { fullName: `Vũ Thị Hạnh ${i}`, idNumber: `0221960${String(i).padStart(5, '0')}` })
    )
  }
  s.db.prepare("UPDATE outbox SET status = 'sent' WHERE id <= 10").run()
  s.close()
  return t
}

describe('backup and restore', () => {
  it('a passphrase backup restored on a new PC finds every patient and every unsent queue row', () => {
    const a = desk()
    const out = tempDir('reception-backups-')
    const fresh = tempDir('reception-newpc-')
    try {
      const file = join(out.dir, 'desk.rdbak')
      const made = reception(
        ['--data-dir', a.dir, 'backup', '--to', file, '--passphrase-stdin'],
        PASSPHRASE + '\n'
      )
      expect(made).toMatchObject({ code: 0, out: { patients: 30, queued: 50, withKey: true } })
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
      const bytes = readFileSync(file)
      for (const needle of ['Vũ Thị Hạnh', '022196000001', 'SQLite format 3'])
        expect(bytes.includes(needle)).toBe(false)

      const target = join(fresh.dir, 'data')
      const restored = reception(
        ['--data-dir', target, 'restore', '--from', file, '--passphrase-stdin'],
        PASSPHRASE
      )
      expect(restored).toMatchObject({ code: 0, out: { patients: 30, queued: 50 } })
      const before = contents(a.dir)
      expect(before.idNumbers).toHaveLength(30)
      expect(before.unsent).toHaveLength(50)
      expect(contents(target)).toEqual(before)
    } finally {
      a.cleanup()
      out.cleanup()
      fresh.cleanup()
    }
  }, 180_000)

  it('refuses a wrong passphrase, and a backup without one on a PC that lacks the key', () => {
    const a = desk()
    const out = tempDir('reception-backups-')
    const fresh = tempDir('reception-newpc-')
    try {
      const sealed = join(out.dir, 'sealed.rdbak')
      const plain = join(out.dir, 'plain.rdbak')
      expect(
        reception(['--data-dir', a.dir, 'backup', '--to', sealed, '--passphrase-stdin'], PASSPHRASE).code
      ).toBe(0)
      expect(reception(['--data-dir', a.dir, 'backup', '--to', plain]).out).toMatchObject({ withKey: false })
      const wrong = reception(
        ['--data-dir', fresh.dir, 'restore', '--from', sealed, '--passphrase-stdin'],
        'guess'
      )
      expect(wrong.out).toMatchObject({ error: { code: 'BACKUP_PASSPHRASE_WRONG' } })
      const noKey = reception(['--data-dir', fresh.dir, 'restore', '--from', plain])
      expect(noKey.out).toMatchObject({ error: { code: 'DB_KEY_MISSING' } })
      expect(existsSync(join(fresh.dir, DATABASE_FILE))).toBe(false)

      // The desk's own folder after its database was lost (DB_MISSING): its key opens the plain backup.
      rmSync(join(a.dir, DATABASE_FILE))
      const back = reception(['--data-dir', a.dir, 'restore', '--from', plain])
      expect(back).toMatchObject({ code: 0, out: { patients: 30, queued: 50, keptAs: null } })
    } finally {
      a.cleanup()
      out.cleanup()
      fresh.cleanup()
    }
  }, 180_000)

  it('will not overwrite a newer database without --force, and keeps the old one aside with it', () => {
    const a = desk()
    const out = tempDir('reception-backups-')
    try {
      const file = join(out.dir, 'desk.rdbak')
      expect(reception(['--data-dir', a.dir, 'backup', '--to', file]).code).toBe(0)
      const s = openNodeServices({ dataDir: a.dir, mode: 'cli' })
      s.register(registration({}, { fullName: 'Đỗ Văn Sau', idNumber: '022196099999' }))
      s.close()

      const refused = reception(['--data-dir', a.dir, 'restore', '--from', file])
      expect(refused.out).toMatchObject({ error: { code: 'RESTORE_NEWER_DATA' } })
      expect(contents(a.dir).idNumbers).toContain('022196099999')

      const forced = reception(['--data-dir', a.dir, 'restore', '--from', file, '--force'])
      expect(forced).toMatchObject({ code: 0, out: { patients: 30 } })
      expect(contents(a.dir).idNumbers).not.toContain('022196099999')
      expect(existsSync(String(forced.out.keptAs))).toBe(true)
    } finally {
      a.cleanup()
      out.cleanup()
    }
  }, 180_000)
})
