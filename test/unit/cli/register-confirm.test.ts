import { afterEach, beforeEach, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCliJson } from '../../support/run-cli'
import { tempDir, testServices } from '../../support/fixtures'
import { loadOrCreateKeyFile } from '../../../db/key-file'

// A man: a registration for antenatal care needs the clerk's explicit yes, on the command line as on screen.
const QR =
  '022090004321|100765432|Trần Văn Bình|02071990|Nam|Số 8, Phường Bãi Cháy, Thành phố Hạ Long, Quảng Ninh|15062022'
let dir: string
let cleanup: () => void
let file: string
beforeEach(async () => {
  ;({ dir, cleanup } = tempDir('reception-register-confirm-'))
  testServices({ dir, key: loadOrCreateKeyFile(dir) }).services.db.close()
  file = join(dir, 'identity.json')
  const parsed = await runCliJson<{ identity: object }>(dir, 'parse-qr', QR)
  writeFileSync(file, JSON.stringify(parsed.out.identity))
})
afterEach(() => cleanup())

it('register refuses antenatal care for a man until --confirm names the check, then records it', async () => {
  const refused = await runCliJson<{ error: { code: string; message: string } }>(
    dir,
    'register',
    '--from',
    file,
    '--visit-type',
    'antenatal'
  )
  expect(refused.code).not.toBe(0)
  expect(refused.out.error.code).toBe('VALIDATION')
  expect(refused.out.error.message).toContain('xác nhận trước khi lưu')

  const wrong = await runCliJson<{ error: { code: string } }>(
    dir,
    'register',
    '--from',
    file,
    '--confirm',
    'yes'
  )
  expect(wrong.code).not.toBe(0)
  expect(wrong.out.error.code).toBe('VALIDATION')

  const saved = await runCliJson<{ visitId: string }>(
    dir,
    'register',
    '--from',
    file,
    '--visit-type',
    'antenatal',
    '--confirm',
    'womenOnly'
  )
  expect(saved.code).toBe(0)
  const t = testServices({ dir, key: loadOrCreateKeyFile(dir) })
  const row = t.services.db
    .prepare('SELECT confirmed_checks FROM visits WHERE id = ?')
    .get(saved.out.visitId) as {
    confirmed_checks: string
  }
  t.services.db.close()
  expect(JSON.parse(row.confirmed_checks)).toEqual(['womenOnly'])
})
