import type { Db } from '../../db/connection'
import { findByNameAndDob, findByPhoneKey } from '../../db/patient-lookup'
import { PatientsRepo } from '../../db/patients'
import { foldVietnamese } from '../../contract/rules/text'
import type { PatientSummary } from '../../contract/patient'
import { phoneKey } from './phone'

export type DuplicateReason = 'name-dob' | 'phone'

export interface PossibleDuplicate {
  patient: PatientSummary
  reasons: DuplicateReason[]
}

export interface TypedRecord {
  fullName: string
  dateOfBirth: string
  phone: string | null
  idNumber: string | null
}

/** Most twins offered: the clerk reads them in one glance. */
const MAX_OFFERED = 5

/**
 * Records that may be the person being typed by hand (docs/adr/0027): the same folded name and date of birth, or
 * the same phone in its normal form. An ID number already on file needs no guess (saving matches by it), so it
 * offers nothing; a record carrying another ID number is another person, so it is left out.
 */
export function possibleDuplicates(db: Db, typed: TypedRecord): PossibleDuplicate[] {
  if (typed.idNumber !== null && new PatientsRepo(db).findByIdNumber(typed.idNumber)) return []
  const found = new Map<string, PossibleDuplicate>()
  const add = (list: PatientSummary[], reason: DuplicateReason): void => {
    for (const patient of list) {
      if (typed.idNumber !== null && patient.idNumber !== null && patient.idNumber !== typed.idNumber)
        continue
      const entry = found.get(patient.id) ?? { patient, reasons: [] }
      entry.reasons.push(reason)
      found.set(patient.id, entry)
    }
  }
  const name = foldVietnamese(typed.fullName.trim())
  if (name !== '' && typed.dateOfBirth !== '')
    add(findByNameAndDob(db, name, typed.dateOfBirth, MAX_OFFERED), 'name-dob')
  const phone = typed.phone === null ? null : phoneKey(typed.phone)
  if (phone !== null) add(findByPhoneKey(db, phone, MAX_OFFERED), 'phone')
  // Both reasons first: the likeliest twin leads.
  return [...found.values()].sort((a, b) => b.reasons.length - a.reasons.length).slice(0, MAX_OFFERED)
}
