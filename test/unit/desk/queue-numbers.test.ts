import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { issueQueueNumber, suggestPriority } from '../../../core/desk/queue-numbers'
import { ticketLabel } from '../../../contract/desk'
import { createServices, type Services } from '../../../core'

let services: Services
let dir: string
let key: Buffer
let cleanup: () => void
let now = new Date(2026, 11, 2, 7, 30)
beforeEach(() => ({ services, dir, key, cleanup } = testServices({ now: () => now })))
afterEach(() => cleanup())

const visit = (id: string) =>
  services.register(registration({}, { idNumber: id, fullName: `Bệnh Nhân ${id.slice(-3)}` })).visitId

describe('queue numbers (STT)', () => {
  it('count up per room for the day, keep a visit its number, survive a restart and start again tomorrow', () => {
    const deps = { db: services.db, clock: () => now }
    const a = visit('022195000001')
    const b = visit('022195000002')
    const c = visit('022195000003')
    expect(issueQueueNumber(deps, { visitId: a, queue: 'P101', priority: null }).number).toBe(1)
    expect(issueQueueNumber(deps, { visitId: b, queue: 'P101', priority: 'aged-75' }).number).toBe(2)
    expect(issueQueueNumber(deps, { visitId: c, queue: 'P102', priority: null }).number).toBe(1)
    // A second print of the same visit never draws a new number.
    expect(issueQueueNumber(deps, { visitId: a, queue: 'P101', priority: null }).number).toBe(1)

    services.close()
    services = createServices({ dataDir: dir, key, mode: 'cli', version: 'test', clock: () => now })
    const d = visit('022195000004')
    expect(
      issueQueueNumber({ db: services.db, clock: () => now }, { visitId: d, queue: 'P101', priority: null })
        .number
    ).toBe(3)

    now = new Date(2026, 11, 3, 7, 0)
    const e = visit('022195000005')
    const next = issueQueueNumber(
      { db: services.db, clock: () => now },
      { visitId: e, queue: 'P101', priority: 'pregnant' }
    )
    expect(next).toMatchObject({ number: 1, day: '2026-12-03', priority: 'pregnant' })
    expect(ticketLabel(next)).toBe('UT-001')
  })

  it('suggests the legal priority classes from the record', () => {
    const today = new Date(2026, 11, 2)
    expect(
      suggestPriority({ dateOfBirth: '2021-12-03', sex: 'male', serviceType: 'child_checkup' }, today)
    ).toEqual(['under-6'])
    expect(
      suggestPriority({ dateOfBirth: '2020-12-02', sex: 'male', serviceType: 'child_checkup' }, today)
    ).toEqual([])
    expect(
      suggestPriority({ dateOfBirth: '1995-03-14', sex: 'female', serviceType: 'antenatal' }, today)
    ).toEqual(['pregnant'])
    expect(
      suggestPriority({ dateOfBirth: '1951', sex: 'male', serviceType: 'other', emergency: true }, today)
    ).toEqual(['emergency', 'aged-75'])
    expect(
      suggestPriority({ dateOfBirth: '1990-01-01', sex: 'male', serviceType: 'antenatal' }, today)
    ).toEqual([])
  })
})
