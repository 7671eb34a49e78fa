import type { Db } from '../../db/connection'
import { isAnyIdNumber } from '../../contract/rules/id-number'
import {
  childRowsOf,
  findLiveByOldIdNumber,
  PatientsRepo,
  setBirthWeight,
  toSummary,
  type PatientRow
} from '../../db/patients'
import { AppError } from '../../contract/errors'
import type { Sex } from '../../contract/identity'
import type {
  PatientForm,
  PatientSummary,
  RegistrationInput,
  RegistrationResult,
  VisitForm
} from '../../contract/patient'
import { foldVietnamese, tidyText } from '../../contract/rules/text'

export type GuardianRelation = 'mother' | 'father' | 'guardian'

export interface ChildRegistration {
  /** The mother's or guardian's record: its id, or its 12-digit ID number (old 9/12-digit ID also works). */
  guardian: string
  relation: GuardianRelation
  /** Null for a newborn not yet named: the record is then called "Con của <mother's name>". */
  fullName: string | null
  dateOfBirth: string
  sex: Sex
  birthWeightGrams?: number | null
  /** The child's own or temporary BHYT card (mã thẻ tạm), when it has one. */
  bhytCardNumber?: string | null
  visit: VisitForm
  /** A second visit the same day for a child already on file (see core/reception/registration.ts). */
  confirmSameDay?: boolean
}

export interface ChildSummary extends PatientSummary {
  code: string
  relation: GuardianRelation
  birthWeightGrams: number | null
}

export type Register = (input: RegistrationInput) => RegistrationResult

/** The guardian's live record, found by record id or by ID number / old ID number. */
export function findGuardian(db: Db, guardian: string): PatientRow | undefined {
  const repo = new PatientsRepo(db)
  let row: PatientRow | undefined
  if (isAnyIdNumber(guardian)) {
    row = repo.findByIdNumber(guardian) ?? findLiveByOldIdNumber(db, guardian)
  } else row = repo.get(guardian)
  if (row?.merged_into) row = repo.get(row.merged_into)
  return row
}

function guardianNotFound(guardian: string): AppError {
  return AppError.of('NOT_FOUND', 'error.guardian.notFound').withDetail(
    `Guardian ${isAnyIdNumber(guardian) ? '(by ID number)' : guardian} not found`
  )
}

/** The children registered under a mother's or guardian's record (by record id or ID number), youngest first. */
export function childrenOf(db: Db, guardian: string): ChildSummary[] {
  const row = findGuardian(db, guardian)
  if (!row) throw guardianNotFound(guardian)
  return childRowsOf(db, row.id).map((r) => ({
    ...toSummary(r),
    code: r.code,
    relation: r.guardian_relation,
    birthWeightGrams: r.birth_weight_grams
  }))
}

function checkBirthWeight(grams: number | null | undefined): number | null {
  if (grams === null || grams === undefined) return null
  if (!Number.isInteger(grams) || grams < 200 || grams > 7000)
    throw AppError.of('VALIDATION', 'error.child.birthWeight')
  return grams
}

/**
 * Registers a child who has no card under the mother's (or guardian's) record: the child takes the guardian's
 * address (XML1 DIA_CHI rule for an uncarded child), ethnicity, nationality and phone, and a link to the
 * guardian. A child already registered under the same guardian with the same name and birth date is updated,
 * not duplicated. Everything, birth weight included, is saved in one transaction.
 */
export function registerChild(
  deps: { db: Db; register: Register },
  input: ChildRegistration
): RegistrationResult & { guardianId: string } {
  const { db, register } = deps
  const birthWeight = checkBirthWeight(input.birthWeightGrams)
  const run = db.transaction(() => {
    const guardian = findGuardian(db, input.guardian)
    if (!guardian) throw guardianNotFound(input.guardian)
    const gForm = JSON.parse(guardian.form_json) as PatientForm
    const fullName = tidyText(input.fullName ?? '') || `Con của ${guardian.full_name}`
    const existing = childrenOf(db, guardian.id).find(
      (c) => foldVietnamese(c.fullName) === foldVietnamese(fullName) && c.dateOfBirth === input.dateOfBirth
    )
    const form: PatientForm = {
      fullName,
      dateOfBirth: input.dateOfBirth,
      sex: input.sex,
      idNumber: null,
      oldIdNumber: null,
      bhytCardNumber: input.bhytCardNumber ?? null,
      ethnicityCode: gForm.ethnicityCode,
      nationalityCode: gForm.nationalityCode,
      occupationCode: null,
      address: gForm.address,
      phone: gForm.phone,
      guardian: {
        patientId: guardian.id,
        fullName: guardian.full_name,
        relation: input.relation,
        idNumber: guardian.id_number,
        phone: gForm.phone
      },
      cardDetails: null
    }
    const result = register({
      patientId: existing?.id ?? null,
      patient: form,
      visit: input.visit,
      identityReadId: null,
      source: 'manual',
      confirmSameDay: input.confirmSameDay ?? false
    })
    if (birthWeight !== null || existing === undefined) setBirthWeight(db, result.patientId, birthWeight)
    return { ...result, guardianId: guardian.id }
  })
  return run.immediate()
}
