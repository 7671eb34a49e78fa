import type { Identity } from '../../contract/identity'
import { concat } from '../icao/bytes'
import { encodeTlv, encodeConstructed } from '../icao/tlv'
import { DG13_FIELD } from './dg13-fields'
import { TAG_PRINTABLE_STRING, TAG_UTF8_STRING } from './strings'

/**
 * Builds a DG13 the way CCCD chips lay it out (docs/cccd-card.md §5.1), for fixtures and the virtual chip.
 * Dates are written dd/mm/yyyy; partial dates as mm/yyyy or yyyy.
 */

export interface Dg13EncodeOptions {
  /** 'separate': SEQ{INT 13, SEQ{father}, SEQ{mother}} (appota); 'joint': SEQ{INT 13, SEQ{father, mother}} (NghiaLio). */
  parentsNesting?: 'separate' | 'joint'
  /** Write field 14 as an empty `30 03 02 01 0E` when there is no spouse (as real unmarried holders' cards do). */
  emptySpouseField?: boolean
  /** Extra fields appended verbatim: number + already-encoded value elements. */
  extraFields?: { fieldNumber: number; raw: Uint8Array }[]
  /** Text written in field 12 when the card has no expiry. */
  noExpiryText?: string
}

const text = (value: string): Uint8Array => new TextEncoder().encode(value)
const utf8 = (value: string): Uint8Array => encodeTlv(TAG_UTF8_STRING, text(value))
const printable = (value: string): Uint8Array => encodeTlv(TAG_PRINTABLE_STRING, text(value))

function fieldNumber(n: number): Uint8Array {
  return n < 0x80 ? encodeTlv(0x02, Uint8Array.of(n)) : encodeTlv(0x02, Uint8Array.of(n >> 8, n & 0xff))
}

function field(n: number, ...values: Uint8Array[]): Uint8Array {
  return encodeConstructed(0x30, fieldNumber(n), ...values)
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', 'YYYY-MM' → 'mm/yyyy', 'YYYY' → 'yyyy'. */
export function slashDate(iso: string): string {
  return iso.split('-').reverse().join('/')
}

export function encodeDg13(identity: Identity, options: Dg13EncodeOptions = {}): Uint8Array {
  const fields: Uint8Array[] = []
  const put = (n: number, value: string | null, string: (v: string) => Uint8Array = utf8): void => {
    if (value !== null) fields.push(field(n, string(value)))
  }
  put(DG13_FIELD.idNumber, identity.idNumber, printable)
  put(DG13_FIELD.fullName, identity.fullName)
  put(DG13_FIELD.dateOfBirth, identity.dateOfBirth && slashDate(identity.dateOfBirth), printable)
  put(DG13_FIELD.sex, identity.sex === 'male' ? 'Nam' : identity.sex === 'female' ? 'Nữ' : null)
  put(DG13_FIELD.nationality, identity.nationality)
  put(DG13_FIELD.ethnicity, identity.ethnicity)
  put(DG13_FIELD.religion, identity.religion)
  put(DG13_FIELD.placeOfOrigin, identity.placeOfOrigin)
  put(DG13_FIELD.placeOfResidence, identity.placeOfResidence)
  put(DG13_FIELD.identifyingFeatures, identity.identifyingFeatures)
  put(DG13_FIELD.issueDate, identity.issueDate && slashDate(identity.issueDate), printable)
  put(
    DG13_FIELD.expiryDate,
    identity.noExpiry
      ? (options.noExpiryText ?? 'Không thời hạn')
      : identity.expiryDate && slashDate(identity.expiryDate)
  )
  if (identity.fatherName !== null || identity.motherName !== null) {
    const father = utf8(identity.fatherName ?? '')
    const mother = utf8(identity.motherName ?? '')
    fields.push(
      options.parentsNesting === 'joint'
        ? field(DG13_FIELD.parents, encodeConstructed(0x30, father, mother))
        : field(DG13_FIELD.parents, encodeConstructed(0x30, father), encodeConstructed(0x30, mother))
    )
  }
  if (identity.spouseName !== null)
    fields.push(field(DG13_FIELD.spouse, encodeConstructed(0x30, utf8(identity.spouseName))))
  else if (options.emptySpouseField) fields.push(field(DG13_FIELD.spouse))
  put(DG13_FIELD.oldIdNumber, identity.oldIdNumber, printable)
  for (const extra of options.extraFields ?? []) fields.push(field(extra.fieldNumber, extra.raw))

  const version = encodeTlv(0x02, Uint8Array.of(1))
  // OID 1.0.10646.1.0.8, as on real chips.
  const oid = encodeTlv(0x06, Uint8Array.of(0x28, 0xd3, 0x16, 0x01, 0x00, 0x08))
  const set = encodeTlv(0x31, concat(...fields))
  return encodeConstructed(0x6d, encodeConstructed(0x30, version, oid, set))
}
