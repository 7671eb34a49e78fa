import { describe, expect, it } from 'vitest'
import type { CodedIdentity, PassiveAuthValue, ReadingWarning } from '../../../contract/reading'
import type { PatientForm } from '../../../contract/patient'
import {
  initialReceptionState,
  receptionReducer,
  type ReceptionAction,
  type ReceptionState
} from '../../../renderer/src/form/reception-state'
import { patientForm } from '../../support/fixtures'

const read = (
  form: PatientForm,
  source: 'qr' | 'chip',
  readId = 'r1',
  warnings: ReadingWarning[] = []
): ReceptionAction => ({
  type: 'coded',
  coded: {
    form,
    returning: null,
    addressCandidates: [],
    addressNote: null,
    warnings
  } satisfies CodedIdentity,
  source,
  readId,
  stored: null,
  note: 'filled'
})
const verified = (over: Partial<PassiveAuthValue>): ReceptionAction => ({
  type: 'card',
  event: {
    type: 'verified',
    readId: 'r2',
    passiveAuthentication: {
      status: 'valid',
      dataGroupHashes: [],
      signature: 'valid',
      chain: 'trusted',
      signerSubject: null,
      ...over
    }
  }
})
const run = (...actions: ReceptionAction[]): ReceptionState =>
  actions.reduce(receptionReducer, initialReceptionState(null))
const saved: ReceptionAction = { type: 'saved', text: 'Đã lưu', patientId: 'p1' }

describe('after a save the form is locked (no double save)', () => {
  it('ignores edits until "Nhập mới", and a reset opens an empty form', () => {
    const s = run(read(patientForm(), 'qr'), { type: 'saving' }, saved)
    expect(s.locked).toBe(true)
    const edited = receptionReducer(s, { type: 'edit', field: 'phone', value: '0912345678' })
    expect(edited).toBe(s)
    const next = receptionReducer(s, { type: 'reset' })
    expect(next.locked).toBe(false)
    expect(next.form.fullName).toBe('')
  })

  it('the next card on a locked form starts a new registration, not an edit of the saved one', () => {
    const s = run(
      read(patientForm(), 'qr'),
      { type: 'edit', field: 'phone', value: '0912345678' },
      saved,
      read(patientForm({ fullName: 'Trần Văn Bình', idNumber: '022090001111' }), 'qr', 'r2')
    )
    expect(s.locked).toBe(false)
    expect(s.form.fullName).toBe('Trần Văn Bình')
    expect(s.form.phone).toBe('')
    expect(s.notice).toBeNull()
    expect(s.read).toEqual({ id: 'r2', source: 'qr' })
  })
})

describe('questions before saving', () => {
  it('a yes is remembered for this form; a no leaves it unconfirmed; saving clears both', () => {
    const asked = run(read(patientForm(), 'qr'), { type: 'ask', ask: { kind: 'sameDay', time: '09:41' } })
    expect(asked.ask).toEqual({ kind: 'sameDay', time: '09:41' })
    const no = receptionReducer(asked, { type: 'answer', yes: false })
    expect(no.ask).toBeNull()
    expect(no.confirmed.sameDay).toBe(false)
    const yes = receptionReducer(asked, { type: 'answer', yes: true })
    expect(yes.confirmed.sameDay).toBe(true)
    expect(receptionReducer(yes, saved).confirmed.sameDay).toBe(false)
  })

  it('a blocked save asks the screen to focus the first invalid field', () => {
    const s = run({ type: 'saveBlocked' }, { type: 'saveBlocked' })
    expect(s.focusErrorTick).toBe(2)
    expect(s.showAll).toBe(true)
  })
})

describe('a tampered or cloned chip', () => {
  const qrThenChip = (chipName: string): ReceptionState =>
    run(
      read(patientForm({ fullName: 'Nguyễn Thị Hồng Nhung' }), 'qr'),
      read(patientForm({ fullName: chipName, ethnicityCode: '01' }), 'chip', 'r2')
    )

  it("altered data: the QR's values come back, the chip's differing values become conflicts, red flag set", () => {
    const chipRead = qrThenChip('Nguyễn Thị Hồng Nhunq')
    expect(chipRead.form.fullName).toBe('Nguyễn Thị Hồng Nhunq')
    const s = receptionReducer(chipRead, verified({ status: 'invalid', trust: 'altered' }))
    expect(s.tampered).toBe(true)
    expect(s.form.fullName).toBe('Nguyễn Thị Hồng Nhung')
    expect(s.marks.fullName).toBe('qr')
    expect(s.conflicts).toEqual([{ field: 'fullName', cardValue: 'Nguyễn Thị Hồng Nhunq' }])
    // What only the chip carries stays, marked as the chip's (✗).
    expect(s.form.ethnicityCode).toBe('01')
    expect(s.marks.ethnicityCode).toBe('altered')
  })

  it('a clone (Chip Authentication failed) is treated the same', () => {
    const s = receptionReducer(
      qrThenChip('Nguyễn Thị Hồng Nhunq'),
      verified({ trust: 'verified', chipAuthentication: { status: 'invalid', algorithm: null } })
    )
    expect(s.tampered).toBe(true)
    expect(s.form.fullName).toBe('Nguyễn Thị Hồng Nhung')
  })

  it('a verified chip keeps its values and raises nothing', () => {
    const s = receptionReducer(qrThenChip('Nguyễn Thị Hồng Nhunq'), verified({ trust: 'verified' }))
    expect(s.tampered).toBe(false)
    expect(s.form.fullName).toBe('Nguyễn Thị Hồng Nhunq')
    expect(s.conflicts).toEqual([])
  })
})

describe('warnings follow the form', () => {
  const warning = (field: string | null): ReadingWarning => ({
    code: 'X',
    field,
    message: `about ${field}`,
    blocking: false
  })

  it('a warning about a field goes once the clerk edits it or picks the commune; others stay', () => {
    const s = run(
      read(patientForm(), 'qr', 'r1', [warning('dateOfBirth'), warning('address'), warning(null)])
    )
    const afterDob = receptionReducer(s, { type: 'edit', field: 'dob', value: '14/03/1995' })
    expect(afterDob.warnings.map((w) => w.field)).toEqual(['address', null])
    const afterCommune = receptionReducer(afterDob, {
      type: 'chooseAddress',
      candidate: {
        provinceCode: '22',
        communeCode: '06655',
        communeName: 'Phường Hạ Long',
        unitListVersion: 'v2025',
        confidence: 1,
        via: 'legacy',
        fromOldCode: null,
        fromSplit: false
      }
    })
    expect(afterCommune.warnings.map((w) => w.field)).toEqual([null])
  })
})
