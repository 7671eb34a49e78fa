import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registration, testServices, patientForm } from '../../support/fixtures'
import { createCorrection } from '../../../core/reception/correct-patient'
import type { Submission } from '../../../contract/submission'

let t: ReturnType<typeof testServices>
beforeEach(() => {
  t = testServices()
})
afterEach(() => t.cleanup())

const outbox = (): { target: string; status: string; idempotency_key: string; payload_json: string }[] =>
  t.services.db
    .prepare('SELECT target, status, idempotency_key, payload_json FROM outbox ORDER BY id')
    .all() as never

describe('correcting a refused record', () => {
  it('updates the patient with history, adds no visit, and re-queues only the refused submission with the fix', () => {
    const r = t.services.register(registration())
    t.services.db.prepare("UPDATE outbox SET status = 'failed', last_error = 'x' WHERE target = 'his'").run()
    const correct = createCorrection({ db: t.services.db, clock: t.services.clock, actor: 'test' })
    const result = correct(r.patientId, patientForm({ phone: '0987654321' }))
    expect(result).toEqual({ changed: ['phone'], resubmitted: 1 })
    const rows = outbox()
    const his = rows.find((x) => x.target === 'his')!
    expect(his.status).toBe('pending')
    expect(his.idempotency_key).toBe(`${r.visitId}:his:r2`)
    expect((JSON.parse(his.payload_json) as Submission).patient.form.phone).toBe('0987654321')
    expect(rows.find((x) => x.target === 'emch')!.idempotency_key).toBe(`${r.visitId}:emch`)
    expect(t.services.db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 1 })
    expect(t.services.db.prepare('SELECT reason FROM patient_history').all()).toEqual([
      { reason: 'correction' }
    ])
  })

  it('refuses an ID number that belongs to someone else, changing nothing', () => {
    const a = t.services.register(registration())
    t.services.register(registration({}, { idNumber: '022090009999', fullName: 'Trần Văn B' }))
    const correct = createCorrection({ db: t.services.db, clock: t.services.clock, actor: 'test' })
    expect(() => correct(a.patientId, patientForm({ idNumber: '022090009999' }))).toThrowError(
      expect.objectContaining({ code: 'CONFLICT' })
    )
    expect(t.services.db.prepare('SELECT count(*) AS n FROM patient_history').get()).toEqual({ n: 0 })
  })
})
