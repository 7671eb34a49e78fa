import type { Db } from '../../../db/connection'
import { PatientsRepo, type PatientRow } from '../../../db/patients'
import { AppError } from '../../contract/errors'
import type { PatientForm } from '../../contract/patient'
import { writeAudit } from '../audit/audit-log'
import { type Clock, systemClock } from '../clock'
import { diffForms } from '../reception/form-diff'
import { foldVietnamese } from '../text/fold'

export interface MergeResult {
  keepId: string
  mergedId: string
  visitsMoved: number
  readsMoved: number
  childrenMoved: number
  /** Form fields the kept record took from the merged one because it had none. */
  filledFields: string[]
}

export interface MergeOptions {
  clock?: Clock
  /** Why the clerk or administrator merged, kept in the history. */
  reason?: string
}

/** Fields a kept record takes over from the merged one when it has none of its own. */
const fillable = [
  'idNumber',
  'oldIdNumber',
  'bhytCardNumber',
  'ethnicityCode',
  'nationalityCode',
  'occupationCode',
  'phone',
  'guardian',
  'cardDetails'
] as const

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ bệnh nhân cần gộp.', `Patient ${id} not found`)
}

function checkMergeable(
  keep: PatientRow | undefined,
  merge: PatientRow | undefined,
  ids: [string, string]
): void {
  if (!keep) throw notFound(ids[0])
  if (!merge) throw notFound(ids[1])
  if (keep.id === merge.id)
    throw new AppError(
      'VALIDATION',
      'Không thể gộp một hồ sơ với chính nó.',
      'Cannot merge a record into itself'
    )
  if (keep.merged_into || merge.merged_into)
    throw new AppError(
      'CONFLICT',
      'Một trong hai hồ sơ đã được gộp trước đó; hãy mở hồ sơ còn lại.',
      'One of the records is already merged'
    )
  if (keep.id_number !== null && merge.id_number !== null && keep.id_number !== merge.id_number)
    throw new AppError(
      'CONFLICT',
      `Hai hồ sơ có số CCCD khác nhau (${keep.id_number} và ${merge.id_number}): đây là hai người, không thể gộp.`,
      'Records carry different ID numbers'
    )
}

/**
 * Merges a duplicate into the record to keep, in one transaction: visits, identity reads and children move to the
 * kept record, which also takes any identifier it lacked; the duplicate stays (for the audit trail) with
 * merged_into set, so search no longer shows it and opening it lands on the kept record.
 */
export function mergePatients(
  db: Db,
  keepId: string,
  mergeId: string,
  actor: string,
  options: MergeOptions = {}
): MergeResult {
  const repo = new PatientsRepo(db)
  const clock = options.clock ?? systemClock
  const run = db.transaction((): MergeResult => {
    const keep = repo.get(keepId)
    const merge = repo.get(mergeId)
    checkMergeable(keep, merge, [keepId, mergeId])
    const at = clock().toISOString()
    const keepForm = JSON.parse(keep!.form_json) as PatientForm
    const mergeForm = JSON.parse(merge!.form_json) as PatientForm

    const merged: PatientForm = { ...keepForm }
    for (const field of fillable) {
      if (merged[field] === null && mergeForm[field] !== null)
        Object.assign(merged, { [field]: mergeForm[field] })
    }
    if (merged.guardian?.patientId === keepId) merged.guardian = keepForm.guardian
    if (merged.address.text === '' && mergeForm.address.text !== '') merged.address = mergeForm.address
    const filledFields = diffForms(keepForm, merged)
    const reason = `merge:${mergeId}${options.reason ? `:${options.reason}` : ''}`

    // The ID number is unique: the duplicate gives it up before the kept record takes it.
    db.prepare('UPDATE patients SET merged_into = ?, id_number = NULL, updated_at = ? WHERE id = ?').run(
      keepId,
      at,
      mergeId
    )
    repo.addHistory(mergeId, at, mergeForm, ['merged_into'], `merged_into:${keepId}`)
    if (filledFields.length > 0) {
      repo.addHistory(keepId, at, keepForm, filledFields, reason)
      repo.update({
        id: keepId,
        code: keep!.code,
        form: merged,
        nameFolded: foldVietnamese(merged.fullName),
        at
      })
    }

    const visitIds = db
      .prepare<[string], { id: string }>('SELECT id FROM visits WHERE patient_id = ?')
      .all(mergeId)
      .map((v) => v.id)
    db.prepare('UPDATE visits SET patient_id = ? WHERE patient_id = ?').run(keepId, mergeId)
    const readsMoved = db
      .prepare('UPDATE identity_reads SET patient_id = ? WHERE patient_id = ?')
      .run(keepId, mergeId).changes
    // Children keep pointing at a live record, in the column and in the stored form alike.
    const childrenMoved = db
      .prepare(
        `UPDATE patients SET guardian_patient_id = @keep,
           form_json = json_set(form_json, '$.guardian.patientId', @keep), updated_at = @at
         WHERE guardian_patient_id = @merge AND id <> @keep`
      )
      .run({ keep: keepId, merge: mergeId, at }).changes

    writeAudit(db, at, {
      actor,
      action: 'merge',
      entity: 'patient',
      entityId: keepId,
      detail: { mergedId: mergeId, visitIds, readsMoved, childrenMoved, filledFields }
    })
    return {
      keepId,
      mergedId: mergeId,
      visitsMoved: visitIds.length,
      readsMoved,
      childrenMoved,
      filledFields
    }
  })
  return run.immediate()
}
