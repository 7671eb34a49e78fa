import { emptyIdentity, type Identity, type Sex } from '../../contract/identity'
import { isAnyIdNumber, isIdNumber } from '../../contract/rules/id-number'
import { parseCompactDate, isFullDate, toCompactDate } from './dates'
import { qrInvalid } from './errors'
import { checkIdNumber } from './id-number'
import { marksDropped } from '../../contract/rules/scan-damage'
import { detectScanDamage, scanDamagedError } from './scan-damage'
import { cardGeneration, type CardGeneration } from './dg13-fields'
import { foldVietnamese } from '../../contract/rules/text'
import { cleanField } from './text'
import { warning, type CccdWarning } from './warnings'

/**
 * CCCD / Căn cước QR code (docs/cccd-card.md §8): `ID12|oldID|name|ddMMyyyy|Nam/Nữ|address|issue ddMMyyyy`,
 * 2024 cards add trailing fields whose meaning is not settled, so they are kept raw.
 */

export interface QrDecoded {
  identity: Identity
  warnings: CccdWarning[]
  /** Fields 7 and after, cleaned but otherwise as scanned (empty ones kept to preserve positions). */
  extraFields: string[]
  generation: CardGeneration
}

/** A CCCD QR never comes close to this; a longer text is something else. */
const MAX_QR_CHARS = 4096
const MIN_FIELDS = 7
/** BHYT health-insurance card number: 2 letters + 13 digits (its QR is also '|'-separated). */
const BHYT_CARD_NUMBER = /^[A-Z]{2}\d{13}$/

// Framing a scanner adds: BOM, NUL, STX/ETX, CR/LF suffixes.
// eslint-disable-next-line no-control-regex
const FRAMING = /[\uFEFF\u0000-\u001F\u007F]/g

function rejectForeignFormats(text: string): void {
  if (/^(https?:\/\/|www\.)/i.test(text)) {
    throw qrInvalid('URL', 'the text is a URL.')
  }
  if (/^[[{]/.test(text)) {
    throw qrInvalid('JSON', 'the text is JSON, not the card format.')
  }
  if (/^\s*(CCCD|CMND|SO_?CCCD|ID)\s*[:=]/i.test(text)) {
    throw qrInvalid('LABELLED', 'labelled format ("CCCD:…"), not the raw card QR.')
  }
}

function parseSex(word: string): Sex | null {
  const folded = foldVietnamese(word)
  if (folded === 'nam') return 'male'
  if (folded === 'nu') return 'female'
  return null
}

/**
 * Parses the text of a CCCD QR code. Throws AppError SCAN_DAMAGED when a keyboard-wedge scanner
 * mangled the text, QR_INVALID (with the reason) when the text is not a CCCD QR. Never returns a
 * half-filled identity.
 */
export function parseCccdQr(input: string): QrDecoded {
  if (input.length > MAX_QR_CHARS * 2) {
    throw qrInvalid('TOO_LONG', `text longer than ${MAX_QR_CHARS} characters.`)
  }
  const text = input.replace(FRAMING, (ch) => (ch === '\t' || ch === '\r' || ch === '\n' ? ' ' : '')).trim()
  if (text === '') throw qrInvalid('EMPTY', 'the text is empty.')
  if (text.length > MAX_QR_CHARS) {
    throw qrInvalid('TOO_LONG', `text longer than ${MAX_QR_CHARS} characters.`)
  }
  rejectForeignFormats(text)
  const damage = detectScanDamage(text)
  if (damage) throw scanDamagedError(damage)

  const raw = text.split('|')
  if (raw.length === 1) {
    throw qrInvalid('NOT_PIPE_SEPARATED', "no '|' separators.")
  }
  const fields = raw.map(cleanField)
  if (BHYT_CARD_NUMBER.test(fields[0] ?? '')) {
    throw qrInvalid('BHYT_CARD', 'this is a BHYT health-insurance card QR.', 0)
  }
  if (fields.length < MIN_FIELDS) {
    throw qrInvalid('TOO_FEW_FIELDS', `${fields.length} fields, at least ${MIN_FIELDS} needed.`, undefined, {
      count: fields.length,
      min: MIN_FIELDS
    })
  }
  const [idNumber = '', oldId = '', fullName = '', dobText = '', sexText = '', address = '', issueText = ''] =
    fields

  if (!isIdNumber(idNumber)) {
    throw qrInvalid('BAD_ID_NUMBER', 'field 0 is not a 12-digit ID.', 0)
  }
  if (fullName === '') throw qrInvalid('EMPTY_NAME', 'the name (field 2) is empty.', 2)
  const dateOfBirth = parseCompactDate(dobText)
  if (dateOfBirth === null) {
    throw qrInvalid('BAD_BIRTH_DATE', 'field 3 is not a valid ddMMyyyy date of birth.', 3)
  }
  const sex = parseSex(sexText)
  if (sex === null) throw qrInvalid('BAD_SEX', 'field 4 is not "Nam"/"Nữ".', 4)
  const issueDate = parseCompactDate(issueText)
  if (!isFullDate(issueDate)) {
    throw qrInvalid('BAD_ISSUE_DATE', 'field 6 is not a valid ddMMyyyy issue date.', 6)
  }

  const warnings: CccdWarning[] = []
  let oldIdNumber: string | null = null
  if (isAnyIdNumber(oldId)) oldIdNumber = oldId
  else if (oldId !== '') {
    warnings.push(warning('OLD_ID_UNUSUAL'))
  }
  warnings.push(...checkIdNumber(idNumber, dateOfBirth, sex))
  if (issueDate < dateOfBirth) {
    warnings.push(warning('ISSUE_BEFORE_BIRTH'))
  }
  // A keyboard wedge may silently drop every accented letter ("Nguyn Vn A"); a real name or address
  // almost always has one.
  if (marksDropped({ fullName, sex: sexText, address })) {
    warnings.push(warning('NO_DIACRITICS'))
  }

  const identity: Identity = {
    ...emptyIdentity('qr', fullName),
    idNumber,
    oldIdNumber,
    dateOfBirth,
    sex,
    placeOfResidence: address === '' ? null : address,
    issueDate
  }
  const extraFields = fields.slice(MIN_FIELDS)
  const generation = extraFields.length > 0 ? 'cancuoc2024' : cardGeneration(issueDate)
  return { identity, warnings, extraFields, generation }
}

/** Writes the QR text a card would carry for an identity (fixtures, round-trip tests, the virtual card). */
export function encodeCccdQr(identity: Identity, extraFields: readonly string[] = []): string {
  if (identity.idNumber === null || identity.dateOfBirth === null || identity.issueDate === null) {
    throw new RangeError('a CCCD QR needs the ID number, date of birth and issue date')
  }
  if (identity.sex !== 'male' && identity.sex !== 'female')
    throw new RangeError('a CCCD QR needs sex Nam or Nữ')
  return [
    identity.idNumber,
    identity.oldIdNumber ?? '',
    identity.fullName,
    toCompactDate(identity.dateOfBirth),
    identity.sex === 'male' ? 'Nam' : 'Nữ',
    identity.placeOfResidence ?? '',
    toCompactDate(identity.issueDate),
    ...extraFields
  ].join('|')
}
