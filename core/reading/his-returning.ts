import { localized } from '../../contract/messages'
import type { Sex } from '../../contract/identity'
import type { PatientForm } from '../../contract/patient'
import type { CodedIdentity, ReadingWarning } from '../../contract/reading'
import type { HisLookupResult, HisPatientHit } from '../sync/connectors/fhir/patient-lookup'
import { describeChanges } from '../patients/matching'
import type { HisMemory } from './his-memory'

function sexFromFhir(gender: string | null): Sex | null {
  return gender === 'male' ? 'male' : gender === 'female' ? 'female' : gender === 'other' ? 'other' : null
}

/** The HIS's record as a form: the card's values where the HIS says nothing. */
function hisRecordAsForm(hit: HisPatientHit, card: PatientForm): PatientForm {
  return {
    ...card,
    fullName: hit.fullName ?? card.fullName,
    dateOfBirth: hit.birthDate ?? card.dateOfBirth,
    sex: sexFromFhir(hit.gender) ?? card.sex
  }
}

/** Said once, beside the other warnings, never blocking: the desk registers on its own records. */
export function hisOfflineWarning(): ReadingWarning {
  const { key, message } = localized('his.offline')
  return { code: 'HIS_OFFLINE', field: null, blocking: false, key, message }
}

/**
 * The HIS's answer applied to a coded card that matched nothing on this computer: a hit makes the patient
 * returning from the HIS (its Patient.id kept, what the card says differently listed); offline adds the
 * "searched this computer only" warning; not found leaves a new patient.
 */
export function withHisAnswer(coded: CodedIdentity, answer: HisLookupResult | null): CodedIdentity {
  if (answer === null || coded.returning !== null) return coded
  if (answer.state === 'not-found') return { ...coded, hisLookup: 'not-found' }
  if (answer.state === 'offline') {
    return { ...coded, warnings: [...coded.warnings, hisOfflineWarning()], hisLookup: 'offline' }
  }
  const { hit } = answer
  const changes = describeChanges(hisRecordAsForm(hit, coded.form), coded.form).map(
    ({ field, key, params, message }) => ({ field, key, params, message })
  )
  return {
    ...coded,
    hisLookup: 'found',
    returning: {
      patientId: null,
      source: 'his',
      hisPatientId: hit.hisId,
      fullName: hit.fullName ?? coded.form.fullName,
      by: 'idNumber',
      changes
    }
  }
}

/** Asks the HIS only when this computer has no record for the card's ID number. Never throws. */
export async function withHisPatient(coded: CodedIdentity, his: HisMemory): Promise<CodedIdentity> {
  const idNumber = coded.form.idNumber
  if (coded.returning !== null || !idNumber) return coded
  return withHisAnswer(coded, await his.ask(idNumber))
}
