import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { submissionSchema } from '../../../contract/submission'
import { getPatient } from '../../../core/patients/get-patient'

let t: ReturnType<typeof testServices>
beforeEach(() => {
  t = testServices()
})
afterEach(() => t.cleanup())

describe('registration', () => {
  it('saves patient, visit, one outbox row per target and audit entries together', () => {
    const r = t.services.register(registration())
    expect(r.patientCreated).toBe(true)
    expect(r.outboxIds).toHaveLength(2)
    const db = t.services.db
    const rows = db
      .prepare('SELECT target, status, payload_json, idempotency_key FROM outbox ORDER BY target')
      .all() as {
      target: string
      status: string
      payload_json: string
      idempotency_key: string
    }[]
    expect(rows.map((x) => [x.target, x.status])).toEqual([
      ['emch', 'pending'],
      ['his', 'pending']
    ])
    for (const row of rows) {
      const sub = submissionSchema.parse(JSON.parse(row.payload_json))
      expect(sub.patient.form.fullName).toBe('Nguyễn Thị Hồng Nhung')
      expect(sub.visit.id).toBe(r.visitId)
      expect(sub.idempotencyKey).toBe(row.idempotency_key)
      expect(sub.patient.code).toMatch(/^BN-[0-9A-Z]{4}-\d{8}$/)
    }
    const audit = db.prepare('SELECT action, entity FROM audit_log ORDER BY id').all()
    expect(audit).toEqual([
      { action: 'create', entity: 'patient' },
      { action: 'create', entity: 'visit' }
    ])
  })

  it('finds the returning patient by ID number, updates with history instead of duplicating', () => {
    const first = t.services.register(registration())
    const second = t.services.register(
      registration(
        { confirmSameDay: true },
        {
          address: {
            text: 'Xã Vân Đồn, Quảng Ninh',
            provinceCode: '22',
            communeCode: null,
            unitListVersion: null
          }
        }
      )
    )
    expect(second.patientId).toBe(first.patientId)
    expect(second.patientCreated).toBe(false)
    const record = getPatient(t.services.db, first.patientId)
    expect(record.form.address.text).toBe('Xã Vân Đồn, Quảng Ninh')
    expect(record.visits).toHaveLength(2)
    const history = t.services.db.prepare('SELECT changes_json FROM patient_history').all() as {
      changes_json: string
    }[]
    expect(history).toHaveLength(1)
    expect(JSON.parse(history[0]!.changes_json)).toContain('address.text')
  })

  it('stores names NFC with single spaces whatever was typed', () => {
    const decomposed = 'Nguyê\u0303n   Văn  A'.normalize('NFD')
    const r = t.services.register(registration({}, { fullName: decomposed, idNumber: null }))
    expect(getPatient(t.services.db, r.patientId).form.fullName).toBe('Nguyễn Văn A')
  })

  it('rolls back everything when any part fails (unknown guardian)', () => {
    expect(() =>
      t.services.register(
        registration(
          {},
          { guardian: { patientId: 'nope', fullName: 'Mẹ', relation: 'mother', idNumber: null, phone: null } }
        )
      )
    ).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }))
    const count = (table: string): unknown =>
      t.services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get()
    for (const table of ['patients', 'visits', 'outbox', 'audit_log']) expect(count(table)).toEqual({ n: 0 })
  })
})

describe('patient search', () => {
  beforeEach(() => {
    t.services.register(
      registration(
        {},
        { fullName: 'Nguyễn Văn A', idNumber: '022090001111', dateOfBirth: '1990-01-01', sex: 'male' }
      )
    )
    t.services.register(
      registration({}, { fullName: 'Nguyễn Văn An', idNumber: '022090002222', dateOfBirth: '1991' })
    )
    t.services.register(
      registration({}, { fullName: 'Đặng Thị Ánh', idNumber: null, dateOfBirth: '2019-05' })
    )
  })

  it('finds names typed without diacritics', () => {
    expect(t.services.searchPatients('nguyen van a', 10).map((p) => p.fullName)).toEqual([
      'Nguyễn Văn A',
      'Nguyễn Văn An'
    ])
    expect(t.services.searchPatients('dang anh', 10).map((p) => p.fullName)).toEqual(['Đặng Thị Ánh'])
  })

  it('narrows by birth year and finds exact and partial ID numbers', () => {
    expect(t.services.searchPatients('nguyen 1991', 10).map((p) => p.fullName)).toEqual(['Nguyễn Văn An'])
    expect(t.services.searchPatients('022090002222', 10).map((p) => p.fullName)).toEqual(['Nguyễn Văn An'])
    expect(t.services.searchPatients('0220900011', 10).map((p) => p.fullName)).toEqual(['Nguyễn Văn A'])
    expect(t.services.searchPatients('tran', 10)).toEqual([])
  })
})
