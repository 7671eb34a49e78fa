import type { Db } from './connection'

/** The HIS Patient.id kept for a local patient, if the HIS gave one. */
export function hisPatientIdOf(db: Db, patientId: string): string | null {
  const row = db
    .prepare<[string], { his_patient_id: string | null }>('SELECT his_patient_id FROM patients WHERE id = ?')
    .get(patientId)
  return row?.his_patient_id ?? null
}

/** Keeps the HIS Patient.id on a patient that has none yet: the first id the HIS gave stays. */
export function keepHisPatientId(db: Db, patientId: string, hisPatientId: string): void {
  db.prepare('UPDATE patients SET his_patient_id = ? WHERE id = ? AND his_patient_id IS NULL').run(
    hisPatientId,
    patientId
  )
}
