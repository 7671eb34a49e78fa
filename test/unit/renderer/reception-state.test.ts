import { describe, expect, it } from 'vitest'
import type { CodedIdentity } from '../../../contract/reading'
import type { PatientForm } from '../../../contract/patient'
import {
  initialReceptionState,
  receptionReducer,
  type ReceptionAction,
  type ReceptionState
} from '../../../renderer/src/form/reception-state'
import { patientForm } from '../../support/fixtures'

const coded = (form: PatientForm, returning: CodedIdentity['returning'] = null): CodedIdentity => ({
  form,
  returning,
  addressCandidates: [],
  addressNote: null,
  warnings: []
})
const read = (form: PatientForm, source: 'qr' | 'chip', readId = 'r1'): ReceptionAction => ({
  type: 'coded',
  coded: coded(form),
  source,
  readId,
  stored: null,
  note: 'filled'
})
const run = (...actions: ReceptionAction[]): ReceptionState =>
  actions.reduce(receptionReducer, initialReceptionState(null))

describe('the reception form state', () => {
  it('a QR fills the form and marks what it filled; the clerk typing a field marks it touched', () => {
    const s = run(read(patientForm(), 'qr'), { type: 'edit', field: 'phone', value: '0912345678' })
    expect(s.form.fullName).toBe('Nguyễn Thị Hồng Nhung')
    expect(s.marks.fullName).toBe('qr')
    expect(s.read).toEqual({ id: 'r1', source: 'qr' })
    expect(s.touched.has('phone')).toBe(true)
    expect(s.intakeNote).toBe('filled')
  })

  it('the chip confirming the QR, then a valid signature, turns the marks into "verified"', () => {
    const s = run(read(patientForm(), 'qr'), read(patientForm(), 'chip', 'r2'), {
      type: 'card',
      event: {
        type: 'verified',
        readId: 'r2',
        passiveAuthentication: {
          status: 'valid',
          dataGroupHashes: [],
          signature: 'valid',
          chain: 'trusted',
          signerSubject: null
        }
      }
    })
    expect(s.marks.fullName).toBe('verified')
    expect(s.card.verification?.status).toBe('valid')
  })

  it('a card of another person starts over: nothing typed for the previous patient stays', () => {
    const s = run(
      read(patientForm(), 'qr'),
      { type: 'edit', field: 'phone', value: '0912345678' },
      read(patientForm({ fullName: 'Trần Văn Bình', idNumber: '022090001111' }), 'qr', 'r2')
    )
    expect(s.form.fullName).toBe('Trần Văn Bình')
    expect(s.form.phone).toBe('')
    expect(s.marks.phone).toBeUndefined()
    expect(s.touched.size).toBe(0)
  })

  it('a card disagreeing with what the clerk typed becomes a conflict the clerk resolves', () => {
    const typed = run(
      { type: 'edit', field: 'fullName', value: 'Nguyen Thi Hong Nhung' },
      read(patientForm(), 'chip')
    )
    expect(typed.form.fullName).toBe('Nguyen Thi Hong Nhung')
    const [conflict] = typed.conflicts
    const s = receptionReducer(typed, { type: 'resolveConflict', conflict: conflict!, useCard: true })
    expect(s.form.fullName).toBe('Nguyễn Thị Hồng Nhung')
    expect(s.marks.fullName).toBe('chip')
    expect(s.conflicts).toEqual([])
  })

  it('a failed save keeps everything typed; clearing empties the form', () => {
    const typed = run(read(patientForm(), 'qr'), { type: 'saving' })
    const failed = receptionReducer(typed, {
      type: 'saveFailed',
      error: { code: 'CONFLICT', message: 'x', messageEn: 'x' } as never
    })
    expect(failed.form.fullName).toBe('Nguyễn Thị Hồng Nhung')
    expect(failed.saving).toBe(false)
    expect(failed.notice?.kind).toBe('error')
    const cleared = receptionReducer(failed, { type: 'reset' })
    expect(cleared.form.fullName).toBe('')
    expect(cleared.marks).toEqual({})
    expect(cleared.read).toBeNull()
  })
})
