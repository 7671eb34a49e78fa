// The HIS's answer to a lookup, turned into what the desk shows and saves (docs/adr/0024).
import { describe, expect, it } from 'vitest'
import type { CodedIdentity } from '../../../contract/reading'
import type { PatientForm } from '../../../contract/patient'
import { withHisAnswer, withHisPatient } from '../../../core/reading/his-returning'
import type { HisMemory } from '../../../core/reading/his-memory'
import type { HisPatientHit } from '../../../core/sync/connectors/fhir/patient-lookup'
import { patientForm } from '../../support/fixtures'

const coded = (form: PatientForm = patientForm()): CodedIdentity => ({
  form,
  returning: null,
  addressCandidates: [],
  addressNote: null,
  warnings: []
})
const hit = (over: Partial<HisPatientHit> = {}): HisPatientHit => ({
  hisId: '41',
  fullName: 'Nguyễn Thị Hồng Nhung',
  birthDate: '1995-03-14',
  gender: 'female',
  identifiers: [],
  ...over
})

describe('the HIS answer → returning patient', () => {
  it('a hit makes the patient returning from the HIS, with the HIS Patient id and no local record', () => {
    const out = withHisAnswer(coded(), { state: 'found', hit: hit() })
    expect(out.returning).toEqual({
      patientId: null,
      source: 'his',
      hisPatientId: '41',
      fullName: 'Nguyễn Thị Hồng Nhung',
      by: 'idNumber',
      changes: []
    })
    expect(out.hisLookup).toBe('found')
    expect(out.warnings).toEqual([])
  })

  it('lists what the card says differently from the HIS record, in the change wording the desk knows', () => {
    const out = withHisAnswer(coded(), {
      state: 'found',
      hit: hit({ fullName: 'Nguyen Thi Hong Nhung', birthDate: '1995' })
    })
    expect(out.returning?.fullName).toBe('Nguyen Thi Hong Nhung')
    expect(out.returning?.changes.map((c) => c.field)).toEqual(['fullName', 'dateOfBirth'])
    expect(out.returning?.changes[0]?.key).toBe('change.fullName')
    // The card's values stay in the form: the HIS never overwrites what the chip or QR says.
    expect(out.form.fullName).toBe('Nguyễn Thị Hồng Nhung')
  })

  it('offline adds one non-blocking "local only" warning and no returning patient', () => {
    const out = withHisAnswer(coded(), { state: 'offline', why: 'timeout' })
    expect(out.returning).toBeNull()
    expect(out.hisLookup).toBe('offline')
    expect(out.warnings).toEqual([
      {
        code: 'HIS_OFFLINE',
        field: null,
        blocking: false,
        key: 'his.offline',
        message: 'Không hỏi được HIS — chỉ tìm trong máy này.'
      }
    ])
  })

  it('not found is a new patient; no answer (lookup off) changes nothing', () => {
    const base = coded()
    expect(withHisAnswer(base, { state: 'not-found' })).toEqual({ ...base, hisLookup: 'not-found' })
    expect(withHisAnswer(base, null)).toBe(base)
  })

  it('a patient found on this computer is never replaced by the HIS answer, and the HIS is not asked', async () => {
    const local: CodedIdentity = {
      ...coded(),
      returning: {
        patientId: 'p1',
        source: 'local',
        hisPatientId: null,
        fullName: 'Nguyễn Thị Hồng Nhung',
        by: 'idNumber',
        changes: []
      }
    }
    expect(withHisAnswer(local, { state: 'found', hit: hit() })).toBe(local)
    let asked = 0
    const his: HisMemory = {
      ask: () => {
        asked++
        return Promise.resolve({ state: 'found', hit: hit() })
      },
      hisIdFor: () => null,
      hisCodeFor: () => null,
      close: () => undefined
    }
    expect(await withHisPatient(local, his)).toBe(local)
    expect(await withHisPatient(coded(patientForm({ idNumber: null })), his)).toMatchObject({
      returning: null
    })
    expect(asked).toBe(0)
    expect((await withHisPatient(coded(), his)).returning?.source).toBe('his')
    expect(asked).toBe(1)
  })
})
