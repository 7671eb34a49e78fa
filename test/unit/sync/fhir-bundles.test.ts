import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Submission } from '../../../contract/submission'
import {
  buildEmchBundle,
  buildHisBatchBundle,
  buildHisBundle,
  type Bundle
} from '../../../core/sync/connectors'
import { sid } from '../../../core/sync/connectors/fhir/vn-core'
import { validateR4 } from '../../harness/his-server/r4-validation'
import { childForm, makeChildSubmission, makeSubmission, motherForm } from './submission-fixtures'

function resources(bundle: Bundle, type: string): Record<string, unknown>[] {
  return bundle.entry.filter((e) => e.resource.resourceType === type).map((e) => e.resource as never)
}

describe('HIS FHIR bundle', () => {
  beforeAll(() => {
    // Compiles the R4 schema once (a few seconds) outside the individual test budgets.
    validateR4(buildHisBundle(makeSubmission()))
  }, 60_000)

  it('validates against FHIR R4 for an adult with every field and for a child with a partial birth date', () => {
    expect(validateR4(buildHisBundle(makeSubmission()))).toEqual([])
    expect(validateR4(buildHisBundle(makeChildSubmission()))).toEqual([])
    const yearOnly = makeSubmission({
      patient: {
        id: 'p-y',
        code: 'BNY',
        form: motherForm({ dateOfBirth: '1950', sex: 'other', idNumber: null })
      }
    })
    expect(validateR4(buildHisBundle(yearOnly))).toEqual([])
  })

  it('is checked by the validator: a wrong birth date or gender code is reported', () => {
    const broken = (field: string, value: string): string[] => {
      const bundle = buildHisBundle(makeSubmission()) as unknown as {
        entry: { resource: Record<string, unknown> }[]
      }
      bundle.entry[0]!.resource[field] = value
      return validateR4(bundle)
    }
    expect(broken('birthDate', '1990-13').some((e) => e.includes('birthDate'))).toBe(true)
    expect(broken('gender', 'nu').some((e) => e.includes('gender'))).toBe(true)
  })

  it('carries the VN Core identifiers, extensions, address codes, name and birth date', () => {
    const sub = makeSubmission()
    const [patient] = resources(buildHisBundle(sub), 'Patient') as [Record<string, unknown>]
    const ids = patient['identifier'] as { system: string; value: string }[]
    expect(ids).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ system: sid.nationalId, value: '022190001234' }),
        expect.objectContaining({ system: sid.citizenId, value: '100123456' }),
        expect.objectContaining({ system: sid.insuranceNumber, value: 'GD4222212345678' }),
        expect.objectContaining({ system: sid.patientInternalId, value: sub.patient.code })
      ])
    )
    const ext = JSON.stringify(patient['extension'])
    expect(ext).toContain('extension-race')
    expect(ext).toContain('"code":"01"')
    expect(ext).toContain('extension-nationality')
    expect(ext).toContain('"code":"VN"')
    expect(ext).toContain('extension-occupation')
    expect(ext).toContain('"code":"21310"')
    const address = JSON.stringify(patient['address'])
    expect(address).toContain('"code":"22"')
    expect(address).toContain('"code":"06688"')
    expect(address).toContain('Phường Hạ Long')
    expect(patient['name']).toEqual([
      { use: 'official', text: 'Nguyễn Thị Lan', family: 'Nguyễn', given: ['Thị', 'Lan'] }
    ])
    expect(patient['birthDate']).toBe('1990-05-12')
    expect(patient['gender']).toBe('female')
  })

  it('keys the patient by CCCD (or the facility code) and the encounter by the visit id, and links them', () => {
    const sub = makeSubmission()
    const bundle = buildHisBundle(sub)
    const [p, e] = bundle.entry
    expect(p!.request).toEqual({
      method: 'POST',
      url: 'Patient',
      ifNoneExist: `identifier=${sid.nationalId}|022190001234`
    })
    expect(e!.request.ifNoneExist).toBe(`identifier=urn:vn:cskcb:22001:ma-lk|${sub.visit.id}`)
    expect(p!.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    const encounter = e!.resource as unknown as Record<string, unknown>
    expect(encounter['subject']).toEqual({ reference: p!.fullUrl })
    expect(JSON.stringify(encounter['serviceType'])).toContain('"code":"antenatal"')
    expect(encounter['period']).toEqual({ start: '2026-11-23T08:05:00+07:00' })

    const child = buildHisBundle(makeChildSubmission())
    expect(child.entry[0]!.request.ifNoneExist).toMatch(/patient-internal-id\|BNC/)
  })

  it('is the same bytes every time, so a resend is a true repeat', () => {
    const sub = makeSubmission()
    expect(JSON.stringify(buildHisBundle(sub))).toBe(JSON.stringify(buildHisBundle(structuredClone(sub))))
  })

  it('merges one patient with two visits in a batch into one conditional create', () => {
    const a = makeSubmission()
    const b = makeSubmission({ patient: a.patient })
    const batch = buildHisBatchBundle([a, b])
    expect(resources(batch, 'Patient')).toHaveLength(1)
    const encounters = resources(batch, 'Encounter') as { subject: { reference: string } }[]
    expect(encounters).toHaveLength(2)
    expect(encounters[1]!.subject.reference).toBe(batch.entry[0]!.fullUrl)
    expect(validateR4(batch)).toEqual([])
  })

  it('refuses to build without a facility code', () => {
    const sub = makeSubmission({ facility: { code: null, name: null } })
    expect(() => buildHisBundle(sub)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }))
  })

  it('validates for any form the contract accepts (property)', () => {
    const name = fc
      .array(fc.constantFrom('Nguyễn', 'Thị', 'Lan', 'Hoàng', 'Đức', 'Ánh', 'Ỷ', 'A'), {
        minLength: 1,
        maxLength: 5
      })
      .map((w) => w.join(' '))
    const date = fc.oneof(
      fc.integer({ min: 1900, max: 2026 }).map(String),
      fc
        .tuple(fc.integer({ min: 1900, max: 2026 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc
        .tuple(
          fc.integer({ min: 1900, max: 2026 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 })
        )
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    )
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`))
    fc.assert(
      fc.property(
        name,
        date,
        fc.constantFrom('male', 'female', 'other'),
        fc.option(digits(12), { nil: null }),
        fc.option(digits(2), { nil: null }),
        fc.option(digits(5), { nil: null }),
        fc.boolean(),
        (fullName, dateOfBirth, sex, idNumber, ethnicityCode, communeCode, withGuardian) => {
          const form = motherForm({
            fullName,
            dateOfBirth,
            sex: sex as 'male',
            idNumber,
            ethnicityCode,
            address: { text: 'x', provinceCode: '22', communeCode, unitListVersion: null }
          })
          const sub: Submission = withGuardian
            ? makeChildSubmission({
                patient: { id: 'c', code: 'C1', form: childForm({ fullName, dateOfBirth }) }
              })
            : makeSubmission({ patient: { id: 'p', code: 'P1', form } })
          expect(validateR4(buildHisBundle(sub))).toEqual([])
          expect(validateR4(buildEmchBundle(sub))).toEqual([])
        }
      ),
      { numRuns: 40 }
    )
  })
})

describe('eMCH FHIR bundle', () => {
  it('links a child to the mother with a RelatedPerson and validates against R4', () => {
    const sub = makeChildSubmission()
    const bundle = buildEmchBundle(sub)
    expect(validateR4(bundle)).toEqual([])
    const related = resources(bundle, 'RelatedPerson') as {
      patient: { reference: string }
      relationship: { coding: { code: string }[] }[]
    }[]
    expect(related).toHaveLength(1)
    expect(related[0]!.patient.reference).toBe(bundle.entry[0]!.fullUrl)
    expect(related[0]!.relationship[0]!.coding[0]!.code).toBe('MTH')
    expect(resources(bundle, 'Patient')).toHaveLength(2)
    const encounter = resources(bundle, 'Encounter')[0] as { serviceType: { coding: { code: string }[] } }
    expect(encounter.serviceType.coding[0]!.code).toBe('immunisation')
    for (const entry of bundle.entry) expect(entry.request.ifNoneExist).toMatch(/^identifier=/)
  })

  it('has no RelatedPerson when the patient has no linked guardian', () => {
    const bundle = buildEmchBundle(makeSubmission())
    expect(resources(bundle, 'RelatedPerson')).toHaveLength(0)
    expect(validateR4(bundle)).toEqual([])
  })
})
