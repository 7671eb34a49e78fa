import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { patientForm, registration, testServices } from '../../support/fixtures'
import { describeChanges, findMatches, nameSimilarity } from '../../../core/patients/matching'
import { getPatient } from '../../../core/patients/get-patient'
import { codePatient, defaultCodingCatalog } from '../../../core/coding'
import { emptyIdentity, type Identity } from '../../../contract/identity'

let t: ReturnType<typeof testServices>
beforeEach(() => {
  t = testServices()
})
afterEach(() => t.cleanup())

describe('findMatches', () => {
  it('opens the existing record on a re-scan of the same ID number', () => {
    const first = t.services.register(registration())
    const m = findMatches(
      t.services.db,
      patientForm({ address: { ...patientForm().address, text: 'Xã Cô Tô' } })
    )
    expect(m.by).toBe('idNumber')
    expect(m.exact?.id).toBe(first.patientId)
    expect(m.candidates).toEqual([])
  })

  it('finds a patient stored with only the old 9-digit ID when the new card is scanned', () => {
    const old = t.services.register(registration({}, { idNumber: null, oldIdNumber: '101234567' }))
    const scan = patientForm({ idNumber: '022195001234', oldIdNumber: '101234567' })
    const m = findMatches(t.services.db, scan)
    expect(m.by).toBe('oldIdNumber')
    expect(m.exact?.id).toBe(old.patientId)

    // Registering against the match updates the same record: no duplicate, the new ID replaces the old one.
    const again = t.services.register(registration({ patientId: m.exact!.id, confirmSameDay: true }, scan))
    expect(again.patientCreated).toBe(false)
    expect(getPatient(t.services.db, old.patientId).form.idNumber).toBe('022195001234')
    expect(t.services.searchPatients('022195001234', 10).map((p) => p.id)).toEqual([old.patientId])
  })

  it('finds by the social-insurance number even when the card category changed', () => {
    const first = t.services.register(registration({}, { idNumber: null, bhytCardNumber: 'TE1220123456789' }))
    const m = findMatches(t.services.db, patientForm({ idNumber: null, bhytCardNumber: 'HN2220123456789' }))
    expect(m.by).toBe('bhyt')
    expect(m.exact?.id).toBe(first.patientId)
  })

  it('warns, without choosing, when the same name and birth date carry a different ID number', () => {
    const first = t.services.register(registration())
    const m = findMatches(t.services.db, patientForm({ idNumber: '022195009999' }))
    expect(m.exact).toBeNull()
    expect(m.candidates).toHaveLength(1)
    const c = m.candidates[0]!
    expect(c.patient.id).toBe(first.patientId)
    expect(c.reasons).toEqual(expect.arrayContaining(['same_name', 'same_dob', 'different_id_number']))
    expect(c.warning).toContain('trùng họ tên')
    expect(c.warning).toContain('số CCCD khác')
  })

  it('a shared BHYT number with a different ID number is a warning, not an exact match', () => {
    t.services.register(registration({}, { bhytCardNumber: 'GD4220123456789' }))
    const m = findMatches(
      t.services.db,
      patientForm({ fullName: 'Trần Văn Bình', idNumber: '022090001111', bhytCardNumber: 'GD4220123456789' })
    )
    expect(m.exact).toBeNull()
    expect(m.candidates[0]?.reasons).toEqual(expect.arrayContaining(['same_bhyt', 'different_id_number']))
  })

  it('catches a typing error in the name for someone born the same day, and ignores strangers', () => {
    const first = t.services.register(registration({}, { idNumber: null }))
    t.services.register(registration({}, { idNumber: null, fullName: 'Lê Văn Tám' }))
    const m = findMatches(t.services.db, patientForm({ idNumber: null, fullName: 'Nguyen Thi Hong Nhunh' }))
    expect(m.candidates.map((c) => c.patient.id)).toEqual([first.patientId])
    expect(m.candidates[0]!.reasons).toContain('similar_name')
  })

  it('matches a year-only birth date against a full one for the same name', () => {
    const first = t.services.register(registration({}, { idNumber: null, dateOfBirth: '1995' }))
    const m = findMatches(t.services.db, patientForm({ idNumber: null }))
    expect(m.candidates.map((c) => c.patient.id)).toEqual([first.patientId])
    expect(m.candidates[0]!.reasons).toContain('same_birth_year')
  })

  it('leaves out the record being edited', () => {
    const first = t.services.register(registration({}, { idNumber: null }))
    expect(
      findMatches(t.services.db, patientForm({ idNumber: null }), { excludeId: first.patientId })
    ).toEqual({
      exact: null,
      by: null,
      candidates: []
    })
  })

  it('scores reordered names as near and different names as far', () => {
    expect(nameSimilarity('tran thi mai', 'thi mai tran')).toBeGreaterThanOrEqual(0.9)
    expect(nameSimilarity('nguyen van an', 'pham thi hoa')).toBeLessThan(0.5)
  })
})

describe('describeChanges', () => {
  it('shows a changed address as a change, in Vietnamese', () => {
    const before = patientForm()
    const after = patientForm({ address: { ...before.address, text: 'Thôn 2, Xã Vân Đồn, Quảng Ninh' } })
    const changes = describeChanges(before, after)
    expect(changes).toMatchObject([
      {
        field: 'address.text',
        key: 'change.address',
        message:
          'Địa chỉ mới: Thôn 2, Xã Vân Đồn, Quảng Ninh (trước đây: Tổ 5, Khu 3, Phường Hạ Long, Quảng Ninh)'
      }
    ])
    expect(changes[0]?.messageEn).toBe(
      'New address: Thôn 2, Xã Vân Đồn, Quảng Ninh (before: Tổ 5, Khu 3, Phường Hạ Long, Quảng Ninh)'
    )
  })

  it('names a new card (issue and expiry dates) and a new ID replacing the old 9-digit one', () => {
    const card = {
      ethnicityText: 'Kinh',
      religion: null,
      placeOfOrigin: null,
      identifyingFeatures: null,
      fatherName: null,
      motherName: null,
      spouseName: null,
      issueDate: '2016-05-10',
      expiryDate: '2035-03-14',
      noExpiry: false
    }
    const before = patientForm({ idNumber: null, oldIdNumber: '101234567', cardDetails: card })
    const after = patientForm({
      idNumber: '022195001234',
      oldIdNumber: '101234567',
      cardDetails: { ...card, issueDate: '2024-08-15', expiryDate: null, noExpiry: true }
    })
    const messages = describeChanges(before, after).map((c) => c.message)
    expect(messages).toEqual([
      'Số CCCD mới 022195001234 thay cho số CMND cũ 101234567',
      'Thẻ căn cước mới: ngày cấp 10/05/2016 → 15/08/2024, có giá trị đến 14/03/2035 → không thời hạn'
    ])
    expect(describeChanges(before, after).map((c) => c.messageEn)).toEqual([
      'New ID number 022195001234 replaces the old ID number 101234567',
      'New ID card: issued 10/05/2016 → 15/08/2024, valid until 14/03/2035 → no expiry'
    ])
  })

  it('reports nothing for the same form re-typed with other spacing or case in the address', () => {
    const before = patientForm()
    const after = patientForm({
      address: { ...before.address, text: 'tổ 5,  khu 3, phường Hạ Long, Quảng Ninh' }
    })
    expect(describeChanges(before, after)).toEqual([])
  })
})

describe('re-scan at the desk (identity → codes → match → changes → save)', () => {
  it('shows the moved address as a change and updates the same record', () => {
    const catalog = defaultCodingCatalog()
    const identity = (residence: string): Identity => ({
      ...emptyIdentity('qr', 'NGUYỄN THỊ HỒNG NHUNG'),
      idNumber: '022195001234',
      dateOfBirth: '1995-03-14',
      sex: 'female',
      placeOfResidence: residence,
      issueDate: '2021-04-10'
    })
    const firstForm = codePatient(identity('Tổ 5, Khu 3, Phường Hạ Long, Tỉnh Quảng Ninh'), catalog).form
    const first = t.services.register(
      registration({ source: 'qr' }, { ...firstForm, occupationCode: '00000' })
    )

    const scanned = codePatient(identity('Thôn 2, Đặc khu Vân Đồn, Tỉnh Quảng Ninh'), catalog).form
    const match = findMatches(t.services.db, scanned)
    expect(match.by).toBe('idNumber')
    const stored = getPatient(t.services.db, match.exact!.id).form
    const changes = describeChanges(stored, { ...scanned, occupationCode: stored.occupationCode })
    expect(changes.map((c) => c.field)).toEqual(['address.text'])
    expect(changes[0]!.message).toMatch(/^Địa chỉ mới: Thôn 2, Đặc khu Vân Đồn/)

    const again = t.services.register(
      registration(
        { patientId: match.exact!.id, source: 'qr', confirmSameDay: true },
        { ...scanned, occupationCode: '00000' }
      )
    )
    expect(again).toMatchObject({ patientId: first.patientId, patientCreated: false })
    expect(t.services.searchPatients('nguyen thi hong nhung', 10)).toHaveLength(1)
  })
})
