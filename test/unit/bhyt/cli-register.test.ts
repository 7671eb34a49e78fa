import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCliJson } from '../../support/run-cli'
import { tempDir, testServices } from '../../support/fixtures'
import { startBhxhGateway, type BhxhGatewayServer } from '../../harness/bhxh-gateway/server'
import { md5Upper } from '../../../core/bhyt/gateway-client'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { testGate } from '../../support/accounts'
import { currentBhytCheck } from '../../../db/bhyt-checks'
import { NHUNG_ID, nhungUsableCard } from '../../harness/bhxh-gateway/cards'

const PASSWORD = 'mat-khau-thu'
const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'
let dir: string
let cleanup: () => void
let gw: BhxhGatewayServer
beforeEach(async () => {
  ;({ dir, cleanup } = tempDir('reception-bhyt-reg-'))
  gw = await startBhxhGateway({
    cards: {
      [NHUNG_ID]: nhungUsableCard
    }
  })
  const t = testServices({ dir, key: loadOrCreateKeyFile(dir) })
  const gate = testGate(t.services)
  await gate.accounts.add(
    {
      username: 'le.tan',
      fullName: 'Trần Thị Lễ Tân',
      idNumber: '022190001111',
      role: 'clerk',
      password: 'mat-khau-thu-nghiem-14',
      pin: null
    },
    'test'
  )
  await gate.accounts.add(
    {
      username: 'khong.cccd',
      fullName: 'Người Không Số',
      idNumber: '022190009999',
      role: 'clerk',
      password: 'mat-khau-thu-nghiem-14',
      pin: null
    },
    'test'
  )
  t.services.db.prepare("UPDATE users SET staff_id_number = NULL WHERE username = 'khong.cccd'").run()
  t.services.close()
})
afterEach(async () => {
  await gw.close()
  cleanup()
})

const cli = (...args: string[]) => runCliJson<Record<string, unknown>>(dir, ...args)
async function configure(): Promise<void> {
  for (const [k, v] of [
    ['bhxh.url', gw.url],
    ['bhxh.username', '22001_BV'],
    ['bhxh.password', PASSWORD]
  ] as const)
    expect((await cli('config', 'set', k, v)).code).toBe(0)
}
async function identityFile(): Promise<string> {
  const file = join(dir, 'identity.json')
  writeFileSync(file, JSON.stringify(((await cli('parse-qr', QR)).out as { identity: object }).identity))
  return file
}

describe('reception bhyt check --as and register --check-bhyt', () => {
  it('bhyt check --as USERNAME looks the card up as that account; an account without an ID number is told to ask IT', async () => {
    await configure()
    const args = [
      'bhyt',
      'check',
      '--id',
      '022195001234',
      '--name',
      'Nguyễn Thị Hồng Nhung',
      '--dob',
      '1995-03-14'
    ]
    const ok = await cli(...args, '--as', 'le.tan')
    expect(ok.code).toBe(0)
    expect(ok.out).toMatchObject({ code: '000', usable: true, card: { cardNumber: 'GD4222221234567' } })
    const noId = await cli(...args, '--as', 'khong.cccd')
    expect(noId.code).not.toBe(0)
    expect(noId.out).toMatchObject({ error: { code: 'VALIDATION' } })
    expect(JSON.stringify(noId.out)).toContain('báo CNTT')
    const nobody = await cli(...args, '--as', 'khong.co')
    expect(nobody.out).toMatchObject({ error: { code: 'NOT_FOUND' } })
    // Neither refused account reached the gateway.
    expect(gw.calls().filter((c) => c.path.includes('KQNhan'))).toHaveLength(1)
  })

  it('register --check-bhyt saves the visit with its verified check', async () => {
    await configure()
    const r = await cli('register', '--from', await identityFile(), '--check-bhyt', '--as', 'le.tan')
    expect(r.code).toBe(0)
    expect(r.out).toMatchObject({
      patientCreated: true,
      bhyt: { code: '000', usable: true, status: 'verified', card: { cardNumber: 'GD4222221234567' } }
    })
    const t = testServices({ dir, key: loadOrCreateKeyFile(dir) })
    try {
      const check = currentBhytCheck(t.services.db, r.out['visitId'] as string)
      expect(check).toMatchObject({ status: 'verified', patientId: r.out['patientId'] })
      const payload = t.services.db
        .prepare('SELECT payload_json FROM outbox WHERE visit_id = ? ORDER BY id LIMIT 1')
        .get(r.out['visitId']) as { payload_json: string }
      expect(JSON.parse(payload.payload_json)).toMatchObject({
        patient: { form: { bhytCardNumber: 'GD4222221234567' } },
        bhyt: {
          status: 'verified',
          cardNumber: 'GD4222221234567',
          registeredFacility: '22001',
          areaCode: 'K1'
        }
      })
    } finally {
      t.services.close()
    }
  })

  it('a dead gateway still saves the registration, the card unverified, exit 0; no secret in any output or file', async () => {
    await configure()
    gw.setMode('dead')
    const r = await cli(
      'register',
      '--from',
      await identityFile(),
      '--check-bhyt',
      '--clerk-name',
      'Trần Thị Lễ Tân',
      '--clerk-id',
      '022190001111'
    )
    expect(r.code).toBe(0)
    expect(r.out).toMatchObject({ bhyt: { status: 'unverified', usable: false, code: null } })
    const status = await cli('queue', 'status')
    expect(status.out).toMatchObject({ bhytUnverified: 1 })
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((f) => join(dir, f))
      .filter((f) => statSync(f).isFile())
      .map((f) => readFileSync(f).toString('latin1'))
    for (const text of [r.text, status.text, ...files]) {
      expect(text).not.toContain(PASSWORD)
      expect(text).not.toContain(md5Upper(PASSWORD))
    }
  })
})
