import { describe, expect, it } from 'vitest'
import type { CodedIdentity } from '../../../contract/reading'
import { localized } from '../../../contract/messages'
import {
  initialReceptionState,
  receptionReducer,
  type ReceptionAction,
  type ReceptionState
} from '../../../renderer/src/form/reception-state'
import { patientForm } from '../../support/fixtures'

// 022195001234: Quảng Ninh, a woman born in 1995. The QR said "Nam": the card's warning says the sex disagrees.
const sexMismatch = {
  code: 'ID_SEX_MISMATCH',
  field: 'idNumber',
  blocking: false,
  ...localized('warning.ID_SEX_MISMATCH', { givenSex: 'label.sex.male', idSex: 'label.sex.female' })
}
const scanned: ReceptionAction = {
  type: 'coded',
  coded: {
    form: { ...patientForm(), idNumber: '022195001234', dateOfBirth: '1995-03-14', sex: 'male' },
    returning: null,
    addressCandidates: [],
    addressNote: null,
    warnings: [sexMismatch]
  } satisfies CodedIdentity,
  source: 'qr',
  readId: 'r1',
  stored: null,
  note: 'filled'
}
const run = (...actions: ReceptionAction[]): ReceptionState =>
  actions.reduce(receptionReducer, initialReceptionState(null))
const codes = (s: ReceptionState): string[] => s.warnings.map((w) => w.code)

describe('warnings follow the form, not the card that filled it', () => {
  it('fixing the sex takes the ID-number warning away', () => {
    expect(codes(run(scanned))).toContain('ID_SEX_MISMATCH')
    expect(codes(run(scanned, { type: 'edit', field: 'sex', value: 'female' }))).not.toContain(
      'ID_SEX_MISMATCH'
    )
  })

  it('typing a birth year the ID number contradicts brings its warning, with the years in it', () => {
    const s = run(
      scanned,
      { type: 'edit', field: 'sex', value: 'female' },
      { type: 'edit', field: 'dob', value: '14/03/1959' }
    )
    const w = s.warnings.find((x) => x.code === 'ID_BIRTH_YEAR_MISMATCH')
    expect(w?.message).toContain('1959')
    expect(w?.message).toContain('1995')
    expect(
      codes(
        run(
          scanned,
          { type: 'edit', field: 'sex', value: 'female' },
          { type: 'edit', field: 'dob', value: '14/03/1995' }
        )
      )
    ).toEqual([])
  })

  it('an edit elsewhere leaves the ID checks as they are', () => {
    expect(codes(run(scanned, { type: 'edit', field: 'phone', value: '0912345678' }))).toContain(
      'ID_SEX_MISMATCH'
    )
  })
})

describe("a returning patient's list of what the card changes", () => {
  const returning: ReceptionAction = {
    type: 'coded',
    coded: {
      form: patientForm(),
      returning: {
        patientId: 'p1',
        source: 'local',
        hisPatientId: null,
        fullName: 'Nguyễn Thị Hồng Nhung',
        by: 'idNumber',
        changes: [
          { field: 'address.text', ...localized('change.address', { before: 'Cũ', after: 'Mới' }) },
          {
            field: 'sex',
            ...localized('change.sex', { before: 'label.sexValue.male', after: 'label.sexValue.female' })
          }
        ]
      },
      addressCandidates: [],
      addressNote: null,
      warnings: []
    },
    source: 'qr',
    readId: 'r1',
    stored: null,
    note: 'filled'
  }

  it('loses a change once the clerk sets that field herself, and keeps the others', () => {
    const s = run(returning, { type: 'edit', field: 'addressText', value: 'Số 8, Phường Bãi Cháy' })
    expect(s.returning?.changes.map((c) => c.field)).toEqual(['sex'])
  })
})
