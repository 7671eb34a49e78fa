import { describe, expect, it } from 'vitest'
import type { BhytCheckResult } from '../../../contract/bhyt'
import { emptyForm, type FormState } from '../../../renderer/src/form/form-state'
import {
  askFromForm,
  bhytReducer,
  checkIdForSave,
  holderDifferences,
  initialBhytState
} from '../../../renderer/src/form/bhyt-state'

const today = new Date('2026-11-23T08:00:00+07:00')
const form = (over: Partial<FormState> = {}): FormState => ({
  ...emptyForm(),
  fullName: 'Nguyễn Thị Hồng Nhung',
  dob: '14/03/1995',
  sex: 'female',
  idNumber: '022195001234',
  ...over
})
const card = {
  cardNumber: 'GD4222221234567',
  registeredFacility: '22001',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  areaCode: 'K1',
  fiveYearsFrom: null,
  socialInsuranceNumber: null
}
const result = (over: Partial<BhytCheckResult> = {}): BhytCheckResult => ({
  code: '000',
  usable: true,
  status: 'verified',
  action: 'use',
  messageKey: 'bhyt.result.000',
  message: 'Thẻ BHYT hợp lệ.',
  card,
  newCard: null,
  holder: { fullName: 'NGUYỄN THỊ HỒNG NHUNG', dateOfBirth: '1995-03-14', sex: 'female', address: null },
  checkedElsewhere: [],
  checkedAt: '2026-11-23T01:00:00.000Z',
  ...over
})
const answered = (r: BhytCheckResult, f: FormState) =>
  bhytReducer(bhytReducer(initialBhytState, { type: 'ask', ask: askFromForm(f, today)! }), {
    type: 'answered',
    answer: { checkId: 7, result: r, elsewhereToday: false },
    form: f
  })

describe('the BHYT section state', () => {
  it('asks with the 12-digit ID first, else the card code, and not without a name or a valid date', () => {
    expect(askFromForm(form(), today)).toEqual({
      cardKey: '022195001234',
      fullName: 'Nguyễn Thị Hồng Nhung',
      dateOfBirth: '1995-03-14'
    })
    expect(askFromForm(form({ idNumber: '', bhytCardNumber: 'gd4222221234567' }), today)?.cardKey).toBe(
      'GD4222221234567'
    )
    expect(askFromForm(form({ fullName: ' ' }), today)).toBeNull()
    expect(askFromForm(form({ dob: '31/02/1995' }), today)).toBeNull()
  })

  it('a usable card fills an empty card number once and hands its check to the save until it is used', () => {
    const s = answered(result(), form())
    expect(s.pendingFill).toEqual({ cardNumber: 'GD4222221234567', replace: false })
    expect(s.differences).toEqual([]) // the same name in capitals is no difference
    expect(checkIdForSave(s)).toBe(7)
    const filled = bhytReducer(s, { type: 'filled' })
    expect(filled.filledFromBhxh).toBe(true)
    expect(checkIdForSave(bhytReducer(filled, { type: 'saved' }))).toBeNull()
  })

  it('never fills over a card number the clerk typed: the difference is listed for the clerk to choose', () => {
    const s = answered(result(), form({ bhytCardNumber: 'GD4229999999999' }))
    expect(s.pendingFill).toBeNull()
    expect(s.differences).toEqual([
      { field: 'bhytCardNumber', formValue: 'GD4229999999999', bhxhValue: 'GD4222221234567' }
    ])
  })

  it('lists a different name, birth date and sex from BHXH instead of overwriting them', () => {
    const r = result({
      holder: { fullName: 'Nguyễn Thị Nhung', dateOfBirth: '1995-03-15', sex: 'male', address: null }
    })
    expect(holderDifferences(r, form(), today).map((d) => [d.field, d.bhxhValue])).toEqual([
      ['fullName', 'Nguyễn Thị Nhung'],
      ['dob', '15/03/1995'],
      ['sex', 'male']
    ])
    const s = bhytReducer(answered(r, form()), { type: 'resolve', field: 'dob' })
    expect(s.differences.map((d) => d.field)).toEqual(['fullName', 'sex'])
  })

  it('a replaced card (003) switches over the old number; a new card offered (004) waits for the clerk', () => {
    const newCard = { ...card, cardNumber: 'GD4222227654321' }
    const switched = answered(
      result({ code: '003', action: 'switch-to-new-card', card: newCard, newCard }),
      form({ bhytCardNumber: 'GD4222221234567' })
    )
    expect(switched.pendingFill).toEqual({ cardNumber: 'GD4222227654321', replace: true })
    expect(switched.differences).toEqual([])
    const offered = answered(
      result({ code: '004', action: 'offer-new-card', newCard }),
      form({ bhytCardNumber: 'GD4222221234567' })
    )
    expect(offered.pendingFill).toBeNull()
    expect(bhytReducer(offered, { type: 'useNewCard' }).pendingFill).toEqual({
      cardNumber: 'GD4222227654321',
      replace: true
    })
  })

  it('a refused card fills nothing; not configured is its own state, not an outage', () => {
    const refused = answered(
      result({ code: '010', usable: false, status: 'refused', action: 'not-usable', card: null }),
      form()
    )
    expect(refused.pendingFill).toBeNull()
    expect(checkIdForSave(refused)).toBe(7)
    const off = bhytReducer(initialBhytState, {
      type: 'failed',
      error: { code: 'CONFIG_INVALID', message: 'x', messageEn: 'x' }
    })
    expect(off.phase).toBe('notConfigured')
    expect(checkIdForSave(off)).toBeNull()
  })
})
