import { mergeCardDetails } from '../../../contract/rules/card-details'
import type { PatientForm } from '../../../contract/patient'
import { fromPatientForm, type FieldName, type FormState } from './form-state'

/** Fields a card (QR or chip) can fill; visit details, phone and BHYT are the clerk's. */
export const CARD_FIELDS = [
  'fullName',
  'dob',
  'sex',
  'idNumber',
  'oldIdNumber',
  'ethnicityCode',
  'nationalityCode',
  'addressText',
  'provinceCode',
  'communeCode',
  'unitListVersion'
] as const satisfies readonly FieldName[]
export type CardField = (typeof CARD_FIELDS)[number]

export interface FieldConflict {
  field: CardField
  /** What the card says; the clerk's value stays until they choose the card's. */
  cardValue: string
}

export interface ApplyResult {
  state: FormState
  filled: CardField[]
  /** Fields whose value the card gave again unchanged (a chip confirming what the QR filled). */
  confirmed: CardField[]
  conflicts: FieldConflict[]
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === ''

/**
 * Fills the form from a coded card identity. A field the clerk has edited is never overwritten silently: if the
 * card disagrees it becomes a conflict the clerk resolves. Empty card values never erase anything (a QR lacks
 * ethnicity; the chip fills it later).
 */
export function applyCardForm(
  current: FormState,
  edited: ReadonlySet<FieldName>,
  card: PatientForm
): ApplyResult {
  const incoming = fromPatientForm(card)
  const next: FormState = { ...current, cardDetails: mergeCardDetails(current.cardDetails, card.cardDetails) }
  const filled: CardField[] = []
  const confirmed: CardField[] = []
  const conflicts: FieldConflict[] = []
  for (const field of CARD_FIELDS) {
    const value = incoming[field]
    if (isEmpty(value)) continue
    if (value === current[field]) {
      confirmed.push(field)
      continue
    }
    if (edited.has(field) && !isEmpty(current[field])) {
      conflicts.push({ field, cardValue: String(value) })
      continue
    }
    ;(next as unknown as Record<string, unknown>)[field] = value
    filled.push(field)
  }
  // The commune only makes sense with its province and list version: never keep a stale commune.
  if (filled.includes('provinceCode') && !filled.includes('communeCode') && !edited.has('communeCode')) {
    next.communeCode = ''
  }
  return { state: next, filled, confirmed, conflicts }
}
