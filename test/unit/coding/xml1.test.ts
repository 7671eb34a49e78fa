import { describe, expect, it } from 'vitest'
import { emptyIdentity } from '../../../contract/identity'
import type { PatientForm } from '../../../contract/patient'
import {
  checkXml1AdministrativeFields,
  codePatient,
  defaultAdminCatalog,
  defaultCodingCatalog,
  xml1AdministrativeFields,
  xml1BirthDate
} from '../../../core/coding'

const admin = defaultAdminCatalog()

const form: PatientForm = {
  fullName: 'Nguyễn Thị Hoa',
  dateOfBirth: '1990-05-17',
  sex: 'female',
  idNumber: '022190012345',
  oldIdNumber: null,
  bhytCardNumber: null,
  ethnicityCode: '18',
  nationalityCode: '000',
  occupationCode: null,
  address: {
    text: 'Thôn 3, Xã Hải Sơn, Tỉnh Quảng Ninh',
    provinceCode: '22',
    communeCode: '06724',
    unitListVersion: 'vn-admin-2025-07'
  },
  phone: null,
  guardian: null,
  cardDetails: null
}

describe('XML1 administrative fields (docs/health-data.md §1.4–1.5)', () => {
  it.each([
    ['1990-05-17', '199005170000'],
    ['1990-05', '199005000000'],
    ['1990', '199000000000'],
    ['', '']
  ])('NGAY_SINH of %s is %s', (dob, expected) => {
    expect(xml1BirthDate(dob)).toBe(expected)
  })

  it('writes every reception value as a string with the standard widths', () => {
    const f = xml1AdministrativeFields(form, '2026-11-23')
    expect(f).toEqual({
      HO_TEN: 'Nguyễn Thị Hoa',
      SO_CCCD: '022190012345',
      NGAY_SINH: '199005170000',
      GIOI_TINH: '2',
      NHOM_MAU: '',
      MA_QUOCTICH: '000',
      MA_DANTOC: '18',
      MA_NGHE_NGHIEP: '00000',
      DIA_CHI: 'Thôn 3, Xã Hải Sơn, Tỉnh Quảng Ninh',
      MATINH_CU_TRU: '22',
      MAHUYEN_CU_TRU: '',
      MAXA_CU_TRU: '06724',
      DIEN_THOAI: '',
      MA_THE_BHYT: '',
      MA_DKBD: '',
      GT_THE_TU: '',
      GT_THE_DEN: '',
      MA_KHUVUC: '',
      NAM_NAM_LIEN_TUC: ''
    })
    expect(checkXml1AdministrativeFields(f, '2026-11-23', form.address.unitListVersion, admin)).toEqual([])
  })

  it('writes a verified BHYT card as BHXH returned it, and no card at all when BHXH refused it', () => {
    const card = {
      status: 'verified' as const,
      cardNumber: 'GD4222221234567',
      registeredFacility: '22001',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      areaCode: 'K2',
      fiveYearsFrom: '2029-01-01'
    }
    const typed = { ...form, bhytCardNumber: 'GD4229999999999' }
    expect(xml1AdministrativeFields(typed, '2026-11-23', { bhyt: card })).toMatchObject({
      MA_THE_BHYT: 'GD4222221234567',
      MA_DKBD: '22001',
      GT_THE_TU: '20260101',
      GT_THE_DEN: '20261231',
      MA_KHUVUC: 'K2',
      NAM_NAM_LIEN_TUC: '20290101'
    })
    const refused = { ...card, status: 'refused' as const }
    expect(xml1AdministrativeFields(typed, '2026-11-23', { bhyt: refused })).toMatchObject({
      MA_THE_BHYT: '',
      MA_DKBD: '',
      GT_THE_TU: ''
    })
    const unverified = { ...card, status: 'unverified' as const, registeredFacility: null }
    expect(xml1AdministrativeFields(typed, '2026-11-23', { bhyt: unverified })).toMatchObject({
      MA_THE_BHYT: 'GD4222221234567',
      MA_DKBD: '',
      GT_THE_DEN: ''
    })
  })

  it('writes MAHUYEN_CU_TRU from the old district only when configured and unambiguous', () => {
    expect(
      xml1AdministrativeFields(form, '2026-11-23', { districtField: 'legacy', catalog: admin }).MAHUYEN_CU_TRU
    ).toBe('194')
    // Xã Hải Hòa took in units of Cẩm Phả (195) and Tiên Yên (199): no single district, so the field stays empty.
    const haiHoa = { ...form, address: { ...form.address, communeCode: '06799' } }
    expect(
      xml1AdministrativeFields(haiHoa, '2026-11-23', { districtField: 'legacy', catalog: admin })
        .MAHUYEN_CU_TRU
    ).toBe('')
    expect(xml1AdministrativeFields(form, '2026-11-23').MAHUYEN_CU_TRU).toBe('')
  })

  it('reports missing, malformed and out-of-date values instead of writing them silently', () => {
    const broken = xml1AdministrativeFields(
      {
        ...form,
        ethnicityCode: null,
        address: { ...form.address, communeCode: '06652', unitListVersion: 'vn-admin-pre-2025' }
      },
      '2026-11-23'
    )
    const problems = checkXml1AdministrativeFields(broken, '2026-11-23', 'vn-admin-pre-2025', admin)
    expect(problems.map((p) => p.field).sort()).toEqual(['MAXA_CU_TRU', 'MA_DANTOC'])
    const long = xml1AdministrativeFields({ ...form, fullName: 'A'.repeat(256) }, '2026-11-23')
    expect(long.HO_TEN).toHaveLength(256)
    expect(
      checkXml1AdministrativeFields(long, '2026-11-23', 'vn-admin-2025-07', admin).map((p) => p.field)
    ).toEqual(['HO_TEN'])
  })

  it('produces XML1 values from a card read end to end', () => {
    const id = {
      ...emptyIdentity('qr', 'TRẦN VĂN  NAM'),
      idNumber: '022095001234',
      dateOfBirth: '1995',
      sex: 'male' as const,
      placeOfResidence: 'Khu 5, P. Cửa Ông, TP. Cẩm Phả, Quảng Ninh'
    }
    const { form: coded } = codePatient(id, defaultCodingCatalog())
    const f = xml1AdministrativeFields(coded, '2026-11-23')
    expect([f.HO_TEN, f.NGAY_SINH, f.GIOI_TINH, f.MA_QUOCTICH, f.MATINH_CU_TRU, f.MAXA_CU_TRU]).toEqual([
      'Trần Văn Nam',
      '199500000000',
      '1',
      '000',
      '22',
      '06781'
    ])
  })
})
