import type { BhytCheckResult, SubmissionBhyt } from '../../contract/bhyt'
import type { PatientForm } from '../../contract/patient'
import type { BhytCheckRow } from '../../db/bhyt-checks'

/**
 * The card a visit carries, from its current check (docs/adr/0023): a usable card as BHXH returned it; an
 * unverified one with only the card number the desk had (the patient's form); a refused one with none, so a card
 * BHXH said cannot be used never reaches XML1.
 */
export function resultOf(row: Pick<BhytCheckRow, 'resultJson'>): BhytCheckResult | null {
  if (!row.resultJson) return null
  try {
    return JSON.parse(row.resultJson) as BhytCheckResult
  } catch {
    return null
  }
}

export function visitCardFrom(
  row: Pick<BhytCheckRow, 'status' | 'resultJson'>,
  form: Pick<PatientForm, 'bhytCardNumber'>
): SubmissionBhyt {
  const result = resultOf(row)
  // An old card still valid with a new one issued (004): the clerk's choice of the new card shows in the form.
  const chosen =
    result?.newCard?.cardNumber && form.bhytCardNumber === result.newCard.cardNumber
      ? { ...result.card, ...result.newCard }
      : result?.card
  const card = row.status === 'verified' && result?.usable ? (chosen ?? null) : null
  if (card?.cardNumber) {
    return {
      status: 'verified',
      cardNumber: card.cardNumber,
      registeredFacility: card.registeredFacility,
      validFrom: card.validFrom,
      validTo: card.validTo,
      areaCode: card.areaCode,
      fiveYearsFrom: card.fiveYearsFrom
    }
  }
  const status = row.status === 'verified' ? 'unverified' : row.status
  return {
    status,
    cardNumber: status === 'refused' ? null : form.bhytCardNumber,
    registeredFacility: null,
    validFrom: null,
    validTo: null,
    areaCode: null,
    fiveYearsFrom: null
  }
}

/** A usable card's number for a form that has none yet (the clerk's own entry is never replaced here). */
export function formWithCheckedCard<F extends Pick<PatientForm, 'bhytCardNumber'>>(
  form: F,
  card: SubmissionBhyt
): F {
  if (card.status !== 'verified' || !card.cardNumber || form.bhytCardNumber) return form
  return { ...form, bhytCardNumber: card.cardNumber }
}

/**
 * A check belongs to the form it is saved with when what was asked (the ID or a card code), or the card BHXH
 * returned, is the form's ID number or card number: a check of the previous patient never lands on the next one.
 */
export function checkMatchesForm(
  row: Pick<BhytCheckRow, 'cardKey' | 'resultJson'>,
  form: Pick<PatientForm, 'idNumber' | 'bhytCardNumber'>
): boolean {
  const keys = new Set([form.idNumber, form.bhytCardNumber].filter((k): k is string => Boolean(k)))
  const result = resultOf(row)
  return [row.cardKey.toUpperCase(), result?.card?.cardNumber, result?.newCard?.cardNumber].some(
    (k) => k !== null && k !== undefined && keys.has(k)
  )
}
