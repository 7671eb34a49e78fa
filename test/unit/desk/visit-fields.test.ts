import Database from 'better-sqlite3-multiple-ciphers'
import { XMLParser } from 'fast-xml-parser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../contract/errors'
import type { PatientForm, RegistrationInput } from '../../../contract/patient'
import { visitChecks } from '../../../contract/rules/visit-checks'
import { submissionSchema, type Submission } from '../../../contract/submission'
import type { Services } from '../../../core'
import { buildEncounterResource } from '../../../core/sync/connectors/fhir/encounter-resource'
import { buildXml4750Documents } from '../../../core/sync/connectors'
import { migrate } from '../../../db/migrate'
import { loadMigrations } from '../../../db/migrations'
import { getVisit } from '../../../db/visits'
import { registration, testServices } from '../../support/fixtures'

let services: Services
let cleanup: () => void
const now = new Date(2026, 11, 2, 8, 15)
beforeEach(() => ({ services, cleanup } = testServices({ now: () => now })))
afterEach(() => cleanup())

const man: Partial<PatientForm> = { fullName: 'Trần Văn Nam', sex: 'male', dateOfBirth: '1988-06-01' }
const visit = (v: Partial<RegistrationInput['visit']>): RegistrationInput['visit'] => ({
  serviceType: 'general',
  department: null,
  reason: null,
  ...v
})

function thrown(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

const parser = new XMLParser({ parseTagValue: false, trimValues: false })
function xmlOf(sub: Submission) {
  const docs = buildXml4750Documents(sub)
  const xml0 = docs.checkIn
    ? parser.parse(docs.checkIn.toString('utf8')).CHI_TIEU_TRANG_THAI_KCB.DSACH_TRANG_THAI_KCB.TRANG_THAI_KCB
    : null
  const file = parser.parse(docs.dossier.toString('utf8')).GIAMDINHHS.THONGTINHOSO.DANHSACHHOSO.HOSO.FILEHOSO
  const xml1 = parser.parse(Buffer.from(file.NOIDUNGFILE, 'base64').toString('utf8')).TONG_HOP
  return { xml0, xml1 }
}

/** The snapshot queued for the HIS, as the sender reads it (with the facility code the config would add). */
function queued(visitId: string): Submission {
  const { payload_json } = services.db
    .prepare(`SELECT payload_json FROM outbox WHERE visit_id = ? AND target = 'his'`)
    .get(visitId) as { payload_json: string }
  const sub = submissionSchema.parse(JSON.parse(payload_json))
  return { ...sub, facility: { code: '22001', name: 'Trạm Y tế Phường Hạ Long' } }
}

describe('service versus patient', () => {
  it('a man registered for antenatal care is not saved until the clerk confirms, and the confirmation is kept', () => {
    const input = registration({ visit: visit({ serviceType: 'antenatal' }) }, man)
    const e = thrown(() => services.register(input))
    expect(e.code).toBe('VALIDATION')
    expect(e.key).toBe('visit.check.unconfirmed')
    const count = () => (services.db.prepare('SELECT COUNT(*) AS n FROM visits').get() as { n: number }).n
    expect(count()).toBe(0)

    const saved = services.register({
      ...input,
      visit: { ...input.visit, confirmedChecks: ['womenOnly'] }
    })
    expect(count()).toBe(1)
    expect(getVisit(services.db, saved.visitId)?.confirmedChecks).toEqual(['womenOnly'])
    const audit = services.db
      .prepare(
        `SELECT detail_json AS detail FROM audit_log WHERE entity = 'visit' AND entity_id = ? AND action = 'create'`
      )
      .get(saved.visitId) as { detail: string }
    expect(JSON.parse(audit.detail)).toMatchObject({ confirmedChecks: ['womenOnly'] })
  })

  it('derives the warnings from the service and the patient', () => {
    const today = new Date(2026, 11, 2)
    const codes = (sex: 'male' | 'female', dob: string, s: Parameters<typeof visitChecks>[1]) =>
      visitChecks({ sex, dateOfBirth: dob }, s, today).map((c) => c.code)
    expect(codes('male', '1988', 'antenatal')).toEqual(['womenOnly'])
    expect(codes('male', '1988', 'family_planning')).toEqual(['womenOnly'])
    expect(codes('female', '1995-03-14', 'antenatal')).toEqual([])
    expect(codes('female', '1950', 'delivery')).toEqual(['maternalAge'])
    expect(codes('female', '1990', 'immunisation')).toEqual(['childOnly'])
    expect(codes('male', '2020-01-01', 'child_checkup')).toEqual([])
    expect(codes('male', '1990', 'general')).toEqual([])
  })
})

describe('visit fields reception owns', () => {
  it('are stored with the visit and carried by XML0, XML1 and the FHIR Encounter', () => {
    const saved = services.register(
      registration(
        {
          visit: visit({
            objectCode: '1.11',
            careTypeCode: '02',
            referralNumber: 'GCT-2026/00123',
            referringFacility: '22015',
            emergency: false
          })
        },
        { ...man, bhytCardNumber: 'DN4220123456789' }
      )
    )
    expect(getVisit(services.db, saved.visitId)).toMatchObject({
      objectCode: '1.11',
      careTypeCode: '02',
      referralNumber: 'GCT-2026/00123',
      referringFacility: '22015',
      emergency: false
    })
    const sub = queued(saved.visitId)
    const { xml0, xml1 } = xmlOf(sub)
    expect(xml1).toMatchObject({
      MA_DOITUONG_KCB: '1.11',
      MA_LOAI_KCB: '02',
      MA_NOI_DI: '22015',
      GIAY_CHUYEN_TUYEN: 'GCT-2026/00123'
    })
    expect(xml0).toMatchObject({ MA_DOITUONG_KCB: '1.11', MA_LOAI_KCB: '02' })
    // XML0's table has no referral elements.
    expect(xml0.MA_NOI_DI).toBeUndefined()

    const enc = buildEncounterResource(sub, '22001', 'urn:uuid:p')
    expect(enc.type?.[0]?.coding?.[0]?.code).toBe('02')
    expect(enc.hospitalization?.origin?.identifier?.value).toBe('22015')
    expect(enc.basedOn?.[0]?.identifier?.value).toBe('GCT-2026/00123')
  })

  it('defaults per the rules: visit 01, category 9 without a BHYT card, 2 for an emergency', () => {
    const plain = services.register(registration({ visit: visit({}) }, man))
    expect(xmlOf(queued(plain.visitId)).xml1).toMatchObject({
      MA_DOITUONG_KCB: '9',
      MA_LOAI_KCB: '01',
      MA_NOI_DI: '',
      GIAY_CHUYEN_TUYEN: ''
    })
    const emergency = services.register(
      registration(
        { visit: visit({ emergency: true }) },
        { ...man, idNumber: '022188000777', bhytCardNumber: 'DN4220123456789' }
      )
    )
    const sub = queued(emergency.visitId)
    expect(xmlOf(sub).xml1.MA_DOITUONG_KCB).toBe('2')
    // An emergency starts without the XML0 check-in.
    expect(xmlOf(sub).xml0).toBeNull()
    expect(xmlOf(queued(plain.visitId)).xml0).not.toBeNull()
    const enc = buildEncounterResource(sub, '22001', 'urn:uuid:p')
    expect(enc.class.code).toBe('EMER')
    expect(enc.priority?.coding?.[0]?.code).toBe('EM')
    // With a card and no emergency the category is left for the HIS.
    const carded = services.register(
      registration(
        { visit: visit({}) },
        { ...man, idNumber: '022188000778', bhytCardNumber: 'DN4220123456780' }
      )
    )
    expect(xmlOf(queued(carded.visitId)).xml1.MA_DOITUONG_KCB).toBe('')
  })
})

describe('migration 009', () => {
  it('keeps the visits, their queue rows and tickets; a row queued before it still builds and sends', () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    const all = loadMigrations()
    migrate(
      db,
      all.filter((m) => m.version < 9)
    )
    const at = '2026-11-30T01:00:00.000Z'
    const form = registration().patient
    db.prepare(
      `INSERT INTO patients (id, code, id_number, full_name, name_folded, date_of_birth, sex, form_json, created_at, updated_at)
       VALUES ('p1', 'BN000001', ?, ?, 'nguyen thi hong nhung', ?, ?, ?, ?, ?)`
    ).run(form.idNumber, form.fullName, form.dateOfBirth, form.sex, JSON.stringify(form), at, at)
    db.prepare(
      `INSERT INTO visits (id, patient_id, service_type, department, reason, visited_at, created_at)
       VALUES ('v1', 'p1', 'antenatal', 'K01', NULL, '2026-11-30T08:00:00+07:00', ?)`
    ).run(at)
    // The snapshot exactly as the code before 009 wrote it: no visit fields beyond service, department, reason.
    const old = {
      schemaVersion: 1,
      idempotencyKey: 'v1:his',
      facility: { code: '22001', name: null },
      patient: { id: 'p1', code: 'BN000001', form },
      guardian: null,
      visit: {
        id: 'v1',
        serviceType: 'antenatal',
        department: 'K01',
        reason: null,
        visitedAt: '2026-11-30T08:00:00+07:00'
      }
    }
    db.prepare(
      `INSERT INTO outbox (visit_id, target, payload_json, idempotency_key, next_attempt_at, created_at, updated_at)
       VALUES ('v1', 'his', ?, 'v1:his', ?, ?, ?)`
    ).run(JSON.stringify(old), at, at, at)
    db.prepare(
      `INSERT INTO queue_tickets (visit_id, day, queue, number, priority, issued_at) VALUES ('v1', '2026-11-30', 'K01', 1, NULL, ?)`
    ).run(at)

    expect(migrate(db, all)).toEqual(all.filter((m) => m.version > 8).map((m) => m.version))
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    // The other tables still reference the rebuilt visits table, not a leftover.
    const schema = (
      db.prepare(`SELECT group_concat(sql, ' ') AS s FROM sqlite_schema`).get() as { s: string }
    ).s
    expect(schema).not.toContain('visits_009')
    expect(getVisit(db as never, 'v1')).toMatchObject({
      serviceType: 'antenatal',
      careTypeCode: '01',
      objectCode: null,
      emergency: false
    })
    expect(() =>
      db
        .prepare(
          `INSERT INTO queue_tickets (visit_id, day, queue, number, issued_at) VALUES ('nope', 'd', 'q', 1, 'x')`
        )
        .run()
    ).toThrow(/FOREIGN KEY/)

    const row = db.prepare(`SELECT payload_json FROM outbox WHERE visit_id = 'v1'`).get() as {
      payload_json: string
    }
    const sub = submissionSchema.parse(JSON.parse(row.payload_json))
    expect(xmlOf(sub).xml1).toMatchObject({ MA_DOITUONG_KCB: '', MA_LOAI_KCB: '01', MA_NOI_DI: '' })
    db.close()
  })
})
