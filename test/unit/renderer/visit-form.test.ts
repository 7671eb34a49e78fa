import { describe, expect, it } from 'vitest'
import { AppError } from '../../../contract/errors'
import {
  initialReceptionState,
  receptionReducer,
  type ReceptionAction,
  type ReceptionState
} from '../../../renderer/src/form/reception-state'
import { toPatientForm } from '../../../renderer/src/form/form-state'
import { effectivePriority, toVisitForm, validateVisit } from '../../../renderer/src/form/visit-form'
import { testServices } from '../../support/fixtures'

const today = new Date(2026, 11, 2, 9, 0)
const edit = <F extends keyof ReceptionState['form']>(
  field: F,
  value: ReceptionState['form'][F]
): ReceptionAction => ({ type: 'edit', field, value })
const run = (...actions: ReceptionAction[]): ReceptionState =>
  actions.reduce(receptionReducer, initialReceptionState(null))

const man = [
  edit('fullName', 'Trần Văn Nam'),
  edit('dob', '01/06/1988'),
  edit('sex', 'male'),
  edit('addressText', 'Phường Hạ Long, Quảng Ninh')
]

describe('the visit part of the reception form', () => {
  it('assumes no service: an untouched form cannot be saved until one is picked', () => {
    const s = run(...man)
    expect(s.form.serviceType).toBe('')
    expect(validateVisit(s.form, today).serviceType).toBe('validation.required')
    expect(validateVisit(run(...man, edit('serviceType', 'general')).form, today)).toEqual({})
  })

  it('a man with "Khám thai" needs the warning confirmed, and the confirmation travels with the registration', () => {
    const s = run(...man, edit('serviceType', 'antenatal'))
    expect(validateVisit(s.form, today).confirmedChecks).toBe('visit.confirmRequired')
    const confirmed = receptionReducer(s, edit('confirmedChecks', ['womenOnly']))
    expect(validateVisit(confirmed.form, today)).toEqual({})
    expect(toVisitForm(confirmed.form, today)).toMatchObject({
      serviceType: 'antenatal',
      confirmedChecks: ['womenOnly']
    })
    // A confirmation given for one service does not carry over to another that needs its own.
    const other = receptionReducer(confirmed, edit('serviceType', 'immunisation'))
    expect(validateVisit(other.form, today).confirmedChecks).toBe('visit.confirmRequired')
  })

  it('the core refuses the same registration without the confirmation and saves it with', () => {
    const t = testServices({ now: () => today })
    try {
      const s = run(...man, edit('serviceType', 'antenatal'))
      const input = (form: ReceptionState['form']) => ({
        patientId: null,
        patient: toPatientForm(form, today),
        visit: toVisitForm(form, today),
        identityReadId: null,
        source: 'manual' as const
      })
      expect(() => t.services.register(input(s.form))).toThrow(AppError)
      const ok = t.services.register(input(receptionReducer(s, edit('confirmedChecks', ['womenOnly'])).form))
      expect(ok.ticket?.number).toBe(1)
    } finally {
      t.cleanup()
    }
  })

  it('suggests the priority from the record and lets the clerk change it', () => {
    const child = run(edit('dob', '10/01/2023'), edit('serviceType', 'child_checkup'))
    expect(effectivePriority(child.form, today)).toBe('under-6')
    expect(effectivePriority(receptionReducer(child, edit('priority', 'none')).form, today)).toBe(null)
    expect(effectivePriority(run(...man, edit('emergency', true)).form, today)).toBe('emergency')
  })

  it('sends the XML visit fields with their defaults: visit 01, category 9 without a card, 2 in an emergency', () => {
    const plain = toVisitForm(run(...man, edit('serviceType', 'general')).form, today)
    expect(plain).toMatchObject({
      careTypeCode: '01',
      objectCode: '9',
      emergency: false,
      referralNumber: null
    })
    const referred = toVisitForm(
      run(
        ...man,
        edit('serviceType', 'general'),
        edit('emergency', true),
        edit('referralNumber', ' GCT-77 '),
        edit('referringFacility', '22015')
      ).form,
      today
    )
    expect(referred).toMatchObject({
      objectCode: '2',
      referralNumber: 'GCT-77',
      referringFacility: '22015',
      priority: 'emergency'
    })
    expect(
      validateVisit(run(edit('serviceType', 'general'), edit('referringFacility', '2201')).form, today)
    ).toMatchObject({ referringFacility: 'visit.facilityFormat' })
  })
})
