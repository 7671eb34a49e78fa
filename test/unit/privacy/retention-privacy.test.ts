import { afterEach, describe, expect, it } from 'vitest'
import { testServices, registration } from '../../support/fixtures'
import { signIn, testGate } from '../../support/accounts'
import { recordIdentityRead } from '../../../core/reading/identity-reads'
import { emptyIdentity } from '../../../contract/identity'
import { runRetention } from '../../../core/privacy/retention'
import { verifyAuditChain } from '../../../core/audit/audit-query'
import { writeAudit } from '../../../core/audit/audit-log'
import { eraseSubject, exportSubject, restrictSubject } from '../../../core/privacy/subject'
import { subjectExportHtml } from '../../../core/privacy/subject-html'

let now = new Date('2026-03-02T08:00:00Z')
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
const setup = () => {
  now = new Date('2026-03-02T08:00:00Z')
  const t = testServices({ now: () => now })
  cleanups.push(t.cleanup)
  return t
}
const days = (n: number) => new Date(now.getTime() + n * 86_400_000)
const count = (t: ReturnType<typeof setup>, sql: string) =>
  (t.services.db.prepare(sql).get() as { n: number }).n

describe('minimisation', () => {
  it('keeps no religion or identifying features of a card read', () => {
    const t = setup()
    const identity = {
      ...emptyIdentity('chip', 'Nguyễn Văn A'),
      religion: 'Phật giáo',
      identifyingFeatures: 'Nốt ruồi'
    }
    const id = recordIdentityRead(t.services.db, now.toISOString(), 'tiepdon', { identity })
    const row = t.services.db
      .prepare('SELECT identity_json, fields_json FROM identity_reads WHERE id = ?')
      .get(id) as {
      identity_json: string
      fields_json: string
    }
    expect(row.identity_json).not.toContain('Phật')
    expect(row.identity_json).not.toContain('Nốt')
    expect(JSON.parse(row.fields_json)).not.toContain('religion')
  })
})

describe('retention run', () => {
  it('deletes what outlived its period and nothing else, and says so in the log', () => {
    const t = setup()
    const db = t.services.db
    const old = recordIdentityRead(db, days(-40).toISOString(), 'tiepdon', {
      identity: emptyIdentity('qr', 'A')
    })
    const recent = recordIdentityRead(db, days(-5).toISOString(), 'tiepdon', {
      identity: emptyIdentity('qr', 'B')
    })
    const linkedOld = recordIdentityRead(db, days(-40).toISOString(), 'tiepdon', {
      identity: emptyIdentity('qr', 'C')
    })
    const reg = t.services.register(registration({ identityReadId: linkedOld }))
    const [sentOld, pending] = reg.outboxIds
    db.prepare("UPDATE outbox SET status = 'sent', updated_at = ? WHERE id = ?").run(
      days(-100).toISOString(),
      sentOld
    )

    const r = runRetention(db, now, t.key, 'os:it')
    expect(r).toMatchObject({ unlinkedReadsDeleted: 1, payloadsCleared: 1 })
    const ids = (db.prepare('SELECT id FROM identity_reads').all() as { id: string }[])
      .map((x) => x.id)
      .sort()
    expect(ids).toEqual([recent, linkedOld].sort())
    expect(ids).not.toContain(old)
    const payloads = db.prepare('SELECT id, payload_json FROM outbox ORDER BY id').all() as {
      id: number
      payload_json: string
    }[]
    expect(payloads.find((p) => p.id === sentOld)!.payload_json).toBe('{}')
    expect(payloads.find((p) => p.id === pending)!.payload_json).not.toBe('{}')
    expect(
      count(t, "SELECT count(*) AS n FROM audit_log WHERE action = 'retention' AND actor = 'os:it'")
    ).toBe(1)
  })

  it('rolls audit rows older than 12 months into a signed summary; the chain still verifies and a forged summary does not', () => {
    const t = setup()
    const db = t.services.db
    for (let i = 0; i < 4; i++)
      writeAudit(db, days(-400 + i).toISOString(), {
        actor: 'tiepdon',
        action: 'view',
        entity: 'patient',
        entityId: `p${i}`
      })
    writeAudit(db, days(-10).toISOString(), {
      actor: 'tiepdon',
      action: 'view',
      entity: 'patient',
      entityId: 'recent'
    })
    const r = runRetention(db, now, t.key, 'system')
    expect(r.auditRowsSummarised).toBe(4)
    expect(db.prepare('SELECT rows, counts_json FROM audit_summaries').get()).toEqual({
      rows: 4,
      counts_json: '{"view":4}'
    })
    expect(verifyAuditChain(db, t.key)).toMatchObject({ ok: true, rows: 2, summarised: 4 })
    db.prepare('UPDATE audit_summaries SET rows = 1').run()
    expect(verifyAuditChain(db, t.key)).toMatchObject({ ok: false, reason: 'summary' })
  })
})

describe('data-subject requests', () => {
  it('export lists what is held, where it went and who viewed the patient', async () => {
    const t = setup()
    const gate = testGate(t.services)
    const { patientId } = t.services.register(registration(), 'tiepdon')
    const sid = await signIn(gate, 'clerk', 'tiepdon')
    await gate.call(sid, 'patients:get', { id: patientId })
    const x = exportSubject(t.services.db, patientId, now, 'os:officer')
    expect(x.patient).toMatchObject({ id: patientId, full_name: 'Nguyễn Thị Hồng Nhung' })
    expect(x.sentTo.map((s) => s.target).sort()).toEqual(['emch', 'his'])
    expect(x.consents.map((c) => `${c.purpose}:${c.basis}`).sort()).toEqual([
      'care:law_medical_examination',
      'emch:mch_programme',
      'his:law_medical_examination'
    ])
    expect(x.accessLog.filter((a) => a.action === 'view').map((a) => a.actor)).toEqual(['tiepdon'])
    const html = subjectExportHtml(x)
    expect(html).toContain('Ai đã truy cập hồ sơ')
    expect(html).toContain('tiepdon')
    expect(
      count(t, "SELECT count(*) AS n FROM audit_log WHERE action = 'privacy' AND actor = 'os:officer'")
    ).toBe(1)
  })

  it('refuses erasure inside the medical-record retention period; restricts instead', () => {
    const t = setup()
    const { patientId } = t.services.register(registration())
    const r = eraseSubject(t.services.db, patientId, now, 'os:officer')
    expect(r).toMatchObject({ erased: false, reason: expect.stringContaining('10 năm') })
    expect(count(t, 'SELECT count(*) AS n FROM patients')).toBe(1)
    const restricted = restrictSubject(t.services.db, patientId, now, 'os:officer')
    expect(restricted.held).toBe(2)
    expect(
      count(t, "SELECT count(*) AS n FROM outbox WHERE status = 'dead' AND last_error_code = 'RESTRICTED'")
    ).toBe(2)
  })

  it('after the retention period, erases every row of that patient and no other', () => {
    const t = setup()
    const gone = t.services.register(registration()).patientId
    const kept = t.services.register(
      registration({}, { idNumber: '022190009999', fullName: 'Trần Văn Khác' })
    ).patientId
    now = days(11 * 365)
    const r = eraseSubject(t.services.db, gone, now, 'os:officer')
    expect(r).toMatchObject({ erased: true })
    for (const sql of [
      'SELECT count(*) AS n FROM patients WHERE id = @id',
      'SELECT count(*) AS n FROM visits WHERE patient_id = @id',
      'SELECT count(*) AS n FROM consents WHERE patient_id = @id'
    ]) {
      expect((t.services.db.prepare(sql).get({ id: gone }) as { n: number }).n).toBe(0)
      expect((t.services.db.prepare(sql).get({ id: kept }) as { n: number }).n).toBeGreaterThan(0)
    }
    expect(count(t, 'SELECT count(*) AS n FROM outbox')).toBe(2)
    expect(verifyAuditChain(t.services.db).ok).toBe(true)
  })
})
