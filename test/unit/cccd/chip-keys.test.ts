import { describe, expect, it } from 'vitest'
import { emptyIdentity, type Identity } from '../../../contract/identity'
import { isAppError } from '../../../contract/errors'
import {
  cardExpiry,
  deriveChipKeys,
  expiryCandidates,
  mrzInformation,
  parseCccdQr
} from '../../../protocol/cccd'

const qrIdentity = (over: Partial<Identity>): Identity => ({
  ...emptyIdentity('qr', 'Đặng Quốc Hưởng'),
  ...over
})

describe('mrzInformation', () => {
  it('matches the real CCCD MRZ of docs/cccd-card.md §4 (check digits 1, 4, 2)', () => {
    // IDVNM0930470641001093047064<<2 / 9301054M3301052VNM…
    expect(mrzInformation('093047064', '930105', '330105')).toBe('093047064193010543301052')
  })

  it('accepts ISO dates and pads a short document number with <', () => {
    expect(mrzInformation('093047064', '1993-01-05', '2033-01-05')).toBe('093047064193010543301052')
    // ICAO 9303-11 appendix D worked example: L898902C< / 690806 / 940623
    expect(mrzInformation('L898902C', '690806', '940623')).toBe('L898902C<369080619406236')
  })

  it.each([
    ['0930470641', '930105', '330105'],
    ['09304706!', '930105', '330105'],
    ['093047064', '931305', '330105'],
    ['093047064', '930105', '3301']
  ])('rejects bad input %s/%s/%s with a VALIDATION AppError', (doc, dob, exp) => {
    expect(() => mrzInformation(doc, dob, exp)).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
  })
})

describe('cardExpiry: age-milestone rule (docs/cccd-card.md §8.3)', () => {
  it.each([
    // The three real MRZs quoted in the doc.
    ['1993-01-05', '2021-04-12', '2033-01-05', 40],
    ['1979-08-20', '2021-03-01', '2039-08-20', 60],
    ['2003-09-03', '2021-06-15', '2028-09-03', 25],
    // Issued within the 2 years before 25 → skips to 40.
    ['1997-05-10', '2020-06-01', '2037-05-10', 40],
    // Issued the day before the 2-year window opens → still the 25th birthday.
    ['1997-05-10', '2020-05-09', '2022-05-10', 25],
    // Law 2023: a child's card (issued after 1 Jul 2024) expires at 14…
    ['2016-09-30', '2024-11-20', '2030-09-30', 14],
    // …unless issued within 2 years of 14, then at 25.
    ['2011-03-01', '2024-08-01', '2036-03-01', 25],
    // 29 February births: kept in a leap milestone year, 28 February in a common one.
    ['1992-02-29', '2021-01-10', '2032-02-29', 40],
    ['2000-02-29', '2021-01-10', '2025-02-28', 25]
  ])('born %s, issued %s → %s (milestone %i)', (dob, issue, expiry, milestone) => {
    expect(cardExpiry(dob, issue)).toEqual({ noExpiry: false, date: expiry, milestone })
  })

  it('gives no expiry to a card issued at 58 or older', () => {
    expect(cardExpiry('1963-07-01', '2021-07-01')).toEqual({ noExpiry: true })
    expect(cardExpiry('1944-01-01', '2021-06-02')).toEqual({ noExpiry: true })
    expect(cardExpiry('1963-07-01', '2021-06-30')).toEqual({
      noExpiry: false,
      date: '2023-07-01',
      milestone: 60
    })
  })
})

describe('expiryCandidates', () => {
  it('puts the computed expiry first and the next milestone second', () => {
    expect(expiryCandidates('1993-01-05', '2021-04-12')).toEqual(['330105', '530105'])
  })

  it('offers the neighbouring milestone when the issue date sits on the 2-year boundary', () => {
    // Issued exactly 23 years after birth: inclusive vs exclusive reading of "within 2 years".
    const c = expiryCandidates('1997-05-10', '2020-05-10')
    expect(c.slice(0, 2)).toEqual(['370510', '570510'])
    expect(c).toContain('220510')
  })

  it('tries 28 Feb, 1 Mar and 29 Feb for a 29 February birthday in a common year', () => {
    expect(expiryCandidates('2000-02-29', '2021-01-10').slice(0, 3)).toEqual(['250228', '250301', '250229'])
  })

  it("tries '991231' first for a card issued at 58+, and also last for a 56–58 year old", () => {
    expect(expiryCandidates('1944-01-01', '2021-06-02')[0]).toBe('991231')
    const c = expiryCandidates('1964-03-01', '2021-06-02')
    expect(c[0]).toBe('240301')
    expect(c).toContain('991231')
  })

  it('without an issue date, tries the current milestones first when told today', () => {
    expect(expiryCandidates('1993-01-05', null, { today: '2026-11-23' })).toEqual([
      '330105',
      '530105',
      '180105'
    ])
    expect(expiryCandidates('1950-05-05', null, { today: '2026-11-23' })[0]).toBe('991231')
  })

  it('without an issue date or today, lists every milestone and no-expiry', () => {
    expect(expiryCandidates('1993-01-05', null)).toEqual(['180105', '330105', '530105', '070105', '991231'])
  })
})

describe('deriveChipKeys', () => {
  it('derives BAC and PACE keys from a scanned QR', () => {
    const { identity } = parseCccdQr(
      '001093047064||Ung Hoàng Hiệp|05011993|Nam|Phường Hồng Hải, Hạ Long, Quảng Ninh|12042021'
    )
    const keys = deriveChipKeys(identity)
    expect(keys.can).toBe('047064')
    expect(keys.mrzInfo[0]).toBe('093047064193010543301052')
    expect(keys.mrzInfo.every((m) => m.length === 24)).toBe(true)
  })

  it('uses a known expiry (chip or stored record) before any computed guess', () => {
    const keys = deriveChipKeys(
      qrIdentity({ idNumber: '001093047064', dateOfBirth: '1993-01-05', expiryDate: '2031-01-05' })
    )
    expect(keys.mrzInfo[0]).toBe(mrzInformation('093047064', '930105', '310105'))
  })

  it("uses '991231' first for a card known to have no expiry", () => {
    const keys = deriveChipKeys(
      qrIdentity({ idNumber: '022144000317', dateOfBirth: '1944-03-02', noExpiry: true })
    )
    expect(keys.mrzInfo[0]).toBe(mrzInformation('144000317', '440302', '991231'))
  })

  it('gives only the CAN when the date of birth is partial', () => {
    expect(deriveChipKeys(qrIdentity({ idNumber: '022144000317', dateOfBirth: '1944' }))).toEqual({
      mrzInfo: [],
      can: '000317'
    })
  })

  it('refuses without a 12-digit ID number', () => {
    let caught: unknown
    try {
      deriveChipKeys(qrIdentity({ dateOfBirth: '1993-01-05' }))
    } catch (e) {
      caught = e
    }
    expect(isAppError(caught) && caught.code).toBe('VALIDATION')
  })
})
