// The patient code (MA_BN) a saved registration gets: the desk's own BN-<desk>-<sequence>, the HIS's code for a
// patient another desk registered, and an old BN00000042 kept as it was (docs/adr/0029).
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../../core'
import { createRegistration } from '../../../core/reception/registration'
import { derivedDeskCode } from '../../../core/desk/desk-code'
import { openSyncConfig } from '../../../core/sync/config/open-config'
import { buildXml4750Documents } from '../../../core/sync/connectors'
import { renderSlipHtml } from '../../../core/desk/slip-html'
import { PatientsRepo } from '../../../db/patients'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { submissionSchema } from '../../../contract/submission'
import { foldVietnamese } from '../../../contract/rules/text'
import { patientForm, registration, tempDir, testServices } from '../../support/fixtures'
import { runCliJson } from '../../support/run-cli'
import { makeSubmission } from '../sync/submission-fixtures'

const OTHER = {
  fullName: 'Trần Văn Bình',
  dateOfBirth: '1990-02-02',
  sex: 'male',
  idNumber: '022190004321'
} as const

const open: { cleanup: () => void }[] = []
function desk(code: string | null): Services {
  const t = testServices()
  open.push(t)
  if (code) openSyncConfig(t.services).set('desk.code', code)
  return t.services
}
afterEach(() => open.splice(0).forEach((t) => t.cleanup()))

const machine = tempDir('patient-codes-machine-')
beforeAll(() => {
  process.env.RECEPTION_MACHINE_CONFIG = join(machine.dir, 'machine.json')
})
afterAll(() => {
  delete process.env.RECEPTION_MACHINE_CONFIG
  machine.cleanup()
})

function codeOf(s: Services, patientId: string): string {
  return new PatientsRepo(s.db).get(patientId)!.code
}

function sentCode(s: Services, visitId: string): string {
  const row = s.db.prepare('SELECT payload_json FROM outbox WHERE visit_id = ? LIMIT 1').get(visitId) as {
    payload_json: string
  }
  return submissionSchema.parse(JSON.parse(row.payload_json)).patient.code
}

describe('patient codes of a desk', () => {
  it('two desks with their own desk codes give different people different codes, and send them', () => {
    const q1 = desk('Q1')
    const q2 = desk('q2')
    const a = q1.register(registration())
    const b = q2.register(registration({}, OTHER))
    expect(codeOf(q1, a.patientId)).toBe('BN-Q1-00000001')
    expect(codeOf(q2, b.patientId)).toBe('BN-Q2-00000001')
    expect(sentCode(q1, a.visitId)).toBe('BN-Q1-00000001')
    expect(sentCode(q2, b.visitId)).toBe('BN-Q2-00000001')
  })

  it('without desk.code, a desk uses the code derived for its installation', () => {
    const t = testServices()
    open.push(t)
    const r = t.services.register(registration())
    expect(codeOf(t.services, r.patientId)).toBe(`BN-${derivedDeskCode(t.dir)}-00000001`)
  })

  it('a changed desk code keeps old codes and carries the sequence on', () => {
    const s = desk('Q1')
    const a = s.register(registration())
    openSyncConfig(s).set('desk.code', 'Q3')
    const b = s.register(registration({}, OTHER))
    const again = s.register(registration({ confirmSameDay: true }))
    expect(codeOf(s, a.patientId)).toBe('BN-Q1-00000001')
    expect(codeOf(s, b.patientId)).toBe('BN-Q3-00000002')
    expect(again.patientId).toBe(a.patientId)
    expect(sentCode(s, again.visitId)).toBe('BN-Q1-00000001')
  })

  it('`config set desk.code` warns when patients already have codes, and `config show` tells the desk code', async () => {
    const t = tempDir('patient-codes-cli-')
    try {
      const fresh = await runCliJson<{ warning?: unknown; value: string }>(
        t.dir,
        'config',
        'set',
        'desk.code',
        'Q1'
      )
      expect(fresh.out).toMatchObject({ value: 'Q1' })
      expect(fresh.out.warning).toBeUndefined()
      const s = createServices({
        dataDir: t.dir,
        key: loadOrCreateKeyFile(t.dir),
        mode: 'cli',
        version: 'test'
      })
      s.register(registration())
      s.close()
      const changed = await runCliJson<{ warning: { key: string; message: string } }>(
        t.dir,
        'config',
        'set',
        'desk.code',
        'Q2'
      )
      expect(changed.code).toBe(0)
      expect(changed.out.warning).toMatchObject({ key: 'patientCode.deskCodeChanged' })
      expect(changed.out.warning.message).toContain('Q1 sang Q2')
      const shown = await runCliJson<{
        deskCode: { code: string; source: string; notes: { message: string }[] }
      }>(t.dir, 'config', 'show')
      expect(shown.out.deskCode).toMatchObject({ code: 'Q2', source: 'config' })
      expect(shown.out.deskCode.notes[0]!.message).toContain('BN-Q2-00000001')
      const diag = await runCliJson<{ deskCode: { code: string } }>(t.dir, 'diagnostics')
      expect(diag.out.deskCode).toMatchObject({ code: 'Q2', source: 'config' })
    } finally {
      t.cleanup()
    }
  }, 30_000)
})

describe('a patient the HIS already knows', () => {
  function registerAt(s: Services, hisCode: string | null) {
    return createRegistration({
      db: s.db,
      clock: s.clock,
      actor: 'test',
      facility: { code: '22001', name: null },
      deskCode: () => 'Q2',
      hisPatientIdFor: () => 'his-7',
      hisPatientCodeFor: (idNumber) => (idNumber === '022195001234' ? hisCode : null)
    })
  }

  it("takes the HIS's code instead of a new one, and says so in the audit", () => {
    const s = desk(null)
    const r = registerAt(s, 'BN-Q1-00000001')(registration())
    expect(codeOf(s, r.patientId)).toBe('BN-Q1-00000001')
    expect(sentCode(s, r.visitId)).toBe('BN-Q1-00000001')
    const audit = s.db
      .prepare("SELECT detail_json FROM audit_log WHERE entity = 'patient' AND action = 'create'")
      .get() as { detail_json: string }
    expect(JSON.parse(audit.detail_json)).toMatchObject({ codeFrom: 'his' })
    // The desk's own sequence is untouched: its next patient is its first.
    const other = registerAt(s, null)(registration({}, OTHER))
    expect(codeOf(s, other.patientId)).toBe('BN-Q2-00000001')
  })

  it('gives its own code when the HIS code is unusable or another patient here already holds it', () => {
    const s = desk(null)
    const mine = registerAt(s, null)(registration({}, OTHER))
    expect(codeOf(s, mine.patientId)).toBe('BN-Q2-00000001')
    // Two desks that both numbered from BN00000001 before desk codes: this computer's BN-Q2-00000001 is Bình.
    const taken = registerAt(s, 'BN-Q2-00000001')(registration())
    expect(codeOf(s, taken.patientId)).toBe('BN-Q2-00000002')
    const s2 = desk(null)
    const unusable = registerAt(s2, 'BN 0001 <x>')(registration())
    expect(codeOf(s2, unusable.patientId)).toBe('BN-Q2-00000001')
  })
})

describe('codes written before desk codes (BN00000042)', () => {
  function legacyDesk(): { s: Services; patientId: string } {
    const s = desk('Q1')
    const form = patientForm()
    new PatientsRepo(s.db).insert({
      id: 'old-1',
      code: 'BN00000042',
      form,
      nameFolded: foldVietnamese(form.fullName),
      at: '2026-01-05T08:00:00.000Z'
    })
    return { s, patientId: 'old-1' }
  }

  it('stay with their patient and are what the next visit sends', () => {
    const { s, patientId } = legacyDesk()
    const r = s.register(registration())
    expect(r.patientId).toBe(patientId)
    expect(r.patientCreated).toBe(false)
    expect(sentCode(s, r.visitId)).toBe('BN00000042')
  })

  it('are found by the search box, as are new codes, in any letter case', () => {
    const { s, patientId } = legacyDesk()
    const b = s.register(registration({}, OTHER))
    expect(s.searchPatients('BN00000042', 10).map((p) => p.id)).toEqual([patientId])
    expect(s.searchPatients(' bn00000042 ', 10).map((p) => p.id)).toEqual([patientId])
    expect(s.searchPatients(codeOf(s, b.patientId).toLowerCase(), 10).map((p) => p.id)).toEqual([b.patientId])
    expect(s.searchPatients('BN-Q1-00000099', 10)).toEqual([])
  })

  it('go into XML1 MA_BN and onto the slip, old form and new alike', () => {
    for (const code of ['BN00000042', 'BN-Q1-00000042']) {
      const sub = makeSubmission()
      const docs = buildXml4750Documents({ ...sub, patient: { ...sub.patient, code } })
      const envelope = docs.dossier.toString('utf8')
      const xml1 = Buffer.from(/<NOIDUNGFILE>([^<]+)<\/NOIDUNGFILE>/.exec(envelope)![1]!, 'base64').toString(
        'utf8'
      )
      expect(xml1).toContain(`<MA_BN>${code}</MA_BN>`)
      expect(docs.checkIn!.toString('utf8')).toContain(`<MA_BN>${code}</MA_BN>`)
      const slip = renderSlipHtml(
        {
          facilityName: null,
          ticket: {
            visitId: 'v1',
            day: '2026-12-02',
            queue: 'P101',
            number: 1,
            priority: null,
            issuedAt: '2026-12-02T07:45:00+07:00'
          },
          queueName: 'Phòng khám 101',
          patientName: 'Nguyễn Văn Ánh',
          patientCode: code,
          visitedAt: '2026-12-02T07:45:00+07:00'
        },
        '58mm'
      )
      expect(slip).toContain(`: ${code}</div>`)
    }
  })
})
