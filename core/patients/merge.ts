import type { Db } from '../../db/connection'
import { PatientsRepo, type PatientRow } from '../../db/patients'
import { lastMergeDetail } from '../../db/audit'
import {
  childIdsOf,
  formBefore,
  markMerged,
  markUnmerged,
  moveChildren,
  moveReads,
  moveVisits,
  readIdsOf,
  visitIdsOf,
  visitIsOn
} from '../../db/patient-merge'
import { AppError } from '../../contract/errors'
import type { PatientForm } from '../../contract/patient'
import { writeAudit } from '../audit/audit-log'
import { type Clock, systemClock } from '../clock'
import { diffForms } from '../reception/form-diff'
import { foldVietnamese } from '../../contract/rules/text'

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
  return AppError.of('NOT_FOUND', 'error.patient.notFound').withDetail(`Patient ${id} not found`)
}

function checkMergeable(
  keep: PatientRow | undefined,
  merge: PatientRow | undefined,
  ids: [string, string]
): void {
  if (!keep) throw notFound(ids[0])
  if (!merge) throw notFound(ids[1])
  if (keep.id === merge.id) throw AppError.of('VALIDATION', 'error.merge.self')
  if (keep.merged_into || merge.merged_into) throw AppError.of('CONFLICT', 'error.merge.alreadyMerged')
  if (keep.id_number !== null && merge.id_number !== null && keep.id_number !== merge.id_number)
    throw AppError.of('CONFLICT', 'error.merge.differentIds', {
      keepId: keep.id_number,
      mergeId: merge.id_number
    })
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
    markMerged(db, mergeId, keepId, at)
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

    const visitIds = visitIdsOf(db, mergeId)
    const readIds = readIdsOf(db, mergeId)
    const childIds = childIdsOf(db, mergeId, keepId)
    moveVisits(db, visitIds, mergeId, keepId)
    moveReads(db, readIds, mergeId, keepId)
    moveChildren(db, childIds, mergeId, keepId, at)
    const readsMoved = readIds.length
    const childrenMoved = childIds.length

    writeAudit(db, at, {
      actor,
      action: 'merge',
      entity: 'patient',
      entityId: keepId,
      detail: { mergedId: mergeId, visitIds, readIds, childIds, filledFields }
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

export interface UnmergeResult {
  keepId: string
  restoredId: string
  visitsMoved: number
  readsMoved: number
  childrenMoved: number
}

interface MergeDetail {
  mergedId: string
  visitIds: string[]
  readIds: string[]
  childIds: string[]
  filledFields: string[]
}

/**
 * Undoes a merge made by mergePatients: the duplicate becomes a live record again with its own ID number, and the
 * visits, reads and children that were moved go back (anything added to the kept record since stays there). Fields
 * the kept record took from the duplicate are given back unless someone changed them since. One transaction.
 */
export function unmergePatients(
  db: Db,
  mergedId: string,
  actor: string,
  options: MergeOptions = {}
): UnmergeResult {
  const repo = new PatientsRepo(db)
  const clock = options.clock ?? systemClock
  const run = db.transaction((): UnmergeResult => {
    const merged = repo.get(mergedId)
    if (!merged) throw notFound(mergedId)
    const keepId = merged.merged_into
    if (keepId === null) throw AppError.of('VALIDATION', 'error.merge.notMerged')
    const entry = lastMergeDetail(db, keepId, mergedId)
    const mergedForm = formBefore(db, mergedId, `merged_into:${keepId}`)
    if (entry === null || !mergedForm) throw AppError.of('CONFLICT', 'error.merge.trailMissing')
    const detail = JSON.parse(entry) as MergeDetail
    const at = clock().toISOString()
    const keep = repo.get(keepId)!
    const keepNow = JSON.parse(keep.form_json) as PatientForm
    const keepBefore = formBefore(db, keepId, `merge:${mergedId}`)

    // Give back what the kept record took, where it still holds exactly the duplicate's value.
    if (keepBefore) {
      const restored: PatientForm = { ...keepNow }
      const fields = new Set(detail.filledFields.map((f) => f.split('.')[0] as keyof PatientForm))
      for (const field of fields)
        if (JSON.stringify(keepNow[field]) === JSON.stringify(mergedForm[field]))
          Object.assign(restored, { [field]: keepBefore[field] })
      const changes = diffForms(keepNow, restored)
      if (changes.length > 0) {
        repo.addHistory(keepId, at, keepNow, changes, `unmerge:${mergedId}`)
        repo.update({ id: keepId, code: keep.code, form: restored, nameFolded: keep.name_folded, at })
      }
    }
    const idFree = mergedForm.idNumber !== null && repo.findByIdNumber(mergedForm.idNumber) === undefined
    markUnmerged(db, mergedId, idFree ? mergedForm.idNumber : null, at)
    repo.addHistory(mergedId, at, mergedForm, ['merged_into'], `unmerged_from:${keepId}`)
    const visitsMoved = detail.visitIds.filter((id) => visitIsOn(db, id, keepId)).length
    moveVisits(db, detail.visitIds, keepId, mergedId)
    moveReads(db, detail.readIds, keepId, mergedId)
    moveChildren(db, detail.childIds, keepId, mergedId, at)
    writeAudit(db, at, {
      actor,
      action: 'update',
      entity: 'patient',
      entityId: mergedId,
      detail: { unmergedFrom: keepId, visitIds: detail.visitIds, reason: options.reason ?? null }
    })
    return {
      keepId,
      restoredId: mergedId,
      visitsMoved,
      readsMoved: detail.readIds.length,
      childrenMoved: detail.childIds.length
    }
  })
  return run.immediate()
}
