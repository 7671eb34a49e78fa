import { describe, expect, it } from 'vitest'
import { cpSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServices, DATABASE_FILE } from '../../../core'
import { registration, tempDir, testServices } from '../../support/fixtures'

/**
 * The case: a copy of a desk holding 50 committed patients, its WAL cut or garbled, opened without a
 * word and showing 45. Now it opens with all 50 or refuses with DB_WAL_DAMAGED — never fewer, silently.
 */
function deskWith50Patients() {
  const t = testServices()
  for (let i = 0; i < 50; i++) {
    t.services.register(
      registration({}, { fullName: `Lê Thị Mai ${i}`, idNumber: `0221950${String(i).padStart(5, '0')}` })
    )
  }
  return t
}

function copyOf(dir: string): { dir: string; cleanup: () => void } {
  const copy = tempDir('reception-copy-')
  cpSync(dir, copy.dir, { recursive: true })
  return copy
}

function patientsSeenIn(dir: string, key: Buffer): number {
  const s = createServices({ dataDir: dir, key, mode: 'cli', version: 'test' })
  try {
    return (s.db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n
  } finally {
    s.close()
  }
}

const damages: [string, (wal: string) => void][] = [
  [
    'cut at a frame boundary (the last few commits gone whole)',
    (wal) => truncateSync(wal, 32 + 140 * (4096 + 24))
  ],
  ['cut mid-frame', (wal) => truncateSync(wal, statSync(wal).size - 1500)],
  [
    'garbled in the middle',
    (wal) => {
      const bytes = readFileSync(wal)
      bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64)
      writeFileSync(wal, bytes)
    }
  ],
  [
    'header garbled',
    (wal) => {
      const bytes = readFileSync(wal)
      bytes[20] = bytes[20]! ^ 0xff
      writeFileSync(wal, bytes)
    }
  ],
  ['deleted', (wal) => rmSync(wal)]
]

describe('a copy whose WAL lost committed patients', () => {
  for (const [what, damage] of damages) {
    it(`refuses to open showing fewer patients when the WAL was ${what}`, () => {
      const desk = deskWith50Patients()
      const copy = copyOf(desk.dir)
      try {
        const wal = join(copy.dir, `${DATABASE_FILE}-wal`)
        expect(statSync(wal).size).toBeGreaterThan(32 + 141 * (4096 + 24))
        damage(wal)
        let seen: number | null = null
        let code: string | null = null
        try {
          seen = patientsSeenIn(copy.dir, desk.key)
        } catch (e) {
          code = (e as { code?: string }).code ?? 'other'
        }
        if (seen !== null) expect(seen).toBe(50)
        else expect(code).toBe('DB_WAL_DAMAGED')
      } finally {
        copy.cleanup()
        desk.cleanup()
      }
    })
  }

  it('opens an intact copy of a running desk (a crash image) with all 50 and no false alarm', () => {
    const desk = deskWith50Patients()
    const copy = copyOf(desk.dir)
    try {
      expect(patientsSeenIn(copy.dir, desk.key)).toBe(50)
      // and again after that clean close: the WAL is folded into the database file
      expect(patientsSeenIn(copy.dir, desk.key)).toBe(50)
    } finally {
      copy.cleanup()
      desk.cleanup()
    }
  })

  it('after a clean close the database file alone holds every patient', () => {
    const desk = deskWith50Patients()
    desk.services.close()
    const copy = tempDir('reception-copy-')
    try {
      cpSync(join(desk.dir, DATABASE_FILE), join(copy.dir, DATABASE_FILE))
      expect(patientsSeenIn(copy.dir, desk.key)).toBe(50)
    } finally {
      copy.cleanup()
      desk.cleanup()
    }
  })
})
