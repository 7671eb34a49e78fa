import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { recordIdentityRead } from '../../../core/reading/identity-reads'
import { emptyIdentity } from '../../../contract/identity'
import { isAppError } from '../../../contract/errors'
import type { PassiveAuthValue } from '../../../contract/reading'

const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'

// The desk's day and time are local (visited_at carries the offset), as the clerk reads them.
let now = new Date('2026-12-02T02:41:00Z')
let t: ReturnType<typeof testServices>
beforeEach(() => {
  now = new Date('2026-12-02T02:41:00Z')
  t = testServices({ now: () => now })
})
afterEach(() => t.cleanup())

const visits = (): number =>
  (t.services.db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n
const caught = (f: () => unknown): unknown => {
  try {
    f()
  } catch (e) {
    return e
  }
  throw new Error('expected a refusal')
}

describe('a second visit the same day', () => {
  it('is refused with the time of the first one, and nothing is written', () => {
    t.services.register(registration())
    const outboxBefore = t.services.db.prepare('SELECT count(*) AS n FROM outbox').get()
    const e = caught(() => t.services.register(registration()))
    expect(isAppError(e) && e.code).toBe('CONFLICT')
    expect(isAppError(e) && e.key).toBe('desk.sameDayVisit')
    const time = new Date(now).toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hour12: false
    })
    expect(isAppError(e) && e.messageVi).toBe(
      `Bệnh nhân đã đăng ký hôm nay lúc ${time} — vẫn đăng ký lượt mới?`
    )
    expect(visits()).toBe(1)
    expect(t.services.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual(outboxBefore)
  })

  it('is saved once confirmed, and the confirmation is in the audit log', () => {
    const first = t.services.register(registration())
    const second = t.services.register(registration({ confirmSameDay: true }))
    expect(second.patientId).toBe(first.patientId)
    expect(visits()).toBe(2)
    const row = t.services.db
      .prepare("SELECT detail_json AS d FROM audit_log WHERE entity = 'visit' AND entity_id = ?")
      .get(second.visitId) as { d: string }
    expect(JSON.parse(row.d)).toMatchObject({ sameDayConfirmed: true, earlierVisitId: first.visitId })
  })

  it('needs no confirmation on the next day', () => {
    t.services.register(registration())
    now = new Date(now.getTime() + 24 * 3600_000)
    expect(() => t.services.register(registration())).not.toThrow()
    expect(visits()).toBe(2)
  })

  it('a returning patient scanned again says when she was seen today', async () => {
    t.services.register(registration())
    const read = await t.services.submitQr(QR, 'keyboard')
    expect(read.coded.returning?.visitedTodayAt).toMatch(/^\d{2}:\d{2}$/)
  })
})

describe('chip keys of the last QR', () => {
  it('are dropped once the registration is saved: the next card is not tried with them', async () => {
    await t.services.submitQr(QR, 'keyboard')
    expect(t.services.chipKeyHints.recent()?.idNumber).toBe('022195001234')
    t.services.register(registration())
    expect(t.services.chipKeyHints.recent()).toBeNull()
  })
})

describe('a tampered or cloned chip', () => {
  const verification = (over: Partial<PassiveAuthValue>): PassiveAuthValue => ({
    status: 'valid',
    dataGroupHashes: [],
    signature: 'valid',
    chain: 'trusted',
    signerSubject: null,
    ...over
  })
  const chipRead = (v: PassiveAuthValue): string =>
    recordIdentityRead(t.services.db, now.toISOString(), 'test', {
      identity: { ...emptyIdentity('chip', 'Nguyễn Thị Hồng Nhung'), idNumber: '022195001234' },
      verification: v
    })

  for (const [name, v] of [
    ['altered data (signature)', verification({ status: 'invalid', trust: 'altered' })],
    [
      'a clone (Active Authentication failed)',
      verification({ trust: 'verified', activeAuthentication: { status: 'invalid', algorithm: null } })
    ]
  ] as const) {
    it(`${name}: saving is refused without the clerk's confirmation, audited with it`, () => {
      const readId = chipRead(v)
      const e = caught(() => t.services.register(registration({ identityReadId: readId, source: 'chip' })))
      expect(isAppError(e) && e.key).toBe('desk.tamperedChip')
      expect(visits()).toBe(0)
      const r = t.services.register(
        registration({ identityReadId: readId, source: 'chip', confirmTamperedChip: true })
      )
      const row = t.services.db
        .prepare("SELECT detail_json AS d FROM audit_log WHERE entity = 'visit' AND entity_id = ?")
        .get(r.visitId) as { d: string }
      expect(JSON.parse(row.d)).toMatchObject({ tamperedChipConfirmed: true, identityReadId: readId })
    })
  }

  it('a verified chip needs no confirmation', () => {
    const readId = chipRead(verification({ trust: 'verified' }))
    expect(() => t.services.register(registration({ identityReadId: readId, source: 'chip' }))).not.toThrow()
  })
})

describe('a returning patient scanned by QR', () => {
  it('gets no false "expiry → (trống)" change: what the QR does not carry keeps the value on file', async () => {
    t.services.register(
      registration(
        {},
        {
          cardDetails: {
            ethnicityText: 'Kinh',
            religion: null,
            placeOfOrigin: null,
            identifyingFeatures: null,
            fatherName: null,
            motherName: 'Trần Thị Mai',
            spouseName: null,
            issueDate: '2021-04-10',
            expiryDate: '2035-03-14',
            noExpiry: false
          }
        }
      )
    )
    const read = await t.services.submitQr(QR, 'keyboard')
    expect(read.coded.returning?.changes.map((c) => c.field)).not.toContain('cardDetails')
  })
})

describe('a split old commune', () => {
  it('each candidate says which old unit it takes a part of, and the one warning says it was split', async () => {
    const read = await t.services.submitQr(
      QR.replace(
        'Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh',
        'Thôn Khe Lặc, xã Hải Lạng, huyện Tiên Yên, tỉnh Quảng Ninh'
      ),
      'keyboard'
    )
    const split = read.coded.addressCandidates.filter((c) => c.fromSplit)
    expect(split.length).toBeGreaterThanOrEqual(3)
    for (const c of split) expect(c).toMatchObject({ fromOldName: 'Xã Hải Lạng', share: 'partial' })
    const about = read.coded.warnings.filter((w) => w.code === 'ADDRESS_NEEDS_CHOICE')
    expect(about).toHaveLength(1)
    expect(about[0]!.message).toContain('đã được chia')
  })
})
