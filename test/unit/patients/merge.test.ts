import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { mergePatients, unmergePatients } from '../../../core/patients/merge'
import { getPatient } from '../../../core/patients/get-patient'
import { registerChild } from '../../../core/patients/children'
import { isAppError } from '../../../contract/errors'

let t: ReturnType<typeof testServices>
beforeEach(() => {
  t = testServices()
})
afterEach(() => t.cleanup())

/** The same woman registered twice: once typed by hand without ID, once from her card. */
function duplicatePair(): { typed: string; scanned: string } {
  const typed = t.services.register(registration({}, { idNumber: null, phone: '0987654321' })).patientId
  t.services.register(
    registration({ patientId: typed, confirmSameDay: true }, { idNumber: null, phone: '0987654321' })
  )
  const scanned = t.services.register(registration({}, { phone: null })).patientId
  return { typed, scanned }
}

describe('mergePatients', () => {
  it('keeps every visit on the kept record and hides the duplicate from search', () => {
    const { typed, scanned } = duplicatePair()
    expect(t.services.searchPatients('nguyen thi hong nhung', 10)).toHaveLength(2)

    const r = mergePatients(t.services.db, scanned, typed, 'admin')
    expect(r.visitsMoved).toBe(2)
    expect(getPatient(t.services.db, scanned).visits).toHaveLength(3)
    // Opening the duplicate lands on the kept record.
    expect(getPatient(t.services.db, typed).id).toBe(scanned)
    expect(t.services.searchPatients('nguyen thi hong nhung', 10).map((p) => p.id)).toEqual([scanned])
    // The kept record took the phone number it lacked.
    expect(r.filledFields).toEqual(['phone'])
    expect(getPatient(t.services.db, scanned).form.phone).toBe('0987654321')
  })

  it('leaves an audit trail and history on both records', () => {
    const { typed, scanned } = duplicatePair()
    mergePatients(t.services.db, scanned, typed, 'admin', { reason: 'same person' })
    const audit = t.services.db
      .prepare("SELECT actor, entity_id, detail_json FROM audit_log WHERE action = 'merge'")
      .all() as { actor: string; entity_id: string; detail_json: string }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor).toBe('admin')
    expect(audit[0]!.entity_id).toBe(scanned)
    expect(JSON.parse(audit[0]!.detail_json)).toMatchObject({ mergedId: typed })
    const history = t.services.db
      .prepare(
        'SELECT patient_id, reason FROM patient_history WHERE reason LIKE ? OR reason LIKE ? ORDER BY id'
      )
      .all('merge%', 'merged_into%')
    expect(history).toEqual([
      { patient_id: typed, reason: `merged_into:${scanned}` },
      { patient_id: scanned, reason: `merge:${typed}:same person` }
    ])
  })

  it('hands the ID number over when the duplicate had it, so the next scan finds the kept record', () => {
    const { typed, scanned } = duplicatePair()
    mergePatients(t.services.db, typed, scanned, 'admin')
    expect(getPatient(t.services.db, typed).form.idNumber).toBe('022195001234')
    const rescan = t.services.register(registration({ confirmSameDay: true }))
    expect(rescan.patientCreated).toBe(false)
    expect(rescan.patientId).toBe(typed)
  })

  it('moves the identity reads and the children of the duplicate', () => {
    const { typed, scanned } = duplicatePair()
    t.services.db
      .prepare(
        "INSERT INTO identity_reads (id, patient_id, source, identity_json, read_at) VALUES ('r1', ?, 'qr', '{}', ?)"
      )
      .run(typed, new Date().toISOString())
    registerChild(
      { db: t.services.db, register: t.services.register },
      {
        guardian: typed,
        relation: 'mother',
        fullName: 'Trần Minh Khôi',
        dateOfBirth: '2026-10-01',
        sex: 'male',
        visit: { serviceType: 'child_checkup', department: null, reason: null }
      }
    )
    const r = mergePatients(t.services.db, scanned, typed, 'admin')
    expect(r.readsMoved).toBe(1)
    expect(r.childrenMoved).toBe(1)
    const child = t.services.db
      .prepare('SELECT guardian_patient_id, form_json FROM patients WHERE full_name = ?')
      .get('Trần Minh Khôi') as { guardian_patient_id: string; form_json: string }
    expect(child.guardian_patient_id).toBe(scanned)
    expect(JSON.parse(child.form_json).guardian.patientId).toBe(scanned)
  })

  it('refuses to merge two people with different ID numbers, and changes nothing', () => {
    const a = t.services.register(registration()).patientId
    const b = t.services.register(registration({}, { idNumber: '022195009999' })).patientId
    let error: unknown
    try {
      mergePatients(t.services.db, a, b, 'admin')
    } catch (e) {
      error = e
    }
    expect(isAppError(error) && error.code).toBe('CONFLICT')
    expect(t.services.searchPatients('nguyen thi hong nhung', 10)).toHaveLength(2)
    expect(t.services.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'merge'").get()).toEqual(
      {
        n: 0
      }
    )
  })

  it('refuses a record already merged', () => {
    const { typed, scanned } = duplicatePair()
    mergePatients(t.services.db, scanned, typed, 'admin')
    expect(() => mergePatients(t.services.db, scanned, typed, 'admin')).toThrow(/already merged/)
  })

  it('can be undone: the duplicate comes back with its visits, reads, children and ID number', () => {
    const { typed, scanned } = duplicatePair()
    t.services.db
      .prepare(
        "INSERT INTO identity_reads (id, patient_id, source, identity_json, read_at) VALUES ('r1', ?, 'chip', '{}', ?)"
      )
      .run(scanned, new Date().toISOString())
    mergePatients(t.services.db, typed, scanned, 'admin')
    // A visit made after the merge belongs to the kept record and stays there.
    t.services.register(registration({ patientId: typed, confirmSameDay: true }, { phone: '0987654321' }))

    const r = unmergePatients(t.services.db, scanned, 'admin', { reason: 'not the same person' })
    expect(r).toMatchObject({ keepId: typed, restoredId: scanned, visitsMoved: 1, readsMoved: 1 })
    expect(getPatient(t.services.db, scanned).id).toBe(scanned)
    expect(getPatient(t.services.db, scanned).visits).toHaveLength(1)
    expect(getPatient(t.services.db, typed).visits).toHaveLength(3)
    // The ID number goes back to its owner, so the next scan finds her again.
    expect(getPatient(t.services.db, typed).form.idNumber).toBeNull()
    expect(getPatient(t.services.db, scanned).form.idNumber).toBe('022195001234')
    expect(t.services.register(registration({ confirmSameDay: true })).patientId).toBe(scanned)
    expect(t.services.searchPatients('nguyen thi hong nhung', 10)).toHaveLength(2)
    expect(t.services.db.prepare("SELECT patient_id FROM identity_reads WHERE id = 'r1'").get()).toEqual({
      patient_id: scanned
    })
  })

  it('refuses to undo what was never merged', () => {
    const { typed } = duplicatePair()
    expect(() => unmergePatients(t.services.db, typed, 'admin')).toThrow(/not merged/)
  })
})
