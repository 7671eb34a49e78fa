import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from '../../support/fixtures'

const ROOT = resolve(__dirname, '../../..')
const NAME = Buffer.from('Spillname')
const ID_PREFIX = Buffer.from('022100')

/**
 * The cipher encrypts the database and its WAL, not SQLite's temp files: a migration's CREATE INDEX over many
 * patients used to spill names and ID numbers in clear into the temp folder. SQLite unlinks its temp files as
 * soon as it opens them (SQLITE_TMPDIR is the first place it looks), so the test watches the migrating process's open files (/proc/PID/fd) and reads
 * every one that lies in the private temp folder while the migration runs.
 */
describe.runIf(process.platform === 'linux')('temp files during a migration over 100k patients', () => {
  it('never hold a patient name or ID number in clear (no temp file at all)', async () => {
    const data = tempDir('reception-spill-data-')
    const tmp = tempDir('reception-spill-tmp-')
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'test/support/migration-over-many-patients.ts', data.dir, '100000'],
        {
          cwd: ROOT,
          env: { ...process.env, SQLITE_TMPDIR: tmp.dir }
        }
      )
      let out = ''
      let err = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      const tempFilesSeen = new Set<string>()
      const leaks = new Set<string>()
      const look = (): void => {
        let fds: string[]
        try {
          fds = readdirSync(`/proc/${child.pid}/fd`)
        } catch {
          return
        }
        for (const fd of fds) {
          try {
            const target = readlinkSync(`/proc/${child.pid}/fd/${fd}`)
            if (!target.startsWith(tmp.dir)) continue
            tempFilesSeen.add(target)
            const bytes = readFileSync(`/proc/${child.pid}/fd/${fd}`)
            if (bytes.includes(NAME) || bytes.includes(ID_PREFIX)) leaks.add(target)
          } catch {
            // closed meanwhile
          }
        }
      }
      const timer = setInterval(() => out.includes('MIGRATING') && look(), 2)
      const code = await new Promise<number | null>((done) => child.on('exit', done))
      clearInterval(timer)
      expect(err).toBe('')
      expect(code).toBe(0)
      expect(out).toContain('DONE')
      for (const f of readdirSync(tmp.dir, { recursive: true, encoding: 'utf8' })) {
        if (!statSync(join(tmp.dir, f)).isFile()) continue
        const bytes = readFileSync(join(tmp.dir, f))
        if (bytes.includes(NAME) || bytes.includes(ID_PREFIX)) leaks.add(f)
      }
      expect([...leaks]).toEqual([])
      expect([...tempFilesSeen]).toEqual([])
    } finally {
      data.cleanup()
      tmp.cleanup()
    }
  }, 120_000)
})
