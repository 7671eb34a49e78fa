import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliJson } from '../../support/run-cli'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../support/fixtures'
import { startBhxhGateway, type BhxhGatewayServer } from '../../harness/bhxh-gateway/server'
import { md5Upper } from '../../../core/bhyt/gateway-client'
import { NHUNG_ID, nhungUsableCard } from '../../harness/bhxh-gateway/cards'

const PASSWORD = 'mat-khau-thu'
let dir: string
let cleanup: () => void
let gw: BhxhGatewayServer
beforeEach(async () => {
  ;({ dir, cleanup } = tempDir('reception-bhyt-'))
  gw = await startBhxhGateway({
    cards: {
      [NHUNG_ID]: nhungUsableCard
    }
  })
})
afterEach(async () => {
  await gw.close()
  cleanup()
})

const cli = (...args: string[]) => runCliJson<Record<string, unknown>>(dir, ...args)

const CHECK = [
  'bhyt',
  'check',
  '--id',
  '022195001234',
  '--name',
  'Nguyễn Thị Hồng Nhung',
  '--dob',
  '1995-03-14',
  '--clerk-name',
  'Trần Thị Lễ Tân',
  '--clerk-id',
  '022190001111'
]

async function configure(password = PASSWORD): Promise<void> {
  expect((await cli('config', 'set', 'bhxh.url', gw.url)).code).toBe(0)
  expect((await cli('config', 'set', 'bhxh.username', '22001_BV')).code).toBe(0)
  expect((await cli('config', 'set', 'bhxh.password', password)).code).toBe(0)
}

describe('reception bhyt check', () => {
  it('prints the verified card and exits 0', async () => {
    await configure()
    const r = await cli(...CHECK)
    expect(r.code).toBe(0)
    expect(r.out).toMatchObject({
      code: '000',
      usable: true,
      status: 'verified',
      card: {
        cardNumber: 'GD4222221234567',
        registeredFacility: '22001',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        areaCode: 'K1'
      },
      newCard: null,
      checkedElsewhere: []
    })
  })

  it('a refused card still exits 0 with its action (the gateway answered)', async () => {
    await configure()
    const r = await cli(...CHECK.map((a) => (a === 'Nguyễn Thị Hồng Nhung' ? 'Lê Văn Khác' : a)))
    expect(r.code).toBe(0)
    expect(r.out).toMatchObject({ code: '060', usable: false, status: 'refused', action: 'correct-name' })
  })

  it('no gateway answer is BHXH_UNAVAILABLE, non-zero', async () => {
    await configure()
    gw.setMode('dead')
    const r = await cli(...CHECK)
    expect(r.code).not.toBe(0)
    expect(r.out).toMatchObject({ error: { code: 'BHXH_UNAVAILABLE' } })
  })

  it('bad credentials are BHXH_AUTH; missing config is CONFIG_INVALID', async () => {
    const unconfigured = await cli(...CHECK)
    expect(unconfigured.out).toMatchObject({ error: { code: 'CONFIG_INVALID' } })
    await configure('sai-mat-khau-9')
    const r = await cli(...CHECK)
    expect(r.code).not.toBe(0)
    expect(r.out).toMatchObject({ error: { code: 'BHXH_AUTH' } })
  })

  it('no secret shows in any output or file of the data directory', async () => {
    await configure()
    const outputs = [(await cli(...CHECK)).text, (await cli('config', 'get')).text]
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((f) => join(dir, f))
      .filter((f) => statSync(f).isFile())
      .map((f) => readFileSync(f).toString('latin1'))
    for (const text of [...outputs, ...files]) {
      expect(text).not.toContain(PASSWORD)
      expect(text).not.toContain(md5Upper(PASSWORD))
    }
  })
})
