import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { patientForm } from '../../support/fixtures'
import { describeChanges, nameSimilarity, socialInsuranceNumber } from '../../../core/patients/matching'

const foldedName = fc
  .array(fc.constantFrom('nguyen', 'tran', 'le', 'thi', 'van', 'hong', 'nhung', 'an', 'anh', 'h'), {
    minLength: 1,
    maxLength: 5
  })
  .map((w) => w.join(' '))

describe('matching properties', () => {
  it('name similarity is symmetric, within 0–1, and 1 only for the same name', () => {
    fc.assert(
      fc.property(foldedName, foldedName, (a, b) => {
        const s = nameSimilarity(a, b)
        expect(s).toBe(nameSimilarity(b, a))
        expect(s).toBeGreaterThanOrEqual(0)
        expect(s).toBeLessThanOrEqual(1)
        expect(s === 1).toBe(a === b)
      }),
      { numRuns: 300 }
    )
  })

  it('a re-scan with nothing new reports no change, whatever the name and address', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ maxLength: 80 }),
        (name, address) => {
          const form = patientForm({ fullName: name, address: { ...patientForm().address, text: address } })
          expect(describeChanges(form, structuredClone(form))).toEqual([])
        }
      ),
      { numRuns: 200 }
    )
  })

  it('any renewed BHYT card keeps its 10-digit social-insurance number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('DN', 'HC', 'TE', 'GD', 'HN'),
        fc.integer({ min: 1, max: 5 }),
        fc.stringMatching(/^\d{12}$/),
        (category, level, digits) => {
          const card = `${category}${level}${digits}`
          expect(socialInsuranceNumber(card)).toBe(digits.slice(2))
          expect(socialInsuranceNumber(card.toLowerCase())).toBe(digits.slice(2))
        }
      ),
      { numRuns: 200 }
    )
  })
})
