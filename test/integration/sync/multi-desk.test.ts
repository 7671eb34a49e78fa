// Two desks of one facility, each with its own encrypted database and configuration, and one HIS: what desk 1
// registered and sent, desk 2 recognises through the HIS (docs/adr/0024), and the HIS ends up with one Patient
// and two Encounters; with the HIS down, desk 2 still registers and says it searched locally only. Patient codes
// (MA_BN, docs/adr/0029): desk 1 (desk.code Q1) and desk 2 (derived code) never give two people one code, and
// desk 2 gives the patient desk 1 registered the code the HIS holds, so both desks send the same MA_BN.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createServices, type Services } from '../../../core'
import { patientFormSchema } from '../../../contract/patient'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { startHisServer, type HisServer } from '../../harness/his-server/server'
import { runCli } from '../../../cli/index'
import { runCliJson } from '../../support/run-cli'
import { PatientsRepo } from '../../../db/patients'
import { derivedDeskCode } from '../../../core/desk/desk-code'
import { tempDir } from '../../support/fixtures'

const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'
const OTHER_QR =
  '022190004321||Trần Văn Bình|02021990|Nam|Số 8, Phường Bãi Cháy, Thành phố Hạ Long, Quảng Ninh|10042021'
const NATIONAL_ID = 'http://fhir.ehealth.gov.vn/core/sid/national_id'
const PATIENT_CODE = 'http://fhir.ehealth.gov.vn/core/sid/patient-internal-id'
const DESK1_FIRST = 'BN-Q1-00000001'

let server: HisServer
const t = tempDir('multi-desk-')
const desk1 = join(t.dir, 'desk1')
const desk2 = join(t.dir, 'desk2')
const identityFile = join(t.dir, 'identity.json')
const otherFile = join(t.dir, 'other.json')

interface Coded {
  returning: {
    patientId: string | null
    source: string
    hisPatientId: string | null
    fullName: string
  } | null
  his: { lookup: string; hisPatientId: string | null; message?: string }
  warnings: { code: string; message: string; blocking: boolean }[]
}

/** The desk's own services (what the app runs), over the key file the CLI uses too. */
function deskServices(dir: string): Services {
  return createServices({ dataDir: dir, key: loadOrCreateKeyFile(dir), mode: 'cli', version: 'test' })
}

/** The CLI's human (Vietnamese) output. */
async function runCliText(dir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk)
    return true
  })
  try {
    return { code: await runCli(['--data-dir', dir, ...args]), out }
  } finally {
    spy.mockRestore()
  }
}

const patients = () => server.stored().fhir.filter((r) => r.resourceType === 'Patient')
const encounters = () => server.stored().fhir.filter((r) => r.resourceType === 'Encounter')

beforeAll(async () => {
  process.env.RECEPTION_MACHINE_CONFIG = join(t.dir, 'machine.json')
  server = await startHisServer()
  for (const dir of [desk1, desk2]) {
    expect((await runCliJson(dir, 'config', 'set', 'facility.code', '22001')).code).toBe(0)
    expect((await runCliJson(dir, 'config', 'set', 'his.url', `${server.url}/fhir`)).code).toBe(0)
  }
  expect((await runCliJson(desk1, 'config', 'set', 'desk.code', 'Q1')).code).toBe(0)
  const parsed = await runCliJson<{ identity: object }>(desk1, 'parse-qr', QR)
  writeFileSync(identityFile, JSON.stringify(parsed.out.identity))
  const other = await runCliJson<{ identity: object }>(desk1, 'parse-qr', OTHER_QR)
  writeFileSync(otherFile, JSON.stringify(other.out.identity))
}, 120_000)

afterAll(async () => {
  delete process.env.RECEPTION_MACHINE_CONFIG
  await server.close()
  t.cleanup()
})

describe('two desks, one HIS', () => {
  it('his.lookup is on by default for the FHIR HIS, and can be turned off', async () => {
    const shown = await runCliJson<{ entries: { key: string; value: unknown; source: string }[] }>(
      desk1,
      'config',
      'show'
    )
    expect(shown.out.entries.find((e) => e.key === 'his.lookup')).toMatchObject({
      value: true,
      source: 'default'
    })
    expect((await runCliJson(desk1, 'config', 'set', 'his.lookup', 'false')).out).toMatchObject({
      value: false,
      source: 'user'
    })
    expect((await runCliJson(desk1, 'config', 'unset', 'his.lookup')).out).toMatchObject({ value: true })
  })

  it('desk 1 registers a patient the HIS does not know yet and sends it', async () => {
    const saved = await runCliJson<{ patientCreated: boolean; his: { lookup: string } }>(
      desk1,
      'register',
      '--from',
      identityFile
    )
    expect(saved.out).toMatchObject({ patientCreated: true, his: { lookup: 'not-found' } })
    const flush = await runCliJson(desk1, 'queue', 'flush', '--target', 'his')
    expect(flush.out).toMatchObject({ sent: 1, failed: 0 })
    expect(patients()).toHaveLength(1)
    // The HIS keeps the desk's code among the Patient's identifiers, and gives it back to a search.
    expect(patients()[0]!.resource['identifier']).toContainEqual(
      expect.objectContaining({ system: PATIENT_CODE, value: DESK1_FIRST })
    )
  }, 60_000)

  it('desk 2 normalizes the same card: returning from the HIS, with desk 1 Patient id', async () => {
    const hisId = patients()[0]!.id
    const r = await runCliJson<Coded>(desk2, 'normalize', '--from', identityFile)
    expect(r.code).toBe(0)
    expect(r.out.returning).toMatchObject({ patientId: null, source: 'his', hisPatientId: hisId })
    expect(r.out.his).toMatchObject({
      lookup: 'found',
      hisPatientId: hisId,
      message: 'Đã có trong HIS (đăng ký ở quầy khác): Nguyễn Thị Hồng Nhung.'
    })
  })

  it('desk 2 scans the QR, saves and sends: the HIS holds one Patient and two Encounters on it', async () => {
    const hisId = patients()[0]!.id
    const services = deskServices(desk2)
    try {
      const read = await services.submitQr(QR, 'keyboard')
      expect(read.coded.returning).toMatchObject({ source: 'his', hisPatientId: hisId, patientId: null })
      expect(read.coded.hisLookup).toBe('found')
      const saved = services.register({
        patientId: null,
        patient: patientFormSchema.parse(read.coded.form),
        visit: { serviceType: 'antenatal', department: null, reason: null },
        identityReadId: read.readId,
        source: 'qr'
      })
      expect(saved.patientCreated).toBe(true)
      // Same person, same MA_BN at both desks: desk 2 took the code desk 1 gave, from the HIS.
      expect(new PatientsRepo(services.db).get(saved.patientId)!.code).toBe(DESK1_FIRST)
      // The next scan at desk 2 finds the record on this computer, still tied to the HIS's Patient.
      const again = await services.submitQr(QR, 'keyboard')
      expect(again.coded.returning).toMatchObject({
        source: 'local',
        patientId: saved.patientId,
        hisPatientId: hisId
      })
    } finally {
      services.close()
    }
    const flush = await runCliJson(desk2, 'queue', 'flush', '--target', 'his')
    expect(flush.out).toMatchObject({ sent: 1, failed: 0 })
    const byId = patients().filter((p) =>
      (p.resource['identifier'] as { system: string; value: string }[]).some(
        (i) => i.system === NATIONAL_ID && i.value === '022195001234'
      )
    )
    expect(byId.map((p) => p.id)).toEqual([hisId])
    expect(patients()).toHaveLength(1)
    // Desk 2 sent only the visit: no second Patient, not even a conditional create the HIS could dedup.
    const posts = server.requests().filter((r) => r.method === 'POST' && r.result === 200)
    expect(posts.map((r) => r.entryTypes)).toEqual([['Patient', 'Encounter'], ['Encounter']])
    const subjects = encounters().map((e) => (e.resource['subject'] as { reference: string }).reference)
    expect(subjects).toEqual([`Patient/${hisId}`, `Patient/${hisId}`])
  }, 60_000)

  it('a frozen HIS costs the desk at most the lookup deadline, then the desk works locally and says so', async () => {
    server.injectFault({ kind: 'hang' }, 1, '/fhir/Patient')
    const started = Date.now()
    const r = await runCliJson<Coded>(desk2, 'normalize', '--from', otherFile)
    expect(Date.now() - started).toBeLessThan(4_000)
    expect(r.out.returning).toBeNull()
    expect(r.out.his).toMatchObject({
      lookup: 'offline',
      message: 'Không hỏi được HIS — chỉ tìm trong máy này.'
    })
    expect(r.out.warnings).toContainEqual(
      expect.objectContaining({
        code: 'HIS_OFFLINE',
        blocking: false,
        message: 'Không hỏi được HIS — chỉ tìm trong máy này.'
      })
    )
  }, 30_000)

  it('with the HIS down, desk 2 still registers a new patient, locally only, and says so', async () => {
    await server.close()
    const text = await runCliText(desk2, 'register', '--from', otherFile)
    expect(text.code).toBe(0)
    expect(text.out).toContain('(new)')
    expect(text.out).toContain('Không hỏi được HIS — chỉ tìm trong máy này.')
    const found = await runCliJson(desk2, 'patients', 'find', '--id', '022190004321')
    expect(found.out).toMatchObject({ exact: { fullName: 'Trần Văn Bình' } })
    // A different person at desk 2 gets desk 2's own code, never one desk 1 gives.
    const services = deskServices(desk2)
    try {
      const b = services.searchPatients('022190004321', 1)[0]!
      const code = new PatientsRepo(services.db).get(b.id)!.code
      expect(code).toBe(`BN-${derivedDeskCode(desk2)}-00000001`)
      expect(code).not.toMatch(/^BN-Q1-/)
    } finally {
      services.close()
    }
    server = await startHisServer()
  }, 30_000)
})
