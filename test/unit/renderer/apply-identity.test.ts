import { describe, expect, it } from 'vitest'
import { applyCardForm } from '../../../renderer/src/form/apply-identity'
import { emptyForm, type FieldName } from '../../../renderer/src/form/form-state'
import { patientForm } from '../../support/fixtures'

describe('filling the form from a card', () => {
  it('fills every field the card gives into an empty form', () => {
    const r = applyCardForm(emptyForm(), new Set(), patientForm())
    expect(r.state.fullName).toBe('Nguyễn Thị Hồng Nhung')
    expect(r.state.dob).toBe('14/03/1995')
    expect(r.state.sex).toBe('female')
    expect(r.state.idNumber).toBe('022195001234')
    expect(r.conflicts).toEqual([])
    expect(r.filled).toEqual(expect.arrayContaining(['fullName', 'dob', 'sex', 'idNumber', 'addressText']))
  })

  it('never overwrites a field the clerk edited: it reports a conflict instead', () => {
    const typed = { ...emptyForm(), fullName: 'Nguyen Thi Hong Nhung', phone: '0912345678' }
    const edited = new Set<FieldName>(['fullName', 'phone'])
    const r = applyCardForm(typed, edited, patientForm())
    expect(r.state.fullName).toBe('Nguyen Thi Hong Nhung')
    expect(r.conflicts).toEqual([{ field: 'fullName', cardValue: 'Nguyễn Thị Hồng Nhung' }])
    expect(r.state.phone).toBe('0912345678')
    expect(r.state.idNumber).toBe('022195001234')
  })

  it('does not erase values a QR cannot give (ethnicity) when the chip filled them before', () => {
    const afterChip = applyCardForm(emptyForm(), new Set(), patientForm({ ethnicityCode: '09' })).state
    const r = applyCardForm(afterChip, new Set(), patientForm({ ethnicityCode: null }))
    expect(r.state.ethnicityCode).toBe('09')
  })

  it('keeps the clerk-only fields (visit, phone, BHYT) whatever the card says', () => {
    const start = { ...emptyForm(), serviceType: 'immunisation' as const, bhytCardNumber: 'GD4220123456789' }
    const r = applyCardForm(start, new Set(), patientForm({ bhytCardNumber: null, phone: null }))
    expect(r.state.serviceType).toBe('immunisation')
    expect(r.state.bhytCardNumber).toBe('GD4220123456789')
  })
})
