import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { childrenOf, registerChild, type ChildRegistration } from '../../../core/patients/children'
import { getPatient } from '../../../core/patients/get-patient'

let t: ReturnType<typeof testServices>
let motherId: string
beforeEach(() => {
  t = testServices()
  motherId = t.services.register(
    registration(
      {},
      {
        address: {
          text: 'Thôn 3, Xã Quảng Tân, Quảng Ninh',
          provinceCode: '22',
          communeCode: '07030',
          unitListVersion: 'qn-2025'
        }
      }
    )
  ).patientId
})
afterEach(() => t.cleanup())

const child = (over: Partial<ChildRegistration> = {}): ChildRegistration => ({
  guardian: '022195001234',
  relation: 'mother',
  fullName: null,
  dateOfBirth: '2026-11-20',
  sex: 'female',
  birthWeightGrams: 3150,
  visit: { serviceType: 'immunisation', department: null, reason: null },
  ...over
})

const deps = () => ({ db: t.services.db, register: t.services.register })

describe('mother and child', () => {
  it("registers a newborn without a card under the mother's record and finds it by her ID number", () => {
    const r = registerChild(deps(), child())
    expect(r.guardianId).toBe(motherId)
    const kids = childrenOf(t.services.db, '022195001234')
    expect(kids).toHaveLength(1)
    expect(kids[0]).toMatchObject({
      id: r.patientId,
      fullName: 'Con của Nguyễn Thị Hồng Nhung',
      relation: 'mother',
      birthWeightGrams: 3150,
      idNumber: null,
      addressText: 'Thôn 3, Xã Quảng Tân, Quảng Ninh'
    })
    const form = getPatient(t.services.db, r.patientId).form
    // An uncarded child takes the mother's coded address (XML1 DIA_CHI rule) and links to her.
    expect(form.address.communeCode).toBe('07030')
    expect(form.guardian).toMatchObject({ patientId: motherId, relation: 'mother', idNumber: '022195001234' })
  })

  it('finds children by the mother record id too, youngest first', () => {
    registerChild(
      deps(),
      child({ fullName: 'Trần Minh Anh', dateOfBirth: '2022-04-02', birthWeightGrams: null })
    )
    registerChild(deps(), child({ fullName: 'Trần Minh Khôi', dateOfBirth: '2026-11-20' }))
    expect(childrenOf(t.services.db, motherId).map((c) => c.fullName)).toEqual([
      'Trần Minh Khôi',
      'Trần Minh Anh'
    ])
  })

  it('a returning child is updated, not duplicated, and keeps its visits', () => {
    const first = registerChild(deps(), child({ fullName: 'Trần Minh Khôi' }))
    const again = registerChild(
      deps(),
      child({ fullName: 'TRẦN MINH KHÔI', birthWeightGrams: null, confirmSameDay: true })
    )
    expect(again.patientId).toBe(first.patientId)
    expect(again.patientCreated).toBe(false)
    expect(childrenOf(t.services.db, motherId)).toHaveLength(1)
    expect(childrenOf(t.services.db, motherId)[0]!.birthWeightGrams).toBe(3150)
    expect(getPatient(t.services.db, first.patientId).visits).toHaveLength(2)
  })

  it('refuses an impossible birth weight and saves nothing', () => {
    expect(() => registerChild(deps(), child({ birthWeightGrams: 31500 }))).toThrow(/Birth weight/)
    expect(childrenOf(t.services.db, motherId)).toEqual([])
  })

  it('says clearly when the mother has no record yet', () => {
    expect(() => registerChild(deps(), child({ guardian: '022195999999' }))).toThrow(/not found/)
    expect(() => childrenOf(t.services.db, '022195999999')).toThrow(/not found/)
  })
})
