import { afterAll, describe, expect, it } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { signIn, testGate } from '../../support/accounts'
import { verifyAuditChain } from '../../../core/audit/audit-query'

const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'

/** Each desk action over the gate leaves one row naming the signed-in person; searches keep no text. */
describe('audit rows name the person who acted', () => {
  const t = testServices()
  const gate = testGate(t.services)
  afterAll(() => t.cleanup())

  it('register, read, search, view, list, retry, report, export: actor and action per row', async () => {
    const clerk = await signIn(gate, 'clerk', 'tiepdon')
    const officer = await signIn(gate, 'officer', 'phapche')
    const ok = async (sid: string, name: string, input: unknown) => {
      const r = await gate.call(sid, name, input)
      if (!r.result.ok) throw new Error(`${name}: ${JSON.stringify(r.result.error)}`)
      return r.result.value as Record<string, unknown>
    }
    const read = await ok(clerk, 'qr:submit', { text: QR, via: 'keyboard' })
    const reg = await ok(clerk, 'patients:register', registration({ identityReadId: String(read.readId) }))
    await ok(clerk, 'patients:search', { text: 'hồng nhung' })
    await ok(clerk, 'patients:get', { id: String(reg.patientId) })
    await ok(clerk, 'queue:list', {})
    await ok(clerk, 'queue:retry', { ids: [1] })
    await ok(officer, 'report:quality', { from: '2020-01-01', to: '2030-01-01' })
    await ok(officer, 'report:xlsx', { from: '2020-01-01', to: '2030-01-01' })

    const rows = t.services.db
      .prepare(
        "SELECT actor, action, entity, detail_json FROM audit_log WHERE action NOT IN ('sign-in', 'user') ORDER BY id"
      )
      .all() as { actor: string; action: string; entity: string; detail_json: string | null }[]
    expect(rows.map((r) => `${r.actor} ${r.action} ${r.entity}`)).toEqual([
      'tiepdon read identity',
      'tiepdon create patient',
      'tiepdon create visit',
      'tiepdon search patient',
      'tiepdon view patient',
      'tiepdon list queue',
      'tiepdon update queue',
      'phapche view report',
      'phapche export report'
    ])
    const search = rows.find((r) => r.action === 'search')!
    expect(JSON.parse(search.detail_json!)).toEqual({ kind: 'name', results: 1 })
    expect(search.detail_json).not.toMatch(/nhung/i)
    expect(verifyAuditChain(t.services.db).ok).toBe(true)
  })
})
