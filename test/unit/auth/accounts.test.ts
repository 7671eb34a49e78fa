import { afterEach, describe, expect, it } from 'vitest'
import { testServices } from '../../support/fixtures'
import { testGate, TEST_PASSWORD, TEST_PIN } from '../../support/accounts'
import { verifyAuditChain } from '../../../core/audit/audit-query'
import { writeAudit } from '../../../core/audit/audit-log'
import { hashSecret, verifySecret } from '../../../core/auth/passwords'
import { IDLE_LOCK_SETTING } from '../../../core/auth/gate'
import { setSetting } from '../../../db/settings'

let now = new Date('2026-03-02T08:00:00Z')
const clock = () => now
const setup = () => {
  now = new Date('2026-03-02T08:00:00Z')
  const t = testServices({ now: clock })
  const gate = testGate(t.services)
  cleanups.push(t.cleanup)
  const add = (username: string, role: 'clerk' | 'it' | 'officer' = 'clerk') =>
    gate.accounts.add(
      {
        username,
        fullName: 'Lê Thị A',
        idNumber: '022190001111',
        role,
        password: TEST_PASSWORD,
        pin: TEST_PIN
      },
      'os:admin'
    )
  const signIn = (username: string, password = TEST_PASSWORD) =>
    gate.call(null, 'auth:signIn', { username, password })
  return { t, gate, add, signIn }
}
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
const code = (r: { result: { ok: boolean; error?: { code: string } } }) =>
  r.result.ok ? 'ok' : r.result.error!.code

describe('passwords', () => {
  it('hashes with scrypt, salted, and verifies only the right secret', async () => {
    const a = await hashSecret('mot-mat-khau-dai', { N: 1024, r: 8, p: 1 })
    const b = await hashSecret('mot-mat-khau-dai', { N: 1024, r: 8, p: 1 })
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(a).not.toBe(b)
    expect(await verifySecret('mot-mat-khau-dai', a)).toBe(true)
    expect(await verifySecret('mot-mat-khau-dai!', a)).toBe(false)
    expect(await verifySecret('x', null)).toBe(false)
  })

  it('refuses short passwords: 10 characters, 14 for IT', async () => {
    const { gate } = setup()
    const base = { fullName: 'A', idNumber: '022190001111', pin: null }
    await expect(
      gate.accounts.add({ ...base, username: 'a', role: 'clerk', password: '123456789' }, 'x')
    ).rejects.toThrow(/10/)
    await expect(
      gate.accounts.add({ ...base, username: 'b', role: 'it', password: '1234567890123' }, 'x')
    ).rejects.toThrow(/14/)
    await expect(
      gate.accounts.add({ ...base, username: 'c', role: 'clerk', password: '1234567890' }, 'x')
    ).resolves.toMatchObject({ username: 'c' })
  })
})

describe('sign-in rules', () => {
  it('first run: only while there is no account, and the first account is IT', async () => {
    const { gate } = setup()
    expect((await gate.call(null, 'auth:state', {})).result).toMatchObject({
      ok: true,
      value: { firstRun: true }
    })
    const first = {
      username: 'cntt',
      fullName: 'Trần Văn B',
      idNumber: '022190002222',
      password: TEST_PASSWORD,
      pin: '1357'
    }
    const r = await gate.call(null, 'auth:setup', first)
    expect(r.result).toMatchObject({
      ok: true,
      value: { firstRun: false, user: { username: 'cntt', role: 'it' } }
    })
    expect(r.sessionId).toBeTruthy()
    expect(code(await gate.call(null, 'auth:setup', { ...first, username: 'khac' }))).toBe('CONFLICT')
  })

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    const { t, add, signIn } = setup()
    await add('tiepdon')
    for (let i = 0; i < 5; i++)
      expect(code(await signIn('tiepdon', 'sai-mat-khau-' + i))).toBe('UNAUTHENTICATED')
    expect(code(await signIn('tiepdon'))).toBe('ACCOUNT_LOCKED')
    now = new Date(now.getTime() + 16 * 60_000)
    expect(code(await signIn('tiepdon'))).toBe('ok')
    const failures = t.services.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sign-in-failed' AND actor = 'tiepdon'")
      .get()
    expect(failures).toEqual({ n: 5 })
  })

  it('disables an account unused for 45 days; IT enabling it restarts the clock', async () => {
    const { gate, add, signIn } = setup()
    await add('tiepdon')
    expect(code(await signIn('tiepdon'))).toBe('ok')
    now = new Date(now.getTime() + 46 * 86_400_000)
    const r = await signIn('tiepdon')
    expect(r.result).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED', key: 'auth.disabledIdle' } })
    expect(gate.accounts.list()[0]).toMatchObject({ status: 'disabled', disabledReason: 'idle' })
    gate.accounts.setStatus('tiepdon', 'active', 'os:admin')
    expect(code(await signIn('tiepdon'))).toBe('ok')
  })

  it('locks an idle session on the server and unlocks with the PIN of the same user only', async () => {
    const { t, gate, add, signIn } = setup()
    setSetting(t.services.db, IDLE_LOCK_SETTING, 5, now.toISOString())
    await add('tiepdon')
    const sid = (await signIn('tiepdon')).sessionId
    expect(code(await gate.call(sid, 'patients:search', { text: 'nguyen' }))).toBe('ok')
    // Background polling does not keep a session awake.
    now = new Date(now.getTime() + 3 * 60_000)
    await gate.call(sid, 'app:status', {})
    now = new Date(now.getTime() + 3 * 60_000)
    expect(code(await gate.call(sid, 'patients:search', { text: 'nguyen' }))).toBe('SESSION_LOCKED')
    expect(t.services.desk.current()).toBeNull()
    expect(code(await gate.call(sid, 'auth:unlock', { secret: '9999' }))).toBe('SESSION_LOCKED')
    expect(code(await gate.call(sid, 'auth:unlock', { secret: TEST_PIN }))).toBe('ok')
    expect(t.services.desk.current()).toMatchObject({ id: 'tiepdon', role: 'clerk' })
  })

  it('keeps at least one active IT account', async () => {
    const { gate, add } = setup()
    await add('cntt', 'it')
    expect(() => gate.accounts.setStatus('cntt', 'disabled', 'os:admin')).toThrow()
    expect(() => gate.accounts.setRole('cntt', 'clerk', 'os:admin')).toThrow()
  })
})

describe('hash-chained access log', () => {
  it('verifies an untouched log and finds an edited or deleted row', async () => {
    const { t, add, signIn } = setup()
    await add('tiepdon')
    await signIn('tiepdon')
    for (let i = 0; i < 5; i++)
      writeAudit(t.services.db, now.toISOString(), {
        actor: 'tiepdon',
        action: 'view',
        entity: 'patient',
        entityId: `p${i}`
      })
    const before = verifyAuditChain(t.services.db)
    expect(before).toMatchObject({ ok: true, rows: 7, brokenAt: null })

    const db = t.services.db
    db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE entity_id = 'p2'").run()
    const edited = verifyAuditChain(db)
    const p2 = db.prepare<[], { id: number }>("SELECT id FROM audit_log WHERE entity_id = 'p2'").get()!.id
    expect(edited).toMatchObject({ ok: false, brokenAt: p2, reason: 'hash' })
    db.prepare("UPDATE audit_log SET actor = 'tiepdon' WHERE entity_id = 'p2'").run()
    expect(verifyAuditChain(db).ok).toBe(true)

    db.prepare("DELETE FROM audit_log WHERE entity_id = 'p3'").run()
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: p2 + 2, reason: 'link' })
  })
})
