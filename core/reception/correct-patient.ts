import type { Db } from '../../db/connection'
import { PatientsRepo } from '../../db/patients'
import { refusedSubmissionsOf, resubmitCorrected } from '../../db/outbox-store'
import { AppError } from '../../contract/errors'
import type { PatientForm } from '../../contract/patient'
import type { Submission } from '../../contract/submission'
import { writeAudit } from '../audit/audit-log'
import type { Clock } from '../clock'
import { foldVietnamese } from '../../contract/rules/text'
import { diffForms } from './form-diff'
import { tidyForm } from './registration'

/**
 * A person fixes a record a target refused: the patient is updated (history kept) and every refused or dead
 * submission of theirs is re-queued with the corrected form under a new idempotency-key revision, so a receiver
 * that remembers the old key with the old body does not refuse it again. No new visit is created.
 */
export function createCorrection(deps: {
  db: Db
  clock: Clock
  /** Who corrects when the call does not say (tests, the CLI). */
  actor?: string
}): (patientId: string, form: PatientForm, actor?: string) => { changed: string[]; resubmitted: number } {
  const { db, clock } = deps
  const patients = new PatientsRepo(db)
  return db.transaction((patientId: string, input: PatientForm, actor: string = deps.actor ?? 'system') => {
    const now = clock()
    const at = now.toISOString()
    const existing = patients.get(patientId)
    if (!existing || existing.merged_into) {
      throw AppError.of('NOT_FOUND', 'error.patient.notFound').withDetail('Patient to correct not found')
    }
    const form = tidyForm(input)
    if (form.idNumber && form.idNumber !== existing.id_number) {
      const other = patients.findByIdNumber(form.idNumber)
      if (other && other.id !== patientId) {
        throw AppError.of('CONFLICT', 'error.patient.idNumberTaken', {
          idNumber: form.idNumber,
          otherName: other.full_name
        })
      }
    }
    const before = JSON.parse(existing.form_json) as PatientForm
    const changed = diffForms(before, form)
    if (changed.length > 0) {
      patients.addHistory(patientId, at, before, changed, 'correction')
      patients.update({
        id: patientId,
        code: existing.code,
        form,
        nameFolded: foldVietnamese(form.fullName),
        at
      })
      writeAudit(db, at, {
        actor,
        action: 'update',
        entity: 'patient',
        entityId: patientId,
        detail: { changes: changed }
      })
    }
    let resubmitted = 0
    for (const row of refusedSubmissionsOf(db, patientId)) {
      const payload = JSON.parse(row.payloadJson) as Submission
      const corrected: Submission = { ...payload, patient: { ...payload.patient, form } }
      if (resubmitCorrected(db, row.id, corrected, now)) resubmitted++
    }
    if (resubmitted > 0) {
      writeAudit(db, at, {
        actor,
        action: 'submit',
        entity: 'patient',
        entityId: patientId,
        detail: { resubmitted }
      })
    }
    return { changed, resubmitted }
  })
}
