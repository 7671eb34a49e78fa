import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createXml4750Connector, type Connector } from '../../../core/sync/connectors'
import { createHttpClient } from '../../../core/sync/http-client'
import { startHisServer, type HisServer } from '../../harness/his-server/server'
import { makeChildSubmission, makeSubmission } from '../../unit/sync/submission-fixtures'

let server: HisServer
let xml: Connector

beforeAll(async () => {
  server = await startHisServer()
  xml = createXml4750Connector({
    delivery: { kind: 'http', client: createHttpClient({ baseUrl: `${server.url}/xml`, timeoutMs: 2_000 }) }
  })
})
afterAll(async () => {
  xml.close()
  await server.close()
})
afterEach(() => server.reset())

describe('XML 4750 over HTTP against the test server', () => {
  it('delivers the check-in and the XML1 dossier, which the receiver reads back field for field', async () => {
    const sub = makeSubmission()
    const outcome = await xml.send(sub)
    expect(outcome).toEqual({ kind: 'sent', receipt: 'GD00000002', ids: ['GD00000001', 'GD00000002'] })
    const stored = server.stored().xml
    expect(stored.map((r) => r.table)).toEqual(['XML0', 'XML1'])
    const xml1 = stored[1]!.fields
    expect(xml1['MA_LK']).toBe(sub.visit.id)
    expect(xml1['SO_CCCD']).toBe('022190001234')
    expect(xml1['MA_DANTOC']).toBe('01')
    expect(xml1['MAXA_CU_TRU']).toBe('06688')
    expect(xml1['HO_TEN']).toBe('Nguyễn Thị Lan')
    expect(server.requests().map((r) => r.idempotencyKey)).toEqual([
      `${sub.idempotencyKey}:xml0`,
      `${sub.idempotencyKey}:xml1`
    ])
  })

  it('a dossier refused with 503 is retryable; the resend repeats the check-in harmlessly', async () => {
    const sub = makeChildSubmission()
    server.injectFault({ kind: 'none' }, 1, '/xml')
    server.injectFault({ kind: 'status', status: 503, retryAfter: '3' }, 1, '/xml')
    expect(await xml.send(sub)).toMatchObject({ kind: 'retryable', retryAfterMs: 3000 })
    expect(server.stored().xml.map((r) => r.table)).toEqual(['XML0'])
    expect((await xml.send(sub)).kind).toBe('sent')
    expect(server.stored().xml.map((r) => r.table)).toEqual(['XML0', 'XML1'])
  })

  it('a dossier stored but whose reply was lost is not stored twice on resend', async () => {
    const sub = makeSubmission()
    server.injectFault({ kind: 'none' }, 1, '/xml')
    server.injectFault({ kind: 'reset-after-store' }, 1, '/xml')
    expect((await xml.send(sub)).kind).toBe('retryable')
    expect((await xml.send(sub)).kind).toBe('sent')
    // Even under fresh idempotency keys the receiver keeps one record per table and MA_LK.
    expect((await xml.send({ ...sub, idempotencyKey: 'fresh' })).kind).toBe('sent')
    expect(server.stored().xml.map((r) => r.table)).toEqual(['XML0', 'XML1'])
  })

  it("a receiver's refusal is rejected with its message", async () => {
    server.injectFault({
      kind: 'status',
      status: 400,
      body: JSON.stringify({ maKetQua: '400', thongDiep: 'XML1: trường MAXA_CU_TRU sai định dạng' })
    })
    const outcome = await xml.send(makeSubmission())
    expect(outcome).toMatchObject({ kind: 'rejected', error: { code: 'TARGET_REJECTED' } })
    if (outcome.kind === 'rejected') expect(outcome.error.message).toContain('MAXA_CU_TRU sai định dạng')
  })
})
