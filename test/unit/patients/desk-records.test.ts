import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { createHandlers, dispatch, type Handlers } from '../../../core/handlers'
import type { CallContext } from '../../../core/auth/actor'
import { searchKind } from '../../../core/patients/search-kind'
import { phoneKey } from '../../../core/patients/phone'

let t: ReturnType<typeof testServices>
let handlers: Handlers
const officer: CallContext = {
  actor: { id: 'nv-officer', role: 'officer', fullName: 'Cán bộ', staffIdNumber: null }
}
const clerk: CallContext = { actor: { id: 'nv-clerk', role: 'clerk', fullName: 'Thu', staffIdNumber: null } }

beforeEach(() => {
  t = testServices()
  handlers = createHandlers(t.services)
})
afterEach(() => t.cleanup())

async function call<T>(name: string, input: unknown, ctx: CallContext = clerk): Promise<T> {
  const r = await dispatch(handlers, name, input, ctx)
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

const auditCount = (action: string): number =>
  (
    t.services.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as {
      n: number
    }
  ).n

describe('search by phone', () => {
  it('finds a record by its phone in 0…, +84… and 84… forms, with spaces or dots, and logs only the kind', async () => {
    const { patientId } = t.services.register(registration({}, { phone: '+84912345678' }))
    t.services.register(
      registration(
        {},
        { idNumber: '022090001111', fullName: 'Trần Văn Bình', sex: 'male', phone: '0987654321' }
      )
    )
    for (const typed of ['0912345678', '0912 345 678', '+84912345678', '84912345678', '0912.345.678']) {
      const found = await call<{ id: string }[]>('patients:search', { text: typed })
      expect(
        found.map((p) => p.id),
        typed
      ).toEqual([patientId])
    }
    expect(searchKind('0912 345 678')).toBe('phone')
    const detail = t.services.db
      .prepare("SELECT detail_json FROM audit_log WHERE action = 'search' ORDER BY id DESC LIMIT 1")
      .get() as { detail_json: string }
    expect(JSON.parse(detail.detail_json)).toEqual({ kind: 'phone', results: 1 })
    expect(detail.detail_json).not.toContain('0912')
  })

  it('keeps ID-prefix search for digits that are not a phone, and still finds an ID prefix that looks like one', async () => {
    const { patientId } = t.services.register(registration({}, { phone: null }))
    expect(phoneKey('022195')).toBeNull()
    expect((await call<{ id: string }[]>('patients:search', { text: '022195' })).map((p) => p.id)).toEqual([
      patientId
    ])
    // 0221950012 is 10 digits from 0: a landline shape, and also the start of this ID number.
    expect(
      (await call<{ id: string }[]>('patients:search', { text: '0221950012' })).map((p) => p.id)
    ).toEqual([patientId])
  })

  it('follows a changed phone', async () => {
    const { patientId } = t.services.register(registration({}, { phone: '0912345678' }))
    t.services.register(registration({ patientId, confirmSameDay: true }, { phone: '0977000111' }))
    expect(await call<unknown[]>('patients:search', { text: '0912345678' })).toEqual([])
    expect(await call<unknown[]>('patients:search', { text: '0977000111' })).toHaveLength(1)
  })
})

describe('possible duplicates of a record typed by hand', () => {
  it('offers the record with the same folded name and birth date, or the same phone, the likeliest first', async () => {
    const both = t.services.register(registration({}, { idNumber: null, phone: '0912345678' })).patientId
    const phoneOnly = t.services.register(
      registration(
        {},
        { idNumber: null, fullName: 'Lê Văn Khác', sex: 'male', dateOfBirth: '1980', phone: '+84912345678' }
      )
    ).patientId
    const found = await call<{ patient: { id: string }; reasons: string[] }[]>(
      'patients:possibleDuplicates',
      {
        fullName: 'nguyen thi hong nhung',
        dateOfBirth: '1995-03-14',
        phone: '0912 345 678',
        idNumber: null
      }
    )
    expect(found.map((d) => [d.patient.id, d.reasons])).toEqual([
      [both, ['name-dob', 'phone']],
      [phoneOnly, ['phone']]
    ])
    expect(auditCount('search')).toBe(1)
  })

  it('offers nothing when the typed ID number is on file, and leaves out a record with another ID number', async () => {
    t.services.register(registration({}, { idNumber: '022195001234' }))
    const onFile = await call<unknown[]>('patients:possibleDuplicates', {
      fullName: 'Nguyễn Thị Hồng Nhung',
      dateOfBirth: '1995-03-14',
      idNumber: '022195001234'
    })
    expect(onFile).toEqual([])
    const otherId = await call<unknown[]>('patients:possibleDuplicates', {
      fullName: 'Nguyễn Thị Hồng Nhung',
      dateOfBirth: '1995-03-14',
      idNumber: '022195009999'
    })
    expect(otherId).toEqual([])
    const noId = await call<unknown[]>('patients:possibleDuplicates', {
      fullName: 'Nguyễn Thị Hồng Nhung',
      dateOfBirth: '1995-03-14'
    })
    expect(noId).toHaveLength(1)
  })
})

describe('visit history', () => {
  it('lists the visits of a record newest first with the state of each submission', async () => {
    const { patientId, visitId } = t.services.register(registration())
    t.services.db
      .prepare("UPDATE outbox SET status = 'sent', receipt = 'r' WHERE visit_id = ? AND target = 'his'")
      .run(visitId)
    const second = t.services.register(registration({ patientId, confirmSameDay: true }, {}))
    const history = await call<
      { id: string; serviceType: string; sends: { target: string; status: string }[] }[]
    >('patients:visits', { patientId })
    expect(history.map((v) => v.id).sort()).toEqual([visitId, second.visitId].sort())
    const first = history.find((v) => v.id === visitId)!
    expect(first.serviceType).toBe('general')
    expect(first.sends).toEqual([
      { target: 'emch', status: 'pending' },
      { target: 'his', status: 'sent' }
    ])
  })
})

describe('merge and unmerge through the API', () => {
  it('merges a typed twin into the record kept, audited under the officer, and undoes it', async () => {
    const keep = t.services.register(registration()).patientId
    const twin = t.services.register(registration({}, { idNumber: null, phone: '0911111111' })).patientId
    const merged = await call<{ visitsMoved: number }>(
      'patients:merge',
      { keepId: keep, mergeId: twin },
      officer
    )
    expect(merged.visitsMoved).toBe(1)
    expect(await call<unknown[]>('patients:visits', { patientId: keep })).toHaveLength(2)
    const entry = t.services.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'merge' ORDER BY id DESC LIMIT 1")
      .get() as { actor: string }
    expect(entry.actor).toBe('nv-officer')
    const undone = await call<{ restoredId: string; visitsMoved: number }>(
      'patients:unmerge',
      { mergedId: twin },
      officer
    )
    expect(undone).toMatchObject({ restoredId: twin, visitsMoved: 1 })
    expect(await call<unknown[]>('patients:visits', { patientId: keep })).toHaveLength(1)
  })

  it('refuses to merge two records with different ID numbers, in Vietnamese', async () => {
    const a = t.services.register(registration()).patientId
    const b = t.services.register(registration({}, { idNumber: '022090001111' })).patientId
    const r = await dispatch(handlers, 'patients:merge', { keepId: a, mergeId: b }, officer)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('CONFLICT')
  })
})
