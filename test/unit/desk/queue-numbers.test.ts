import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { issueQueueNumber, suggestPriority } from '../../../core/desk/queue-numbers'
import { ticketLabel } from '../../../contract/desk'
import { slipForVisit } from '../../../core/desk/slip-for-visit'
import { createServices, type Services } from '../../../core'
import type { PatientForm, RegistrationInput } from '../../../contract/patient'

let services: Services
let dir: string
let key: Buffer
let cleanup: () => void
let now = new Date(2026, 11, 2, 7, 30)
beforeEach(() => ({ services, dir, key, cleanup } = testServices({ now: () => now })))
afterEach(() => cleanup())

describe('queue numbers (STT)', () => {
  const register = (
    id: string,
    visit: Partial<RegistrationInput['visit']> = {},
    form: Partial<PatientForm> = {}
  ) =>
    services.register(
      registration(
        { visit: { serviceType: 'general', department: null, reason: null, ...visit } },
        {
          idNumber: id,
          fullName: `Bệnh Nhân ${id.slice(-3)}`,
          sex: 'male',
          dateOfBirth: '1980-05-01',
          ...form
        }
      )
    )

  it('registration issues the day’s number per service or room, survives a restart and starts again tomorrow', () => {
    expect(register('022180000001').ticket).toMatchObject({ number: 1, queue: 'general', day: '2026-12-02' })
    expect(register('022180000002').ticket).toMatchObject({ number: 2, queue: 'general' })
    // Another service, and a named room, each count from 1.
    expect(
      register('022180000003', { serviceType: 'antenatal' }, { sex: 'female', dateOfBirth: '1995-03-14' })
        .ticket
    ).toMatchObject({ number: 1, queue: 'antenatal', priority: 'pregnant' })
    expect(register('022180000004', { department: 'P101' }).ticket).toMatchObject({
      number: 1,
      queue: 'P101'
    })
    expect(register('022180000005').ticket?.number).toBe(3)

    // Printing a saved visit keeps its number.
    const saved = register('022180000006')
    const deps = { db: services.db, clock: () => now }
    expect(issueQueueNumber(deps, { visitId: saved.visitId, queue: 'general', priority: null })).toEqual(
      saved.ticket
    )

    services.close()
    services = createServices({ dataDir: dir, key, mode: 'cli', version: 'test', clock: () => now })
    expect(register('022180000007').ticket?.number).toBe(5)

    now = new Date(2026, 11, 3, 7, 0)
    const next = register('022180000008').ticket!
    expect(next).toMatchObject({ number: 1, day: '2026-12-03', priority: null })
    expect(ticketLabel(next)).toBe('001')
  })

  it('takes the priority class the record suggests, or the one the clerk chose', () => {
    const child = register('022180000011', {}, { dateOfBirth: '2023-01-10' })
    expect(child.ticket?.priority).toBe('under-6')
    expect(ticketLabel(child.ticket!)).toBe('UT-001')
    expect(register('022180000012', { emergency: true }).ticket?.priority).toBe('emergency')
    expect(register('022180000013', {}, { dateOfBirth: '1946' }).ticket?.priority).toBe('aged-75')
    // The clerk's choice wins: a class the record cannot show, or none at all.
    expect(register('022180000014', { priority: 'merit' }).ticket?.priority).toBe('merit')
    expect(register('022180000015', { priority: null }, { dateOfBirth: '1940' }).ticket?.priority).toBe(null)
    expect(register('022180000016').ticket?.priority).toBe(null)
  })

  it('the slip page of a saved visit carries its number, room or service, the name and a QR of MA_BN', () => {
    register('022180000021')
    const saved = register('022180000022', {}, { dateOfBirth: '2022-05-05' })
    const { html, ticket } = slipForVisit(
      { db: services.db, clock: () => now },
      { visitId: saved.visitId, facilityName: 'Trạm Y tế Phường Hạ Long', format: '58mm' }
    )
    expect(ticket).toEqual(saved.ticket)
    const code = (
      services.db.prepare('SELECT code FROM patients WHERE id = ?').get(saved.patientId) as { code: string }
    ).code
    expect(html).toContain('data-testid="slip-number">UT-002<')
    expect(html).toContain('Trẻ dưới 6 tuổi')
    expect(html).toContain('Khám bệnh')
    expect(html).toContain('Bệnh Nhân 022')
    expect(html).toContain(`aria-label="${code}"`)
    expect(html).toMatch(/<svg[^>]+role="img"/)
    expect(html).toContain('size: 58mm')
    expect(() =>
      slipForVisit(
        { db: services.db, clock: () => now },
        { visitId: 'nope', facilityName: null, format: '80mm' }
      )
    ).toThrow(/không tìm thấy|not found|VISIT/i)
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
