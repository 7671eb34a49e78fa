import type { Db } from '../../db/connection'
import { PatientsRepo } from '../../db/patients'
import { AppError } from '../../contract/errors'
import type { PatientForm, PatientRecord } from '../../contract/patient'

/** A patient's full record with visits; a merged record resolves to the one it was merged into. */
export function getPatient(db: Db, id: string): PatientRecord {
  const repo = new PatientsRepo(db)
  let row = repo.get(id)
  if (row?.merged_into) row = repo.get(row.merged_into)
  if (!row) throw AppError.of('NOT_FOUND', 'error.patient.notFound')
  return {
    id: row.id,
    form: JSON.parse(row.form_json) as PatientForm,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    visits: repo.visitsOf(row.id)
  }
}
