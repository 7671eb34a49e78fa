import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { submissionSchema, type Submission } from '../../../contract/submission'
import { insertBhytCheck, type NewBhytCheck } from '../../../db/bhyt-checks'
import { withLatestCard } from '../../../core/bhyt/send-step'
import { interpretAnswer } from '../../../core/bhyt/card-check'
import { unverifiedResult } from '../../../core/bhyt/visit-checks'
import { xml1Record } from '../../../core/sync/connectors/xml4750/records'
import { queueStatus } from '../../../core/queue/queue-status'
import { buildQualityReport } from '../../../core/reports/quality'
import { makeSubmission } from '../sync/submission-fixtures'
import { registration, testServices } from '../../support/fixtures'

const NOW = new Date('2026-11-23T02:00:00.000Z')
let t: ReturnType<typeof testServices>
beforeEach(() => {
  t = testServices({ now: () => NOW })
})
afterEach(() => t.cleanup())

const answer = {
  maKetQua: '000',
  maThe: 'GD4222221234567',
  maDKBD: '22001',
  gtTheTu: '01/01/2026',
  gtTheDen: '31/12/2026',
  maKV: 'K2',
  hoTen: 'Nguyễn Thị Hồng Nhung',
  ngaySinh: '14/03/1995',
  gioiTinh: 'Nữ'
}
function check(over: Partial<NewBhytCheck> = {}): number {
  const result = interpretAnswer(answer, NOW.getTime())
  return insertBhytCheck(t.services.db, {
    visitId: null,
    patientId: null,
    cardKey: '022195001234',
    fullName: 'Nguyễn Thị Hồng Nhung',
    dateOfBirth: '1995-03-14',
    status: 'verified',
    resultCode: '000',
    resultJson: JSON.stringify(result),
    rawJson: JSON.stringify(answer),
    outageJson: null,
    clerkName: 'Lê Thị Tiếp Đón',
    clerkId: '022190001111',
    checkedAt: NOW.toISOString(),
    recheckAfter: null,
    ...over
  })
}
const snapshot = (visitId: string): Submission =>
  submissionSchema.parse(
    JSON.parse(
      (
        t.services.db
          .prepare("SELECT payload_json FROM outbox WHERE visit_id = ? AND target = 'his'")
          .get(visitId) as { payload_json: string }
      ).payload_json
    )
  )

describe('the card a visit carries', () => {
  it('a snapshot queued before the check existed (no bhyt block) still parses and sends as before', () => {
    const old = makeSubmission()
    const { bhyt: _none, ...legacy } = old
    const parsed = submissionSchema.parse(JSON.parse(JSON.stringify(legacy)))
    expect(parsed.bhyt).toBeUndefined()
    expect(xml1Record(parsed)).toMatchObject({
      MA_THE_BHYT: old.patient.form.bhytCardNumber,
      MA_DKBD: '',
      GT_THE_TU: ''
    })
  })

  it('the sender takes the latest check: an unverified visit verified later goes out with the card', () => {
    const first = check({
      status: 'unverified',
      resultCode: null,
      resultJson: JSON.stringify(unverifiedResult(NOW.toISOString())),
      rawJson: null,
      outageJson: '{"code":"BHXH_UNAVAILABLE"}'
    })
    const saved = t.services.register(registration({ bhytCheckId: first }))
    const queued = snapshot(saved.visitId)
    expect(queued.bhyt).toMatchObject({ status: 'unverified', registeredFacility: null })
    expect(queueStatus(t.services.db).bhytUnverified).toBe(1)

    check({ visitId: saved.visitId, patientId: saved.patientId })
    const sent = withLatestCard(t.services.db, queued)
    expect(sent.bhyt).toMatchObject({ status: 'verified', cardNumber: 'GD4222221234567', areaCode: 'K2' })
    expect(sent.patient.form.bhytCardNumber).toBe('GD4222221234567')
    expect(xml1Record({ ...sent, facility: { code: '22001', name: null } })).toMatchObject({
      MA_THE_BHYT: 'GD4222221234567',
      MA_DKBD: '22001',
      MA_KHUVUC: 'K2'
    })
    // The queued row itself is unchanged: what the desk knew at save time.
    expect(snapshot(saved.visitId).bhyt?.status).toBe('unverified')
    expect(queueStatus(t.services.db).bhytUnverified).toBe(0)
  })

  it('the quality report counts the visits by the state of their card', () => {
    t.services.register(registration({ bhytCheckId: check() }))
    t.services.register(
      registration(
        {
          bhytCheckId: check({
            cardKey: '022195009999',
            status: 'unverified',
            resultCode: null,
            resultJson: JSON.stringify(unverifiedResult(NOW.toISOString()))
          })
        },
        { idNumber: '022195009999' }
      )
    )
    const report = buildQualityReport(t.services.db, { from: '2026-11-22', to: '2026-11-24' })
    expect(report.bhytCards).toEqual({ verified: 1, refused: 0, unverified: 1 })
    expect(buildQualityReport(t.services.db, { from: '2026-11-25', to: '2026-11-26' }).bhytCards).toEqual({
      verified: 0,
      refused: 0,
      unverified: 0
    })
  })
})
