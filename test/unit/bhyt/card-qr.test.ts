import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { BhytQrError, looksLikeBhytQr, parseBhytQr } from '../../../protocol/bhyt/card-qr'

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex')
const QR = [
  'GD4222221234567',
  hex('Nguyễn Thị Hồng Nhung'),
  '14/03/1995',
  '2',
  hex('Tổ 5, Khu 3, Phường Hồng Hải, Quảng Ninh'),
  '22 - 001',
  '01/01/2026',
  '31/12/2026',
  '15/12/2025',
  '22',
  '',
  'K2',
  '01012028'
].join('|')

describe('BHYT / VssID card QR', () => {
  it('fills the card fields and the holder, decoding hex-encoded names and addresses', () => {
    const d = parseBhytQr(QR)
    expect(d.card).toEqual({
      cardNumber: 'GD4222221234567',
      registeredFacility: '22001',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      areaCode: 'K2',
      fiveYearsFrom: '2028-01-01',
      socialInsuranceNumber: null
    })
    expect(d.holder).toEqual({
      fullName: 'Nguyễn Thị Hồng Nhung',
      dateOfBirth: '1995-03-14',
      sex: 'female',
      address: 'Tổ 5, Khu 3, Phường Hồng Hải, Quảng Ninh'
    })
  })

  it('is told apart from a CCCD QR', () => {
    expect(looksLikeBhytQr(QR)).toBe(true)
    expect(looksLikeBhytQr('022195001234|100123456|Nguyễn Văn A|14031995|Nam|Hạ Long|10042021')).toBe(false)
    expect(() => parseBhytQr('022195001234|100123456|Nguyễn Văn A')).toThrow(BhytQrError)
  })

  it('rejects an impossible date instead of inventing one', () => {
    const bad = QR.replace('31/12/2026', '31/02/2026')
    expect(parseBhytQr(bad).card.validTo).toBeNull()
  })

  it('never throws anything but BhytQrError on garbage', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (s) => {
        try {
          parseBhytQr(s)
        } catch (e) {
          expect(e).toBeInstanceOf(BhytQrError)
        }
      }),
      { numRuns: 2000 }
    )
  })
})
