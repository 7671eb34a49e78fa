import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHisFhirConnector, type Connector } from '../../../core/sync/connectors'
import { createHttpClient, type HttpClientOptions } from '../../../core/sync/http-client'
import { startHisServer, type HisServer } from '../../harness/his-server/server'
import { makeSubmission } from '../../unit/sync/submission-fixtures'

let server: HisServer
let his: Connector
/** A client with a short deadline, for the faults that never finish answering. */
let impatient: Connector
const connectors: Connector[] = []

function connect(srv: HisServer, options: Partial<HttpClientOptions> = {}): Connector {
  const c = createHisFhirConnector(
    createHttpClient({ baseUrl: `${srv.url}/fhir`, timeoutMs: 5_000, ...options })
  )
  connectors.push(c)
  return c
}

beforeAll(async () => {
  server = await startHisServer()
  his = connect(server)
  impatient = connect(server, { timeoutMs: 600 })
  // Compile the server's R4 schema outside the timed tests.
  await connect(server, { timeoutMs: 30_000 }).send(makeSubmission())
  server.reset()
}, 60_000)
afterAll(async () => {
  for (const c of connectors) c.close()
  await server.close()
})
afterEach(() => server.reset())

const encounters = () => server.stored().fhir.filter((r) => r.resourceType === 'Encounter').length

describe('each fault maps to the outcome the queue needs', () => {
  it('500 → retryable, nothing stored; the next attempt is sent', async () => {
    server.injectFault({ kind: 'status', status: 500 })
    const sub = makeSubmission()
    expect(await his.send(sub)).toMatchObject({ kind: 'retryable', error: { code: 'HIS_UNAVAILABLE' } })
    expect(encounters()).toBe(0)
    expect((await his.send(sub)).kind).toBe('sent')
    expect(encounters()).toBe(1)
  })

  it('429 with Retry-After → retryable with the wait the server asked for', async () => {
    server.injectFault({ kind: 'status', status: 429, retryAfter: '12' })
    expect(await his.send(makeSubmission())).toMatchObject({ kind: 'retryable', retryAfterMs: 12_000 })
  })

  it('503 with an HTTP-date Retry-After → the wait is measured from the injected clock', async () => {
    const now = Date.parse('2026-11-23T15:00:00Z')
    server.injectFault({ kind: 'status', status: 503, retryAfter: 'Mon, 23 Nov 2026 15:01:00 GMT' })
    expect(await his.send(makeSubmission(), { now: () => now })).toMatchObject({
      kind: 'retryable',
      retryAfterMs: 60_000
    })
  })

  it('a hanging server → retryable timeout within the deadline', async () => {
    server.injectFault({ kind: 'hang' })
    const started = Date.now()
    const outcome = await impatient.send(makeSubmission())
    expect(outcome).toMatchObject({ kind: 'retryable', error: { details: { transport: 'timeout' } } })
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('a body trickled byte by byte → retryable timeout; the resend finds the record already stored', async () => {
    server.injectFault({ kind: 'slow-body', chunkDelayMs: 200 })
    const sub = makeSubmission()
    expect(await impatient.send(sub)).toMatchObject({
      kind: 'retryable',
      error: { details: { transport: 'timeout' } }
    })
    expect((await his.send(sub)).kind).toBe('sent')
    expect(encounters()).toBe(1)
  })

  it('connection reset before processing → retryable, nothing stored', async () => {
    server.injectFault({ kind: 'reset' })
    expect(await his.send(makeSubmission())).toMatchObject({
      kind: 'retryable',
      error: { details: { transport: 'network' } }
    })
    expect(encounters()).toBe(0)
  })

  it('reply lost after the server stored the record → retryable, and the resend does not duplicate', async () => {
    server.injectFault({ kind: 'reset-after-store' })
    const sub = makeSubmission()
    expect((await his.send(sub)).kind).toBe('retryable')
    expect(encounters()).toBe(1)
    const resend = await his.send(sub)
    expect(resend.kind).toBe('sent')
    expect(encounters()).toBe(1)
    expect(server.requests().at(-1)).toMatchObject({ replayed: true })
  })

  it('400 with an OperationOutcome → rejected with the server message in Vietnamese', async () => {
    server.injectFault({
      kind: 'status',
      status: 400,
      contentType: 'application/fhir+json',
      body: JSON.stringify({
        resourceType: 'OperationOutcome',
        issue: [{ diagnostics: 'Mã xã không tồn tại' }]
      })
    })
    const outcome = await his.send(makeSubmission())
    expect(outcome).toMatchObject({ kind: 'rejected', error: { code: 'TARGET_REJECTED' } })
    if (outcome.kind === 'rejected') {
      expect(outcome.error.message).toBe('HIS từ chối hồ sơ: Mã xã không tồn tại. Hãy sửa hồ sơ rồi gửi lại.')
    }
  })

  it('a response larger than the bound → retryable, the client does not buffer it', async () => {
    server.injectFault({ kind: 'status', status: 200, body: 'x'.repeat(300_000) })
    const small = connect(server, { maxResponseBytes: 64 * 1024 })
    expect(await small.send(makeSubmission())).toMatchObject({
      kind: 'retryable',
      error: { details: { transport: 'too-large' } }
    })
  })

  it('nothing listening → retryable network error', async () => {
    const gone = await startHisServer()
    const url = gone.url
    await gone.close()
    const c = createHisFhirConnector(createHttpClient({ baseUrl: `${url}/fhir`, timeoutMs: 5_000 }))
    connectors.push(c)
    expect(await c.send(makeSubmission())).toMatchObject({
      kind: 'retryable',
      error: { code: 'HIS_UNAVAILABLE', details: { transport: 'network', errno: 'ECONNREFUSED' } }
    })
  })

  it('an aborted send → retryable at once', async () => {
    server.injectFault({ kind: 'hang' })
    const controller = new AbortController()
    const pending = connect(server, { timeoutMs: 10_000 }).send(makeSubmission(), {
      signal: controller.signal
    })
    setTimeout(() => controller.abort(), 50)
    expect(await pending).toMatchObject({ kind: 'retryable', error: { details: { transport: 'aborted' } } })
  })

  it('30 % random failures: resending until sent stores every record exactly once', async () => {
    server.setFailureRate(0.3, 42)
    const subs = Array.from({ length: 25 }, () => makeSubmission())
    const pending = new Set(subs)
    let attempts = 0
    while (pending.size > 0 && attempts < 400) {
      for (const sub of [...pending]) {
        attempts += 1
        const outcome = await his.send(sub)
        expect(outcome.kind).not.toBe('rejected')
        if (outcome.kind === 'sent') pending.delete(sub)
      }
    }
    expect(pending.size).toBe(0)
    expect(attempts).toBeGreaterThan(25)
    expect(encounters()).toBe(25)
    expect(server.stored().fhir.filter((r) => r.resourceType === 'Patient')).toHaveLength(1)
  })
})

describe('authentication and TLS', () => {
  it('sends the configured bearer or basic credentials; wrong ones keep the record queued for IT', async () => {
    const guarded = await startHisServer({ authorization: 'Bearer s3cret' })
    try {
      const ok = connect(guarded, { auth: { kind: 'bearer', token: 's3cret' }, timeoutMs: 30_000 })
      expect((await ok.send(makeSubmission())).kind).toBe('sent')
      const wrong = connect(guarded, { auth: { kind: 'basic', username: 'u', password: 'p' } })
      expect(await wrong.send(makeSubmission())).toMatchObject({
        kind: 'retryable',
        error: { code: 'CONFIG_INVALID' }
      })
    } finally {
      await guarded.close()
    }
    const basic = await startHisServer({
      authorization: `Basic ${Buffer.from('tram:mật-khẩu').toString('base64')}`,
      validate: false
    })
    try {
      const c = connect(basic, { auth: { kind: 'basic', username: 'tram', password: 'mật-khẩu' } })
      expect((await c.send(makeSubmission())).kind).toBe('sent')
    } finally {
      await basic.close()
    }
  })

  it('refuses an untrusted certificate (retryable, for IT) and accepts it with the CA file', async () => {
    const tls = await startHisServer({ https: true, validate: false })
    try {
      const untrusted = connect(tls)
      expect(await untrusted.send(makeSubmission())).toMatchObject({
        kind: 'retryable',
        error: { code: 'CONFIG_INVALID', details: { transport: 'tls' } }
      })
      expect(tls.stored().fhir).toHaveLength(0)
      const trusted = connect(tls, { caFile: tls.caFile })
      expect((await trusted.send(makeSubmission())).kind).toBe('sent')
    } finally {
      await tls.close()
    }
  })
})
