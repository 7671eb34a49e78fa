import { describe, expect, it } from 'vitest'
import { checkIdNumber, decodeIdNumber } from '../../../protocol/cccd'
import { provincesPre2025 } from '../../../contract/rules/provinces-pre-2025'
import { defaultAdminCatalogData } from '../../../core/coding'

const codes = (id: string, dob?: string | null, sex?: 'male' | 'female' | 'other' | null): string[] =>
  checkIdNumber(id, dob, sex).map((w) => w.code)

describe('decodeIdNumber', () => {
  it('splits PPP G YY NNNNNN', () => {
    expect(decodeIdNumber('022303001234')).toEqual({
      provinceCode: '022',
      provinceName: 'Quảng Ninh',
      centurySexDigit: 3,
      centuryStart: 2000,
      sex: 'female',
      birthYearDigits: '03',
      birthYear: 2003
    })
    expect(decodeIdNumber('001093047064')).toMatchObject({
      provinceName: 'Hà Nội',
      sex: 'male',
      birthYear: 1993
    })
    expect(decodeIdNumber('02209300471')).toBeNull()
  })

  it('knows exactly the 63 pre-2025 provinces of the embedded admin-unit catalogue', () => {
    // The ID prefix is the birth-registration province under the old (63-province) list.
    // The ID decoder's province list (contract) and the embedded catalogue's old provinces are the same 63.
    const oldProvinces = defaultAdminCatalogData()
      .legacy.provinces.map((p) => `0${p.code}`)
      .sort()
    expect(provincesPre2025.map((p) => `0${p.code}`).sort()).toEqual(oldProvinces)
    for (const id of oldProvinces) expect(decodeIdNumber(`${id}093004712`)?.provinceName).not.toBeNull()
  })
})

describe('checkIdNumber', () => {
  it('is silent when number, date of birth and sex agree (both centuries, both sexes)', () => {
    expect(codes('022093004712', '1993-01-05', 'male')).toEqual([])
    expect(codes('022193004712', '1993-01-05', 'female')).toEqual([])
    expect(codes('022203004712', '2003-01-05', 'male')).toEqual([])
    expect(codes('022316008841', '2016-09-30', 'female')).toEqual([])
    expect(codes('022144000317', '1944', 'female')).toEqual([])
  })

  it('flags a sex digit that contradicts the sex', () => {
    expect(codes('022093004712', '1993-01-05', 'female')).toEqual(['ID_SEX_MISMATCH'])
  })

  it('flags a century digit that contradicts the birth year', () => {
    expect(codes('022293004712', '1993-01-05', 'male')).toEqual(['ID_CENTURY_MISMATCH'])
  })

  it('flags year digits that contradict the birth year, even for a partial date', () => {
    expect(codes('022094004712', '1993-01', null)).toEqual(['ID_BIRTH_YEAR_MISMATCH'])
  })

  it('flags an unknown province prefix but nothing else', () => {
    expect(codes('099093004712', '1993-01-05', 'male')).toEqual(['ID_PROVINCE_UNKNOWN'])
  })

  it('checks only what it is given', () => {
    expect(codes('022093004712')).toEqual([])
    expect(codes('022093004712', null, 'other')).toEqual([])
    expect(codes('12345')).toEqual(['ID_NOT_12_DIGITS'])
  })

  it('writes Vietnamese for the clerk and English for the log', () => {
    const [w] = checkIdNumber('022093004712', '1993-01-05', 'female')
    expect(w!.message).toContain('giới tính')
    expect(w!.messageEn).toContain('sex')
  })
})
