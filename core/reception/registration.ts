import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/connection'
import { linkReadToPatient, readVerificationJson } from '../../db/identity-reads'
import { PatientsRepo } from '../../db/patients'
import { insertVisit, latestVisitOnDay } from '../../db/visits'
import { enqueue } from '../../db/outbox-store'
import { AppError } from '../../contract/errors'
import type { PatientForm, RegistrationInput, RegistrationResult } from '../../contract/patient'
import type { Submission } from '../../contract/submission'
import { syncTargets } from '../../contract/status'
import { writeAudit } from '../audit/audit-log'
import { type Clock, localIsoWithOffset } from '../clock'
import { foldVietnamese, tidyText } from '../../contract/rules/text'
import { diffForms } from './form-diff'
import { recordVisitPurposes } from '../consent/consent'
import { hisPatientIdOf, keepHisPatientId } from '../../db/his-links'
import { issueQueueNumber } from '../desk/queue-numbers'
import { resolveVisit } from './visit-values'
import { isTamperedChip } from '../../contract/rules/chip-tamper'
import type { PassiveAuthValue } from '../../contract/reading'
import { attachBhytCheckToVisit, bhytCheckById } from '../../db/bhyt-checks'
import { checkMatchesForm, formWithCheckedCard, visitCardFrom } from '../bhyt/visit-card'
import { isAcceptablePatientCode } from '../../contract/rules/patient-code'

export interface RegistrationDeps {
  db: Db
  clock: Clock
  actor: string
  facility: { code: string | null; name: string | null }
  /** The HIS Patient.id the HIS gave for an ID number at this run's scans (docs/adr/0024). */
  hisPatientIdFor?: (idNumber: string) => string | null
  /** The facility patient code (MA_BN) the HIS holds for an ID number at this run's scans (docs/adr/0029). */
  hisPatientCodeFor?: (idNumber: string) => string | null
  /** The desk part of new patient codes, read at each save (`desk.code` may change while the app runs). */
  deskCode: () => string
}

/**
 * The code a new local record takes: the one the HIS already has for this person (so every desk sends the same
 * MA_BN), unless it is unusable or another patient on this computer already holds it; else the desk's next one.
 */
function codeForNewPatient(
  deps: RegistrationDeps,
  patients: PatientsRepo,
  idNumber: string | null
): { code: string; from: 'his' | 'desk' } {
  const fromHis = idNumber ? (deps.hisPatientCodeFor?.(idNumber) ?? null) : null
  if (fromHis && isAcceptablePatientCode(fromHis) && !patients.findByCode(fromHis)) {
    return { code: fromHis, from: 'his' }
  }
  return { code: patients.allocateCode(deps.deskCode()), from: 'desk' }
}

/** Names and addresses are stored NFC with single spaces, whatever the source typed. */
export function tidyForm(form: PatientForm): PatientForm {
  return {
    ...form,
    fullName: tidyText(form.fullName),
    address: { ...form.address, text: tidyText(form.address.text) },
    guardian: form.guardian ? { ...form.guardian, fullName: tidyText(form.guardian.fullName) } : null
  }
}

/** The read this form came from is a chip that failed its signature or anti-clone check. */
function readIsTampered(db: Db, readId: string | null): boolean {
  if (!readId) return false
  const json = readVerificationJson(db, readId)
  return json ? isTamperedChip(JSON.parse(json) as PassiveAuthValue) : false
}

/**
 * Saves a registration: the patient (created, or updated with history), the visit, one outbox row per target
 * with a frozen Submission snapshot, and the audit entries — all in one transaction, so a crash or a full disk
 * leaves either everything or nothing.
 */
export function createRegistration(
  deps: RegistrationDeps
): (input: RegistrationInput, actor?: string) => RegistrationResult {
  const { db, clock } = deps
  const patients = new PatientsRepo(db)

  const run = db.transaction((input: RegistrationInput, actor: string): RegistrationResult => {
    const now = clock()
    const at = now.toISOString()
    // The desk's BHYT check for this visit (bhyt:check): unused so far, and a usable card fills an empty card number.
    const check = input.bhytCheckId ? bhytCheckById(db, input.bhytCheckId) : null
    if (input.bhytCheckId && (!check || check.visitId !== null)) {
      throw AppError.of('VALIDATION', 'bhyt.checkNotFound')
    }
    const typed = tidyForm(input.patient)
    if (check && !checkMatchesForm(check, typed)) throw AppError.of('VALIDATION', 'bhyt.checkOtherPerson')
    const bhyt = check ? visitCardFrom(check, typed) : null
    const form = bhyt ? formWithCheckedCard(typed, bhyt) : typed
    // Before anything is written: a service that does not fit the patient needs the clerk's confirmation.
    const visit = resolveVisit(input.visit, form, now)
    const tampered = readIsTampered(db, input.identityReadId)
    if (tampered && !input.confirmTamperedChip) {
      throw AppError.of('CONFLICT', 'desk.tamperedChip').withDetail('tampered chip not confirmed')
    }

    let existing = input.patientId ? patients.get(input.patientId) : undefined
    if (input.patientId && !existing) {
      throw AppError.of('NOT_FOUND', 'error.patient.notFound').withDetail('Patient to update not found')
    }
    if (!existing && form.idNumber) existing = patients.findByIdNumber(form.idNumber)
    if (existing?.merged_into) existing = patients.get(existing.merged_into)

    if (form.idNumber && existing && existing.id_number !== form.idNumber) {
      const other = patients.findByIdNumber(form.idNumber)
      if (other && other.id !== existing.id) {
        throw AppError.of('CONFLICT', 'error.patient.idNumberTaken', {
          idNumber: form.idNumber,
          otherName: other.full_name
        })
      }
    }

    const guardianRow = form.guardian?.patientId ? patients.get(form.guardian.patientId) : undefined
    if (form.guardian?.patientId && !guardianRow) {
      throw AppError.of('NOT_FOUND', 'error.guardian.notFound')
    }

    const nameFolded = foldVietnamese(form.fullName)
    let patientId: string
    let code: string
    let created: boolean
    if (existing) {
      patientId = existing.id
      code = existing.code
      created = false
      const before = JSON.parse(existing.form_json) as PatientForm
      const changes = diffForms(before, form)
      if (changes.length > 0) {
        patients.addHistory(patientId, at, before, changes, input.source)
        patients.update({ id: patientId, code, form, nameFolded, at })
        writeAudit(db, at, {
          actor,
          action: 'update',
          entity: 'patient',
          entityId: patientId,
          detail: { changes }
        })
      }
    } else {
      patientId = randomUUID()
      const given = codeForNewPatient(deps, patients, form.idNumber)
      code = given.code
      created = true
      patients.insert({ id: patientId, code, form, nameFolded, at })
      writeAudit(db, at, {
        actor,
        action: 'create',
        entity: 'patient',
        entityId: patientId,
        detail: { source: input.source, ...(given.from === 'his' ? { codeFrom: 'his' } : {}) }
      })
    }

    if (input.identityReadId) {
      linkReadToPatient(db, input.identityReadId, patientId)
    }
    // A patient the HIS already knew keeps its HIS id: the sender references it, never a second Patient.
    let hisId = hisPatientIdOf(db, patientId)
    const fromHis = !hisId && form.idNumber ? (deps.hisPatientIdFor?.(form.idNumber) ?? null) : null
    if (fromHis) {
      keepHisPatientId(db, patientId, fromHis)
      hisId = fromHis
    }

    const visitedAt = localIsoWithOffset(now)
    // One visit a day is the rule at a desk; a second one (a re-scan, a double Enter) needs the clerk's yes.
    const earlier = created ? null : latestVisitOnDay(db, patientId, visitedAt.slice(0, 10))
    if (earlier && !input.confirmSameDay) {
      throw AppError.of('CONFLICT', 'desk.sameDayVisit', {
        time: earlier.visitedAt.slice(11, 16)
      }).withDetail('same-day visit not confirmed')
    }
    const visitId = randomUUID()
    insertVisit(db, { ...visit, id: visitId, patientId, visitedAt, at })
    writeAudit(db, at, {
      actor,
      action: 'create',
      entity: 'visit',
      entityId: visitId,
      detail: {
        patientId,
        ...(visit.confirmedChecks.length > 0 ? { confirmedChecks: visit.confirmedChecks } : {}),
        ...(earlier ? { sameDayConfirmed: true, earlierVisitId: earlier.id } : {}),
        ...(tampered ? { tamperedChipConfirmed: true, identityReadId: input.identityReadId } : {})
      }
    })
    // The day's number for the room or service, in the same transaction: a saved visit always has one.
    const ticket = issueQueueNumber({ db, clock }, { visitId, queue: visit.queue, priority: visit.priority })
    if (check) attachBhytCheckToVisit(db, check.id, visitId, patientId)
    // Each purpose of the visit with its legal basis; a chip read's consent is tied to the visit it served.
    recordVisitPurposes(db, at, {
      patientId,
      visitId,
      actor,
      readIds: input.identityReadId ? [input.identityReadId] : []
    })

    const guardian =
      guardianRow && form.guardian
        ? {
            id: guardianRow.id,
            code: guardianRow.code,
            relation: form.guardian.relation,
            form: JSON.parse(guardianRow.form_json) as PatientForm
          }
        : null
    const outboxIds = syncTargets.map((target) => {
      const idempotencyKey = `${visitId}:${target}`
      const payload: Submission = {
        schemaVersion: 1,
        idempotencyKey,
        facility: deps.facility,
        patient: { id: patientId, code, form, ...(hisId ? { hisId } : {}) },
        guardian,
        visit: {
          id: visitId,
          serviceType: visit.serviceType,
          department: visit.department,
          reason: visit.reason,
          visitedAt,
          objectCode: visit.objectCode,
          careTypeCode: visit.careTypeCode,
          referralNumber: visit.referralNumber,
          referringFacility: visit.referringFacility,
          emergency: visit.emergency
        },
        ...(bhyt ? { bhyt } : {})
      }
      return enqueue(db, { visitId, target, payload, idempotencyKey, at })
    })

    return { patientId, visitId, patientCreated: created, outboxIds, ticket }
  })

  return (input, actor) => run.immediate(input, actor ?? deps.actor)
}
