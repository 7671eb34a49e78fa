import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWebServer, type WebServer } from '../../../web/server'
import { registration, testServices } from '../../support/fixtures'
import { signIn, testGate, TEST_PASSWORD, TEST_PIN } from '../../support/accounts'

/** Nothing with personal data over the browser transport without a signed-in, unlocked session. */
describe('browser transport sessions', () => {
  const t = testServices()
  const gate = testGate(t.services)
  const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
  let server: WebServer
  let patientId: string

  const call = async (name: string, input: unknown, cookie?: string, token = server.token) => {
    const res = await fetch(`${server.url}/api/call/${name}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...(cookie ? { Cookie: cookie } : {})
      },
      body: JSON.stringify(input)
    })
    const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } }
    return { status: res.status, body, setCookie: res.headers.get('set-cookie') }
  }
  const cookieOf = (setCookie: string | null): string => setCookie!.split(';')[0]!

  beforeAll(async () => {
    server = await startWebServer({ gate, rendererDir })
    patientId = t.services.register(registration()).patientId
    await gate.accounts.add(
      {
        username: 'tiepdon',
        fullName: 'Lê Thị A',
        idNumber: '022190001111',
        role: 'clerk',
        password: TEST_PASSWORD,
        pin: TEST_PIN
      },
      'test'
    )
  })
  afterAll(async () => {
    await server.close()
    t.cleanup()
  })

  it('refuses personal data without a session, even with the launch token', async () => {
    for (const [name, input] of [
      ['patients:search', { text: 'nguyen' }],
      ['patients:get', { id: patientId }],
      ['queue:list', {}],
      ['app:status', {}]
    ] as const) {
      const r = await call(name, input)
      expect(r.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(JSON.stringify(r.body)).not.toContain('Nhung')
    }
    expect((await call('auth:state', {})).body).toMatchObject({
      ok: true,
      value: { firstRun: false, user: null }
    })
  })

  it('signs in into an HttpOnly SameSite=Strict cookie that opens the data, only with the token', async () => {
    const bad = await call('auth:signIn', { username: 'tiepdon', password: 'sai-mat-khau-roi' })
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(bad.setCookie).toBeNull()

    const r = await call('auth:signIn', { username: 'tiepdon', password: TEST_PASSWORD })
    expect(r.body).toMatchObject({ ok: true, value: { user: { username: 'tiepdon', role: 'clerk' } } })
    expect(r.setCookie).toMatch(/HttpOnly/)
    expect(r.setCookie).toMatch(/SameSite=Strict/)
    const cookie = cookieOf(r.setCookie)

    const found = await call('patients:get', { id: patientId }, cookie)
    expect(found.body).toMatchObject({ ok: true, value: { id: patientId } })
    // The cookie alone is not enough: the launch token still guards the API.
    expect((await call('patients:get', { id: patientId }, cookie, 'x'.repeat(32))).status).toBe(401)
    // A forged cookie is nobody.
    expect((await call('patients:get', { id: patientId }, 'reception_session=forged')).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' }
    })
    // The view is logged under the person, not the process.
    const row = t.services.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'view' AND entity_id = ? ORDER BY id DESC")
      .get(patientId)
    expect(row).toEqual({ actor: 'tiepdon' })
  })

  it('a session works only over the launch token it was created with', async () => {
    const other = await startWebServer({ gate, rendererDir })
    try {
      const sid = await signIn(gate, 'clerk', 'tiepdon', server.token)
      const res = await fetch(`${other.url}/api/call/patients:get`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${other.token}`,
          'Content-Type': 'application/json',
          Cookie: `reception_session=${sid}`
        },
        body: JSON.stringify({ id: patientId })
      })
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    } finally {
      await other.close()
    }
  })

  it('locks, refuses while locked, unlocks with the PIN, signs out', async () => {
    const cookie = cookieOf(
      (await call('auth:signIn', { username: 'tiepdon', password: TEST_PASSWORD })).setCookie
    )
    expect((await call('auth:lock', {}, cookie)).body).toMatchObject({ ok: true, value: { locked: true } })
    expect((await call('patients:search', { text: 'nguyen' }, cookie)).body).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED' }
    })
    expect((await call('auth:unlock', { secret: '0000' }, cookie)).body).toMatchObject({ ok: false })
    expect((await call('auth:unlock', { secret: TEST_PIN }, cookie)).body).toMatchObject({
      ok: true,
      value: { locked: false }
    })
    expect((await call('patients:search', { text: 'nguyen' }, cookie)).body).toMatchObject({ ok: true })
    const out = await call('auth:signOut', {}, cookie)
    expect(out.setCookie).toMatch(/Max-Age=0/)
    expect((await call('patients:search', { text: 'nguyen' }, cookie)).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' }
    })
  })

  it('pushes events only to a stream whose session is signed in', async () => {
    const open = async (cookie?: string) => {
      const ctrl = new AbortController()
      const res = await fetch(`${server.url}/api/events`, {
        headers: { Authorization: `Bearer ${server.token}`, ...(cookie ? { Cookie: cookie } : {}) },
        signal: ctrl.signal
      })
      const reader = res.body!.getReader()
      await reader.read() // ": connected"
      return { reader, ctrl }
    }
    const cookie = cookieOf(
      (await call('auth:signIn', { username: 'tiepdon', password: TEST_PASSWORD })).setCookie
    )
    const anonymous = await open()
    const signed = await open(cookie)
    server.publish('qr:scanned', { ok: false, error: { code: 'QR_INVALID', message: 'x', messageEn: 'x' } })
    const got = new TextDecoder().decode((await signed.reader.read()).value)
    expect(got).toContain('event: qr:scanned')
    const nothing = await Promise.race([
      anonymous.reader.read().then(() => 'frame'),
      new Promise((r) => setTimeout(() => r('silence'), 300))
    ])
    expect(nothing).toBe('silence')
    anonymous.ctrl.abort()
    signed.ctrl.abort()
  })
})
