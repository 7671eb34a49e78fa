import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliJson } from '../../support/run-cli'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { registration, tempDir, testServices } from '../../support/fixtures'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { nationalUnitListJson } from '../../support/unit-list-json'

const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir('reception-cli-')))
afterEach(() => cleanup())

const cli = (...args: string[]) => runCliJson<unknown>(dir, ...args)

describe('reception CLI', () => {
  it('parse-qr prints the identity and the keys that open the chip', async () => {
    const r = await cli('parse-qr', QR)
    expect(r.code).toBe(0)
    expect(r.out).toMatchObject({
      identity: {
        idNumber: '022195001234',
        fullName: 'Nguyễn Thị Hồng Nhung',
        dateOfBirth: '1995-03-14',
        sex: 'female'
      },
      chipKeys: {
        can: '001234',
        mrzInfo: expect.arrayContaining([expect.stringMatching(/^1950012347950314\d{8}$/)])
      }
    })
  })

  it('gives a typed error and a non-zero exit for garbage', async () => {
    const r = await cli('parse-qr', 'https://example.com/not-a-card')
    expect(r.code).not.toBe(0)
    expect(r.out).toMatchObject({ error: { code: 'QR_INVALID', message: expect.any(String) } })
  })

  it('register then search finds the patient without diacritics; queue status shows both targets waiting', async () => {
    const file = join(dir, 'identity.json')
    const identity = (await cli('parse-qr', QR)).out as { identity: object }
    writeFileSync(file, JSON.stringify(identity.identity))
    const saved = await cli('register', '--from', file, '--visit-type', 'antenatal')
    expect(saved).toMatchObject({ code: 0, out: { patientCreated: true } })
    const found = await cli('patients', 'search', 'nguyen thi hong')
    expect((found.out as { fullName: string }[]).map((p) => p.fullName)).toEqual(['Nguyễn Thị Hồng Nhung'])
    expect((await cli('queue', 'status')).out).toMatchObject({
      waiting: 2,
      byTarget: { his: { pending: 1 }, emch: { pending: 1 } }
    })
  })

  it('normalize codes the 2021 address to the new commune of Quảng Ninh', async () => {
    const file = join(dir, 'identity.json')
    writeFileSync(file, JSON.stringify(((await cli('parse-qr', QR)).out as { identity: object }).identity))
    const r = await cli('normalize', '--json', '--from', file)
    expect(r.out).toMatchObject({
      form: { sex: 'female', address: { provinceCode: '22', communeCode: expect.stringMatching(/^\d{5}$/) } }
    })
    // The XML1 values the sender would write, from the same builder.
    const { form, xml1 } = r.out as {
      form: { fullName: string; idNumber: string; address: { communeCode: string } }
      xml1: Record<string, string>
    }
    expect(xml1).toMatchObject({
      HO_TEN: form.fullName,
      SO_CCCD: form.idNumber,
      GIOI_TINH: '2',
      NGAY_SINH: expect.stringMatching(/^\d{8}0000$/),
      MATINH_CU_TRU: '22',
      MAXA_CU_TRU: form.address.communeCode,
      MA_QUOCTICH: '000',
      MA_DANTOC: '', // a QR carries no ethnicity: the clerk asks
      MA_NGHE_NGHIEP: '00000'
    })
  })

  it('imports the national unit list and reports the 34 provinces', async () => {
    const units = join(dir, 'units-2025.json')
    writeFileSync(units, nationalUnitListJson())
    const r = await cli('import-catalog', 'admin-units', units)
    expect(r.code).toBe(0)
    expect(r.out).toMatchObject({ provinces: 34, communes: 3321 })
    // The next run codes against the imported list (stored in the database), still finding the new commune.
    const file = join(dir, 'identity.json')
    writeFileSync(file, JSON.stringify(((await cli('parse-qr', QR)).out as { identity: object }).identity))
    const coded = await cli('normalize', '--from', file)
    expect(coded.out).toMatchObject({ form: { address: { communeCode: expect.stringMatching(/^\d{5}$/) } } })
    const catalog = await cli('import-catalog', 'admin-units', join(dir, 'missing.json'))
    expect(catalog).toMatchObject({ code: 2, out: { error: { code: 'VALIDATION' } } })
  })

  it('merges a duplicate into the kept record and lists a child under the mother', async () => {
    const { services, cleanup: close } = testServices({ dir, key: loadOrCreateKeyFile(dir) })
    const mother = services.register(registration({}, { fullName: 'Lê Thị Mai', idNumber: '022190000111' }))
    services.register(
      registration(
        {},
        {
          fullName: 'Hoàng Gia Bảo',
          idNumber: null,
          dateOfBirth: '2025-09-01',
          sex: 'male',
          guardian: {
            patientId: mother.patientId,
            fullName: 'Lê Thị Mai',
            relation: 'mother',
            idNumber: '022190000111',
            phone: null
          }
        }
      )
    )
    const dup = services.register(registration({}, { fullName: 'Le Thi Mai', idNumber: null }))
    close()
    const kids = await cli('patients', 'children', '022190000111')
    expect((kids.out as { fullName: string }[]).map((k) => k.fullName)).toEqual(['Hoàng Gia Bảo'])
    const merged = await cli('patients', 'merge', mother.patientId, dup.patientId)
    expect(merged).toMatchObject({ code: 0, out: { keepId: mother.patientId, visitsMoved: 1 } })
    const found = await cli('patients', 'search', 'le thi mai')
    expect((found.out as { id: string }[]).map((p) => p.id)).toEqual([mother.patientId])
    // A wrong merge is undone: the duplicate is a record of its own again, with its visit.
    const undone = await cli('patients', 'unmerge', dup.patientId)
    expect(undone).toMatchObject({ code: 0, out: { restoredId: dup.patientId, visitsMoved: 1 } })
    const again = await cli('patients', 'search', 'le thi mai')
    expect((again.out as { id: string }[]).map((p) => p.id).sort()).toEqual(
      [mother.patientId, dup.patientId].sort()
    )
  })
})
