import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCliJson } from '../../support/run-cli'
import { registration, tempDir, testServices } from '../../support/fixtures'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { createHandlers, dispatch } from '../../../core/handlers'
import type { CallContext } from '../../../core/auth/actor'
import type { CatalogEntry } from '../../../contract/api'

// Made-up test rows (9000x), not the official QĐ 34/2020/QĐ-TTg list.
const SAMPLE = join(__dirname, '..', '..', 'fixtures', 'occupations-sample.csv')
const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'
const clerk: CallContext = { actor: { id: 'nv-clerk', role: 'clerk', fullName: 'Thu', staffIdNumber: null } }

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir('reception-occup-')))
afterEach(() => cleanup())

const cli = (...args: string[]) => runCliJson<unknown>(dir, ...args)

async function occupationList(): Promise<CatalogEntry[]> {
  const { services, cleanup: close } = testServices({ dir, key: loadOrCreateKeyFile(dir) })
  try {
    const r = await dispatch(
      createHandlers(services),
      'catalogs:list',
      { kind: 'occupation', parent: null },
      clerk
    )
    if (!r.ok) throw new Error(r.error.message)
    return r.value as CatalogEntry[]
  } finally {
    close()
  }
}

describe('reception import-catalog occupations', () => {
  it('imports the sample, reports the rejected row by line, audits the actor, and a bad file changes nothing', async () => {
    const r = await cli('import-catalog', 'occupations', SAMPLE)
    expect(r.code).toBe(0)
    expect(r.out).toMatchObject({
      entries: 4,
      // The file's own 00000 wording replaces the embedded "Không có nghề nghiệp / chưa có nghề nghiệp".
      diff: { added: 3, renamed: 1, removed: 0 },
      rejected: 1,
      problems: [{ row: 6, fault: 'bad-code' }]
    })
    const list = await occupationList()
    expect(list.map((e) => e.code).sort()).toEqual(['00000', '90001', '90002', '90003'])

    const { services, cleanup: close } = testServices({ dir, key: loadOrCreateKeyFile(dir) })
    const audit = services.db
      .prepare("SELECT actor, action FROM audit_log WHERE entity = 'catalog' AND entity_id = 'occupations'")
      .all() as { actor: string; action: string }[]
    close()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor).not.toBe('')

    const broken = join(dir, 'broken.json')
    writeFileSync(broken, '[{"code": "90009", "name": "Nghề thử"')
    const bad = await cli('import-catalog', 'occupations', broken)
    expect(bad).toMatchObject({ code: 2, out: { error: { code: 'VALIDATION' } } })
    expect((await occupationList()).map((e) => e.code).sort()).toEqual(['00000', '90001', '90002', '90003'])
  })

  it('lists the code this desk uses most first, then by name; a stored code not in the list is flagged', async () => {
    expect((await cli('import-catalog', 'occupations', SAMPLE)).code).toBe(0)
    const { services, cleanup: close } = testServices({ dir, key: loadOrCreateKeyFile(dir) })
    services.register(registration({}, { occupationCode: '90003' }))
    services.register(
      registration({}, { idNumber: '022090001111', fullName: 'Trần Văn Bình', occupationCode: '90003' })
    )
    services.register(
      registration({}, { idNumber: '022090002222', fullName: 'Lê Văn Cường', occupationCode: '90002' })
    )
    close()
    const list = await occupationList()
    expect(list.map((e) => e.code)).toEqual(['90003', '90002', '00000', '90001'])

    // The first patient (the QR's) is re-registered with a code the imported list lacks: kept, and flagged.
    const again = testServices({ dir, key: loadOrCreateKeyFile(dir) })
    const stored = again.services.db
      .prepare('SELECT id FROM patients WHERE id_number = ?')
      .get('022195001234') as {
      id: string
    }
    again.services.register(
      registration({ patientId: stored.id, confirmSameDay: true }, { occupationCode: '12345' })
    )
    again.services.close()
    const file = join(dir, 'identity.json')
    writeFileSync(file, JSON.stringify(((await cli('parse-qr', QR)).out as { identity: object }).identity))
    const coded = await cli('normalize', '--from', file)
    expect(coded.out).toMatchObject({
      warnings: expect.arrayContaining([
        expect.objectContaining({ code: 'OCCUPATION_UNKNOWN', field: 'occupationCode' })
      ])
    })
  })
})
