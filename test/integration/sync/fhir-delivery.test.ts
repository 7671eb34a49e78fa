import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createEmchConnector, createHisFhirConnector, type Connector } from '../../../core/sync/connectors'
import { createHttpClient } from '../../../core/sync/http-client'
import { startHisServer, type HisServer } from '../../harness/his-server/server'
import { makeChildSubmission, makeSubmission, motherForm } from '../../unit/sync/submission-fixtures'

let server: HisServer
let his: Connector
let emch: Connector

beforeAll(async () => {
  server = await startHisServer()
  const client = () => createHttpClient({ baseUrl: `${server.url}/fhir`, timeoutMs: 5_000 })
  his = createHisFhirConnector(client())
  emch = createEmchConnector(client())
  // The first transaction compiles the R4 schema on the server side.
  await his.send(makeSubmission())
  server.reset()
}, 60_000)
afterAll(async () => {
  his.close()
  emch.close()
  await server.close()
})
afterEach(() => server.reset())

const count = (type: string) => server.stored().fhir.filter((r) => r.resourceType === type).length

describe('HIS over FHIR against the test server', () => {
  it('stores one Patient and one Encounter, and a resend stores nothing more', async () => {
    const sub = makeSubmission()
    const first = await his.send(sub)
    expect(first).toEqual({ kind: 'sent', receipt: 'Encounter/2', ids: ['Patient/1', 'Encounter/2'] })
    // A resend under a new key (as after a lost key cache) is still deduplicated by identifier.
    expect(await his.send({ ...sub, idempotencyKey: 'other-key' })).toEqual(first)
    expect(await his.send(sub)).toEqual(first)
    expect(count('Patient')).toBe(1)
    expect(count('Encounter')).toBe(1)
    const encounter = server.stored().fhir.find((r) => r.resourceType === 'Encounter')!
    expect(encounter.resource['subject']).toEqual({ reference: 'Patient/1' })
  })

  it('a second visit of the same person adds an Encounter to the same Patient', async () => {
    const a = makeSubmission()
    const b = makeSubmission({ patient: { ...a.patient, id: 'another-local-id' } })
    await his.send(a)
    await his.send(b)
    expect(count('Patient')).toBe(1)
    expect(count('Encounter')).toBe(2)
  })

  it('sends a batch in one transaction, merged per patient, with one receipt per visit', async () => {
    const mother = makeSubmission()
    const subs = [
      mother,
      makeSubmission({ patient: mother.patient }),
      makeSubmission({ patient: { id: 'x1', code: 'BNX1', form: motherForm({ idNumber: '022190009999' }) } }),
      makeChildSubmission()
    ]
    const outcomes = await his.sendBatch!(subs)
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'sent', 'sent', 'sent'])
    expect(new Set(outcomes.map((o) => (o.kind === 'sent' ? o.receipt : ''))).size).toBe(4)
    expect(count('Patient')).toBe(3)
    expect(count('Encounter')).toBe(4)
    expect(server.requests()).toHaveLength(1)
    // Resending the whole batch changes nothing.
    await his.sendBatch!(subs)
    expect(count('Patient')).toBe(3)
    expect(count('Encounter')).toBe(4)
  })

  it('when the server refuses a batch, each record is tried alone so only the bad one is rejected', async () => {
    const good = makeSubmission()
    const sub = makeSubmission()
    // Passes the contract and the client, but FHIR allows offsets only up to +14:00, so the server refuses it.
    const bad = { ...sub, visit: { ...sub.visit, visitedAt: '2026-11-23T08:05:00+15:00' } }
    const outcomes = await his.sendBatch!([good, bad])
    expect(outcomes[0]!.kind).toBe('sent')
    expect(outcomes[1]).toMatchObject({ kind: 'rejected', error: { code: 'TARGET_REJECTED' } })
    if (outcomes[1]!.kind === 'rejected') expect(outcomes[1]!.error.message).toContain('FHIR R4')
    expect(count('Encounter')).toBe(1)
  })

  it('reuses one keep-alive connection for consecutive sends', async () => {
    const before = server.connections()
    for (let i = 0; i < 5; i++) expect((await his.send(makeSubmission())).kind).toBe('sent')
    expect(server.connections() - before).toBeLessThanOrEqual(1)
  })

  it('never writes payloads or personal data to the console', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m))
    try {
      const sub = makeSubmission()
      server.injectFault({ kind: 'status', status: 400, body: '{"message":"Nguyễn Thị Lan sai"}' })
      await his.send(sub)
      await his.send(sub)
      for (const spy of spies) expect(spy).not.toHaveBeenCalled()
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })
})

describe('eMCH over FHIR against the test server', () => {
  it('stores the child, the mother and the RelatedPerson link once, however often it is sent', async () => {
    const sub = makeChildSubmission()
    expect((await emch.send(sub)).kind).toBe('sent')
    expect((await emch.send(sub)).kind).toBe('sent')
    expect(count('Patient')).toBe(2)
    expect(count('RelatedPerson')).toBe(1)
    expect(count('Encounter')).toBe(1)
    const link = server.stored().fhir.find((r) => r.resourceType === 'RelatedPerson')!
    const child = server
      .stored()
      .fhir.find(
        (r) => r.resourceType === 'Patient' && JSON.stringify(r.resource).includes('Trần Minh Khôi')
      )!
    expect(link.resource['patient']).toEqual({ reference: `Patient/${child.id}` })
  })
})
