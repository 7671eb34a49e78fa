// The BHYT check end to end over the real runtime: the signed-in clerk checks a card against the test gateway, the
// registration carries the check, and the XML1 the test HIS receives carries the card; a dead gateway leaves the
// visit unverified until the recheck before sending; no secret lands in an output, a log line, an audit row or a file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { startRuntime, type Runtime } from '../../../core/runtime'
import { logOver } from '../../../core/logging/log'
import { md5Upper } from '../../../core/bhyt/gateway-client'
import { currentBhytCheck } from '../../../db/bhyt-checks'
import { startBhxhGateway, type BhxhGatewayServer } from '../../harness/bhxh-gateway/server'
import { startHisServer, type HisServer } from '../../harness/his-server/server'
import { registration, testServices } from '../../support/fixtures'
import { signIn, TEST_COST } from '../../support/accounts'
import { NHUNG_ID, nhungUsableCard } from '../../harness/bhxh-gateway/cards'

const PASSWORD = 'mat-khau-cong-bhxh-7'
const NHUNG = { cardKey: '022195001234', fullName: 'Nguyễn Thị Hồng Nhung', dateOfBirth: '1995-03-14' }

let t: ReturnType<typeof testServices>
let gw: BhxhGatewayServer
let his: HisServer
let runtime: Runtime
let session: string
const logLines: string[] = []

beforeEach(async () => {
  logLines.length = 0
  gw = await startBhxhGateway({
    accounts: { '22001_BV': PASSWORD },
    staff: { '022190001111': 'Lê Thị Tiếp Đón' },
    cards: {
      [NHUNG_ID]: nhungUsableCard,
      '022190000222': {
        code: '010',
        hoTen: 'Vũ Văn Nam',
        ngaySinh: '1990',
        fields: { maThe: 'HN4222229999999', gtTheDen: '31/12/2025' }
      }
    }
  })
  his = await startHisServer()
  t = testServices()
  const sink = (level: string) => (obj: object, msg: string) =>
    void logLines.push(JSON.stringify({ level, msg, ...obj }))
  const log = logOver(
    { debug: sink('debug'), info: sink('info'), warn: sink('warn'), error: sink('error') },
    () => Promise.resolve()
  )
  runtime = startRuntime(t.services, () => undefined, {
    devices: false,
    backup: false,
    retention: false,
    scryptCost: TEST_COST,
    // The schedule never fires on its own here: the test sends with "send now".
    sync: { tickPattern: '0 0 1 1 *' },
    bhytRecheck: false,
    log
  })
  const config = runtime.sync!.config
  config.set('facility.code', '22001')
  config.set('his.protocol', 'xml4750')
  config.set('his.url', `${his.url}/xml`)
  config.set('bhxh.url', gw.url)
  config.set('bhxh.username', '22001_BV')
  config.set('bhxh.password', PASSWORD)
  session = await signIn(runtime.gate, 'clerk')
}, 30_000)

afterEach(async () => {
  await runtime.stop()
  await gw.close()
  await his.close()
  t.cleanup()
})

async function call<T>(name: string, input: unknown): Promise<T> {
  const { result } = await runtime.gate.call(session, name, input)
  if (!result.ok) throw Object.assign(new Error(result.error.code), { value: result.error })
  return result.value as T
}
async function callError(
  name: string,
  input: unknown
): Promise<{ code: string; key?: string; message: string }> {
  const { result } = await runtime.gate.call(session, name, input)
  if (result.ok) throw new Error(`${name} answered ok`)
  return result.error
}
const xml1Of = (visitId: string) =>
  his.stored().xml.find((r) => r.table === 'XML1' && r.fields['MA_LK'] === visitId)?.fields
type Check = {
  checkId: number
  result: { status: string; code: string | null; usable: boolean }
  elsewhereToday: boolean
}
type Registered = { visitId: string; patientId: string }

describe('BHYT at the desk, end to end', () => {
  it('a usable card: bhyt:check as the signed-in clerk, the visit carries the check, the XML1 sent carries the card', async () => {
    const check = await call<Check>('bhyt:check', NHUNG)
    expect(check.result).toMatchObject({ status: 'verified', code: '000', usable: true })
    const saved = await call<Registered>('patients:register', registration({ bhytCheckId: check.checkId }))
    expect(currentBhytCheck(t.services.db, saved.visitId)).toMatchObject({
      id: check.checkId,
      status: 'verified',
      patientId: saved.patientId
    })
    // The form without a card number got the checked one.
    const patient = await call<{ form: { bhytCardNumber: string } }>('patients:get', { id: saved.patientId })
    expect(patient.form.bhytCardNumber).toBe('GD4222221234567')

    await call('queue:flush', { target: 'his' })
    expect(xml1Of(saved.visitId)).toMatchObject({
      MA_THE_BHYT: 'GD4222221234567',
      MA_DKBD: '22001',
      GT_THE_TU: '20260101',
      GT_THE_DEN: '20261231',
      MA_KHUVUC: 'K1',
      NAM_NAM_LIEN_TUC: '20290101'
    })
    // A check of one person never lands on another's visit.
    const fresh = await call<Check>('bhyt:check', { ...NHUNG, force: true })
    const other = await callError(
      'patients:register',
      registration({ bhytCheckId: fresh.checkId }, { idNumber: '022195009999', fullName: 'Người Khác' })
    )
    expect(other).toMatchObject({ code: 'VALIDATION', key: 'bhyt.checkOtherPerson' })
    // A check is used by one visit only.
    const again = await callError('patients:register', registration({ bhytCheckId: check.checkId }))
    expect(again).toMatchObject({ code: 'VALIDATION', key: 'bhyt.checkNotFound' })
  })

  it('a refused card is kept with the visit, and its XML1 carries no card', async () => {
    const check = await call<Check>('bhyt:check', {
      cardKey: '022190000222',
      fullName: 'Vũ Văn Nam',
      dateOfBirth: '1990'
    })
    expect(check.result).toMatchObject({ status: 'refused', code: '010', usable: false })
    const saved = await call<Registered>(
      'patients:register',
      registration(
        { bhytCheckId: check.checkId },
        {
          fullName: 'Vũ Văn Nam',
          idNumber: '022190000222',
          dateOfBirth: '1990',
          sex: 'male',
          bhytCardNumber: 'HN4222229999999'
        }
      )
    )
    await call('queue:flush', { target: 'his' })
    expect(xml1Of(saved.visitId)).toMatchObject({ MA_THE_BHYT: '', MA_DKBD: '', GT_THE_DEN: '' })
  })

  it('dead gateway → visit saved unverified → gateway back → rechecked once before sending → XML1 carries the card', async () => {
    gw.setMode('dead')
    const check = await call<Check>('bhyt:check', NHUNG)
    expect(check.result).toMatchObject({ status: 'unverified', code: null })
    const saved = await call<Registered>('patients:register', registration({ bhytCheckId: check.checkId }))
    expect(currentBhytCheck(t.services.db, saved.visitId)?.outageJson).toContain('BHXH_UNAVAILABLE')
    expect(await call('queue:status', {})).toMatchObject({ bhytUnverified: 1 })

    // Back: the flush re-checks the visit first, in one gateway lookup, and sends the card.
    gw.setMode('ok')
    const checksBefore = gw.calls().filter((c) => c.path.includes('KQNhan')).length
    await call('queue:flush', { target: 'his' })
    expect(gw.calls().filter((c) => c.path.includes('KQNhan')).length - checksBefore).toBe(1)
    expect(currentBhytCheck(t.services.db, saved.visitId)?.status).toBe('verified')
    expect(xml1Of(saved.visitId)).toMatchObject({
      MA_THE_BHYT: 'GD4222221234567',
      MA_DKBD: '22001',
      GT_THE_TU: '20260101',
      GT_THE_DEN: '20261231',
      MA_KHUVUC: 'K1'
    })
    expect(await call('queue:status', {})).toMatchObject({ bhytUnverified: 0 })
  })

  it('a gateway still down at send time never holds the record back: it goes out unverified, asked once', async () => {
    gw.setMode('error') // answers HTTP 500: each attempt is recorded
    const check = await call<Check>('bhyt:check', NHUNG)
    expect(check.result.status).toBe('unverified')
    const first = await call<Registered>('patients:register', registration({ bhytCheckId: check.checkId }))
    const other = await call<Check>('bhyt:check', { ...NHUNG, cardKey: '022195009999', force: true })
    await call<Registered>(
      'patients:register',
      registration(
        { bhytCheckId: other.checkId },
        { idNumber: '022195009999', fullName: 'Nguyễn Thị Hồng Nhung' }
      )
    )
    const before = gw.calls().length
    const sent = await call<{ sent: number }>('queue:flush', { target: 'his' })
    expect(sent.sent).toBe(2)
    // One flush, two unverified visits, a broken gateway: one try (the token call), then no more.
    expect(gw.calls().length - before).toBe(1)
    expect(xml1Of(first.visitId)).toMatchObject({ MA_DKBD: '', GT_THE_TU: '', MA_KHUVUC: '' })
    expect(currentBhytCheck(t.services.db, first.visitId)?.status).toBe('unverified')
  })

  it('not configured, or switched off, is CONFIG_INVALID ("not configured"), not an outage', async () => {
    runtime.sync!.config.set('bhxh.enabled', 'false')
    expect(await callError('bhyt:check', NHUNG)).toMatchObject({
      code: 'CONFIG_INVALID',
      key: 'error.BHXH_NOT_CONFIGURED'
    })
    runtime.sync!.config.set('bhxh.enabled', 'true')
    runtime.sync!.config.unset('bhxh.url')
    expect(await callError('bhyt:check', NHUNG)).toMatchObject({ code: 'CONFIG_INVALID' })
    expect(gw.calls()).toEqual([])
  })

  it('an account without a staff ID number is told to ask IT, and nothing is asked', async () => {
    await signIn(runtime.gate, 'clerk', 'khong-cccd')
    t.services.db.prepare("UPDATE users SET staff_id_number = NULL WHERE username = 'khong-cccd'").run()
    session = await signIn(runtime.gate, 'clerk', 'khong-cccd')
    const e = await callError('bhyt:check', NHUNG)
    expect(e).toMatchObject({ code: 'VALIDATION', key: 'bhyt.clerkNoId' })
    expect(e.message).toContain('báo CNTT')
    expect(gw.calls()).toEqual([])
  })

  it('no password, password hash or token in any answer, log line, audit row, queue screen or file', async () => {
    const outputs: unknown[] = []
    outputs.push(await call('bhyt:check', NHUNG))
    const check = await call<Check>('bhyt:check', { ...NHUNG, force: true })
    outputs.push(await call('patients:register', registration({ bhytCheckId: check.checkId })))
    gw.expireTokens() // a 401 and a fresh token on the next call
    outputs.push(await call('bhyt:check', { ...NHUNG, force: true }))
    gw.setMode('dead')
    outputs.push(await call('bhyt:check', { ...NHUNG, force: true }))
    gw.setMode('ok')
    outputs.push(await call('queue:flush', {}))
    outputs.push(
      await call('queue:list', {}),
      await call('queue:status', {}),
      await call('app:diagnostics', {})
    )
    const audit = t.services.db.prepare('SELECT * FROM audit_log').all()
    expect(audit.some((r) => (r as { entity: string }).entity === 'bhyt_check')).toBe(true)
    const files = readdirSync(t.dir, { recursive: true, encoding: 'utf8' })
      .map((f) => join(t.dir, f))
      .filter((f) => statSync(f).isFile())
      .map((f) => readFileSync(f).toString('latin1'))
    const secrets = [PASSWORD, md5Upper(PASSWORD), ...gw.issuedTokens()]
    expect(gw.issuedTokens().length).toBeGreaterThanOrEqual(4)
    expect(logLines.length).toBeGreaterThan(0)
    for (const text of [JSON.stringify(outputs), JSON.stringify(audit), ...logLines, ...files])
      for (const secret of secrets) expect(text).not.toContain(secret)
    // The audit row and the log name the outcome, never the card or the person.
    for (const text of [JSON.stringify(audit), ...logLines]) {
      expect(text).not.toContain('022195001234')
      expect(text).not.toContain('GD4222221234567')
      expect(text).not.toContain('Nhung')
    }
  })
})
