import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { calls, type CallName } from '../../../contract/api'
import { emptyIdentity, type Identity } from '../../../contract/identity'
import { createHandlers, dispatch as dispatchAs, type Handlers } from '../../../core/handlers'
import type { CallContext } from '../../../core/auth/actor'
import { testGate } from '../../support/accounts'
import { MAX_BODY, startWebServer, type WebServer } from '../../../web/server'
import { testServices } from '../../support/fixtures'

const MB = 1024 * 1024
let t: ReturnType<typeof testServices>
let handlers: Handlers
let web: WebServer
/** A signed-in clerk: the bounds are checked for a caller who may make the call. */
const clerk: CallContext = {
  actor: { id: 'test-clerk', role: 'clerk', fullName: 'Lê Thị Tiếp Đón', staffIdNumber: '022190001111' }
}
const dispatch = (h: Handlers, name: Parameters<typeof dispatchAs>[1], input: unknown) =>
  dispatchAs(h, name, input, clerk)

beforeAll(async () => {
  t = testServices()
  handlers = createHandlers(t.services)
  web = await startWebServer({ gate: testGate(t.services), rendererDir: t.dir })
})
afterAll(async () => {
  await web.close()
  t.cleanup()
})

function identity(overrides: Partial<Identity>): Identity {
  return {
    ...emptyIdentity('manual', 'Nguyễn Thị Lan'),
    dateOfBirth: '1990-01-05',
    sex: 'female',
    ...overrides
  }
}

/** An address as long as the one that froze browser mode: thousands of unit names, no end. */
const megabyteAddress = 'Phường Hà Tu, Thành phố Hạ Long, '.repeat(Math.ceil(MB / 33)).slice(0, MB)

describe('a 1 MB identity', () => {
  it('is refused in milliseconds over IPC, before any coding', async () => {
    for (const big of [{ placeOfResidence: megabyteAddress }, { fullName: 'Lan '.repeat(MB / 4) }]) {
      const t0 = performance.now()
      const result = await dispatch(handlers, 'identity:code', { identity: identity(big) })
      const ms = performance.now() - t0
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(ms).toBeLessThan(500)
    }
  })

  it('is refused by browser mode with 413 before its body is read', async () => {
    const body = JSON.stringify({ identity: identity({ placeOfResidence: megabyteAddress }) })
    expect(body.length).toBeGreaterThan(MAX_BODY)
    const t0 = performance.now()
    const res = await fetch(`${web.url}/api/call/identity:code`, {
      method: 'POST',
      headers: { authorization: `Bearer ${web.token}`, 'content-type': 'application/json' },
      body
    })
    const ms = performance.now() - t0
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'input.tooLarge', message: expect.stringContaining('quá lớn') }
    })
    expect(ms).toBeLessThan(1_000)
  })

  it('an address at the bound is still coded, quickly', async () => {
    const text = megabyteAddress.slice(0, 1024)
    const t0 = performance.now()
    const result = await dispatch(handlers, 'identity:code', {
      identity: identity({ placeOfResidence: text })
    })
    expect(result.ok).toBe(true)
    expect(performance.now() - t0).toBeLessThan(2_000)
  })
})

describe('every call refuses oversized and malformed input without throwing', () => {
  const names = Object.keys(calls) as CallName[]

  it.each(names)('%s: a megabyte string in any field is a validation error', async (name) => {
    const shape = (calls[name].input as unknown as { shape?: Record<string, unknown> }).shape ?? {}
    for (const field of Object.keys(shape)) {
      const result = await dispatch(handlers, name, { [field]: 'x'.repeat(MB) })
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
  })

  it('arbitrary JSON to any call gives a result, never an exception (property)', async () => {
    // Calls that would change data or start work are fuzzed by their schema only.
    const safe = names.filter(
      (n) => !['patients:register', 'patients:correct', 'queue:flush', 'queue:retry'].includes(n)
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 4 }), async (name, input) => {
        const parsed = calls[name].input.safeParse(input ?? {})
        expect(typeof parsed.success).toBe('boolean')
        if (!safe.includes(name)) return
        const result = await dispatch(handlers, name, input)
        expect(typeof result.ok).toBe('boolean')
        if (!parsed.success) expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      }),
      { numRuns: 300 }
    )
  })

  it('identities with any strings up to their bounds are coded or refused, never thrown (property)', async () => {
    const field = fc.option(fc.string({ maxLength: 1100 }), { nil: null })
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          fullName: fc.string({ minLength: 1, maxLength: 300 }),
          placeOfResidence: field,
          placeOfOrigin: field,
          ethnicity: field,
          nationality: field
        }),
        async (fields) => {
          const result = await dispatch(handlers, 'identity:code', { identity: identity(fields) })
          expect(typeof result.ok).toBe('boolean')
          if (!result.ok) expect(result.error.code).toBe('VALIDATION')
        }
      ),
      { numRuns: 150 }
    )
  })
})
