import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyIdentity, type Identity } from '../../../contract/identity'
import { patientFormSchema } from '../../../contract/patient'
import { decodeIdNumber } from '../../../contract/rules/id-number'
import {
  codePatient,
  defaultCodingCatalog,
  formatPersonName,
  lookupEthnicity,
  lookupNationality,
  sexCode,
  sexFromText
} from '../../../core/coding'

const catalog = defaultCodingCatalog()

function identity(overrides: Partial<Identity>): Identity {
  return {
    ...emptyIdentity('chip', 'NGUYỄN  thị   HOA'),
    idNumber: '022190012345',
    dateOfBirth: '1990-05-17',
    sex: 'female',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    placeOfResidence: 'Tổ 5, Khu 2, Phường Hà Tu, Thành phố Hạ Long, Tỉnh Quảng Ninh',
    ...overrides
  }
}

describe('ethnicity, nationality and sex codes (docs/health-data.md §3)', () => {
  it.each([
    ['Kinh', '01'],
    ['KINH', '01'],
    ['Dân tộc Kinh', '01'],
    ['Tày', '02'],
    ['Tay', '02'],
    ['Hoa', '04'],
    ['Khmer', '05'],
    ['Khơ-me', '05'],
    ['Khơ Me', '05'],
    ['Mông', '08'],
    ['HMông', '08'],
    ["H'Mông", '08'],
    ['H’Mông', '08'],
    ['hmong', '08'],
    ['Dao', '09'],
    ['Sán Chay', '15'],
    ['Cao Lan', '15'],
    ['Sán Dìu', '18'],
    ['San Diu', '18'],
    ['SÁN DÌU', '18'],
    ['Ê Đê', '12'],
    ['Bru Vân Kiều', '23'],
    ['Rơ Măm', '54'],
    ['Kinh (Việt)', '01'],
    ['Dân tộc Dao'.normalize('NFD'), '09']
  ])('ethnicity %s → %s', (text, code) => {
    expect(lookupEthnicity(text, catalog)?.code).toBe(code)
  })

  it('returns null for an unknown ethnicity instead of guessing', () => {
    expect(lookupEthnicity('Người nước ngoài', catalog)).toBeNull()
    expect(lookupEthnicity('', catalog)).toBeNull()
  })

  it('writes Việt Nam as 000 (not ISO 704) and keeps ISO alpha-2 for FHIR', () => {
    for (const text of ['Việt Nam', 'VIỆT NAM', 'Viet Nam', 'Vietnam'])
      expect(lookupNationality(text, catalog)).toMatchObject({ mohCode: '000', iso2: 'VN' })
    expect(lookupNationality('Trung Quốc', catalog)).toMatchObject({ mohCode: null, iso2: 'CN' })
  })

  it('codes sex 1/2/3 and reads the card text', () => {
    expect([sexCode('male'), sexCode('female'), sexCode('other')]).toEqual(['1', '2', '3'])
    expect([sexFromText('Nam'), sexFromText('Nữ'), sexFromText('NU'), sexFromText('?')]).toEqual([
      'male',
      'female',
      'female',
      null
    ])
  })
})

describe('names and ID numbers', () => {
  it.each([
    ['NGUYỄN  văn a', 'Nguyễn Văn A'],
    ['  trần THỊ   bích  ', 'Trần Thị Bích'],
    ["H'HEN NIÊ", "H'Hen Niê"],
    ['nguyễn văn a'.normalize('NFD'), 'Nguyễn Văn A'.normalize('NFC')]
  ])('%s → %s', (raw, expected) => {
    expect(formatPersonName(raw)).toBe(expected)
  })

  it('reads century, sex and year from digits 4–6', () => {
    expect(decodeIdNumber('022090012345')).toMatchObject({
      provinceCode: '022',
      sex: 'male',
      birthYear: 1990
    })
    expect(decodeIdNumber('022305012345')).toMatchObject({
      provinceCode: '022',
      sex: 'female',
      birthYear: 2005
    })
    expect(decodeIdNumber('12345')).toBeNull()
  })
})

describe('codePatient', () => {
  it('fills a valid form from a chip read of an old-address card', () => {
    const { form, warnings, addressCandidates } = codePatient(identity({}), catalog)
    expect(patientFormSchema.safeParse(form).success).toBe(true)
    expect(form).toMatchObject({
      fullName: 'Nguyễn Thị Hoa',
      dateOfBirth: '1990-05-17',
      sex: 'female',
      ethnicityCode: '01',
      nationalityCode: '000',
      occupationCode: null,
      address: { provinceCode: '22', communeCode: '06652', unitListVersion: 'vn-admin-2025-07' }
    })
    expect(addressCandidates[0]?.communeCode).toBe('06652')
    expect(warnings.map((w) => w.code)).toEqual(['OCCUPATION_MISSING'])
    expect(form.cardDetails?.religion).toBeNull()
  })

  it('warns when the ID number contradicts sex or birth year', () => {
    const { warnings } = codePatient(
      identity({ idNumber: '022085012345', dateOfBirth: '1990-05-17', sex: 'female' }),
      catalog
    )
    expect(warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['ID_SEX_MISMATCH', 'ID_BIRTH_YEAR_MISMATCH'])
    )
  })

  it('accepts a year-only or year-month date of birth and takes the year from the ID when the card gives none', () => {
    expect(codePatient(identity({ dateOfBirth: '1990' }), catalog).form.dateOfBirth).toBe('1990')
    expect(codePatient(identity({ dateOfBirth: '1990-05' }), catalog).form.dateOfBirth).toBe('1990-05')
    const fromId = codePatient(identity({ dateOfBirth: null }), catalog)
    expect(fromId.form.dateOfBirth).toBe('1990')
    expect(fromId.warnings.map((w) => w.code)).toContain('DOB_FROM_ID_NUMBER')
  })

  it('flags an impossible date as blocking', () => {
    const r = codePatient(identity({ dateOfBirth: '1990-02-30' }), catalog)
    expect(r.warnings.find((w) => w.code === 'DOB_INVALID')?.blocking).toBe(true)
  })

  it('leaves the commune empty and blocks when an old commune was split', () => {
    const r = codePatient(
      identity({ placeOfResidence: 'Xã Hải Lạng, Huyện Tiên Yên, Tỉnh Quảng Ninh' }),
      catalog
    )
    expect(r.form.address).toMatchObject({ provinceCode: '22', communeCode: null })
    expect(r.addressCandidates.length).toBeGreaterThanOrEqual(3)
    const w = r.warnings.find((x) => x.code === 'ADDRESS_NEEDS_CHOICE')
    expect(w?.blocking).toBe(true)
    expect(w?.message).toContain('Xã Hải Lạng')
  })

  it('codes ethnicity variants from the chip, and treats a card holder as Vietnamese when no nationality is read', () => {
    const r = codePatient(identity({ ethnicity: "H'Mông", nationality: null }), catalog)
    expect(r.form.ethnicityCode).toBe('08')
    expect(r.form.nationalityCode).toBe('000')
  })

  it('asks for ethnicity when the QR code gave none, without inventing one', () => {
    const r = codePatient(identity({ ethnicity: null, source: 'qr' }), catalog)
    expect(r.form.ethnicityCode).toBeNull()
    expect(r.warnings.map((w) => w.code)).toContain('ETHNICITY_MISSING')
  })
})

describe('codePatient: fuzz', () => {
  const text = fc.oneof(
    fc.constant(null),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom('Kinh', "H'Mông", 'Việt Nam', 'Phường Hà Tu, Quảng Ninh', 'Xã Hải Lạng, huyện Tiên Yên')
  )
  const identityArb = fc.record({
    fullName: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
    idNumber: fc.option(fc.stringMatching(/^\d{12}$/)),
    dateOfBirth: fc.option(fc.stringMatching(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/)),
    sex: fc.option(fc.constantFrom('male' as const, 'female' as const, 'other' as const)),
    ethnicity: text,
    nationality: text,
    placeOfResidence: text
  })

  it('never throws, and a form without blocking warnings always passes the contract schema', () => {
    fc.assert(
      fc.property(identityArb, (parts) => {
        const r = codePatient({ ...emptyIdentity('chip'), ...parts }, catalog)
        if (!r.warnings.some((w) => w.blocking))
          expect(patientFormSchema.safeParse(r.form).success).toBe(true)
      }),
      { numRuns: 400 }
    )
  })
})
