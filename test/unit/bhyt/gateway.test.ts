import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBhxhGateway, type BhxhGatewayServer } from '../../harness/bhxh-gateway/server'
import { createBhxhGateway, md5Upper, tokenExpiry, type BhxhGateway } from '../../../core/bhyt/gateway-client'
import { checkedElsewhereToday, createBhytChecker, interpretAnswer } from '../../../core/bhyt/card-check'
import { documentedResultCodes } from '../../../core/bhyt/result-codes'
import { isAppError } from '../../../contract/errors'
import { formatMessage } from '../../../contract/messages'

const CLERK = { fullName: 'Trần Thị Lễ Tân', idNumber: '022190001111' }
const PATIENT = {
  cardKey: '022195001234',
  fullName: 'Nguyễn Thị Hồng Nhung',
  dateOfBirth: '1995-03-14',
  clerk: CLERK
}
const CARD_FIELDS = {
  maThe: 'GD4222221234567',
  maDKBD: '22001',
  gtTheTu: '01/01/2026',
  gtTheDen: '31/12/2026',
  maKV: 'K2',
  ngayDu5Nam: '01/01/2028',
  maSoBHXH: '2221234567'
}

let gw: BhxhGatewayServer
let client: BhxhGateway
beforeEach(async () => {
  gw = await startBhxhGateway({
    cards: {
      '022195001234': {
        hoTen: 'Nguyễn Thị Hồng Nhung',
        ngaySinh: '14/03/1995',
        gioiTinh: 'Nữ',
        fields: CARD_FIELDS
      }
    }
  })
  client = createBhxhGateway({ url: gw.url, username: '22001_BV', password: 'mat-khau-thu' })
})
afterEach(async () => {
  client.close()
  await gw.close()
})

const checks = () => gw.calls().filter((c) => c.path.endsWith('KQNhanLichSuKCB2024'))
const tokens = () => gw.calls().filter((c) => c.path === '/api/token/take')

describe('BHYT card check through the BHXH gateway', () => {
  it('a usable card returns the real 15-character card, facility, validity and area code', async () => {
    const { result } = await createBhytChecker({ gateway: client }).check(PATIENT)
    expect(result).toMatchObject({
      code: '000',
      usable: true,
      status: 'verified',
      card: {
        cardNumber: 'GD4222221234567',
        registeredFacility: '22001',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        areaCode: 'K2',
        fiveYearsFrom: '2028-01-01',
        socialInsuranceNumber: '2221234567'
      },
      holder: { fullName: 'Nguyễn Thị Hồng Nhung', dateOfBirth: '1995-03-14', sex: 'female' }
    })
    expect(result.message).toBe('Thẻ BHYT hợp lệ.')
  })

  it('takes one token and reuses it until it expires', async () => {
    const checker = createBhytChecker({ gateway: client })
    await checker.check(PATIENT)
    await checker.check({ ...PATIENT, force: true })
    expect(tokens()).toHaveLength(1)
    expect(checks()).toHaveLength(2)
  })

  it('on an expired token asks for one fresh token and retries once', async () => {
    const checker = createBhytChecker({ gateway: client })
    await checker.check(PATIENT)
    gw.expireTokens()
    const { result } = await checker.check({ ...PATIENT, force: true })
    expect(result.code).toBe('000')
    expect(tokens()).toHaveLength(2)
    expect(checks().map((c) => c.result)).toEqual(['000', '401', '000'])
  })

  it('does not ask the gateway again for the same card within 15 minutes', async () => {
    let now = Date.parse('2026-12-02T08:00:00Z')
    const checker = createBhytChecker({ gateway: client, now: () => now })
    await checker.check(PATIENT)
    now += 14 * 60_000
    expect((await checker.check(PATIENT)).fromCache).toBe(true)
    expect(checks()).toHaveLength(1)
    now += 2 * 60_000
    expect((await checker.check(PATIENT)).fromCache).toBe(false)
    expect(checks()).toHaveLength(2)
  })

  it('a dead gateway gives BHXH_UNAVAILABLE at once, without a retry loop', async () => {
    gw.setMode('dead')
    const e = await createBhytChecker({ gateway: client })
      .check(PATIENT)
      .catch((x: unknown) => x)
    expect(isAppError(e) && e.code).toBe('BHXH_UNAVAILABLE')
    expect(gw.calls().length).toBeLessThanOrEqual(1)
  })

  it('a wrong password is BHXH_AUTH, and the error carries no secret', async () => {
    const bad = createBhxhGateway({ url: gw.url, username: '22001_BV', password: 'sai-mat-khau' })
    const e = await createBhytChecker({ gateway: bad })
      .check(PATIENT)
      .catch((x: unknown) => x)
    bad.close()
    expect(isAppError(e) && e.code).toBe('BHXH_AUTH')
    const text = JSON.stringify(isAppError(e) ? e.toValue() : e)
    expect(text).not.toContain('sai-mat-khau')
    expect(text).not.toContain(md5Upper('sai-mat-khau'))
  })

  it('a staff member not registered with BHXH is told to contact IT (054)', async () => {
    const { result } = await createBhytChecker({ gateway: client }).check({
      ...PATIENT,
      clerk: { fullName: 'Người Lạ', idNumber: '022190009999' }
    })
    expect(result).toMatchObject({ code: '054', usable: false, action: 'tell-it' })
  })

  it('a wrong name or birth date asks the clerk to correct it (060/070)', async () => {
    const checker = createBhytChecker({ gateway: client })
    expect((await checker.check({ ...PATIENT, fullName: 'Lê Văn Khác' })).result.action).toBe('correct-name')
    expect((await checker.check({ ...PATIENT, dateOfBirth: '1995-03-15', force: true })).result.action).toBe(
      'correct-birth-date'
    )
  })

  it('a replaced card (003) switches to the new card', async () => {
    gw.setCard('022195001234', {
      code: '003',
      hoTen: 'Nguyễn Thị Hồng Nhung',
      ngaySinh: '14/03/1995',
      fields: {
        ...CARD_FIELDS,
        maThe: 'GD4222221111111',
        maTheMoi: 'GD4222229999999',
        gtTheTuMoi: '01/07/2026',
        gtTheDenMoi: '30/06/2027',
        maDKBDMoi: '22002'
      }
    })
    const { result } = await createBhytChecker({ gateway: client }).check(PATIENT)
    expect(result).toMatchObject({ usable: true, action: 'switch-to-new-card' })
    expect(result.card).toMatchObject({
      cardNumber: 'GD4222229999999',
      registeredFacility: '22002',
      validTo: '2027-06-30'
    })
    expect(result.message).toContain('GD4222229999999')
  })

  it('every documented result code maps to a state and a message in both languages; unknown codes are never usable', () => {
    for (const code of documentedResultCodes) {
      const r = interpretAnswer({ maKetQua: code }, Date.now())
      expect(r.message).not.toBe(r.messageKey)
      expect(formatMessage('en', r.messageKey, r.messageParams)).not.toBe(r.messageKey)
      expect(['000', '001', '002', '003', '004'].includes(code)).toBe(r.usable)
    }
    expect(interpretAnswer({ maKetQua: '999' }, Date.now())).toMatchObject({
      usable: false,
      status: 'unverified'
    })
  })

  it('warns when another facility checked the card today', () => {
    const now = new Date(2026, 11, 2, 9, 30).getTime()
    const r = interpretAnswer(
      {
        maKetQua: '000',
        dsLichSuKT2018: [
          { userKT: '22010_BV', thoiGianKT: '202612020815', thongBao: 'OK' },
          { userKT: '22011_BV', thoiGianKT: '202611300815' }
        ]
      },
      now
    )
    expect(checkedElsewhereToday(r, now)).toEqual([
      { key: 'bhyt.checkedElsewhereToday', params: { facility: '22010_BV' } }
    ])
  })

  it('reads expires_in as seconds, an epoch timestamp or a datetime string', () => {
    const now = Date.parse('2026-12-02T08:00:00Z')
    expect(tokenExpiry(600, now)).toBe(now + 600_000)
    expect(tokenExpiry(String(now / 1000 + 600), now)).toBe(now + 600_000)
    expect(tokenExpiry('2026-12-02T08:10:00Z', now)).toBe(now + 600_000)
    expect(tokenExpiry(undefined, now)).toBe(now + 600_000)
  })
})
