import { emptyIdentity, type Identity, type Sex } from '../../contract/identity'
import { isAnyIdNumber, isIdNumber } from '../../contract/rules/id-number'
import { isAppError, type AppError } from '../../contract/errors'
import { decodeTlv, decodeTlvList, tlvSize, type Tlv } from '../icao/tlv'
import { parseSlashDate, isFullDate } from './dates'
import { chipFieldInvalid } from './errors'
import { cardGeneration, DG13_FIELD, type CardGeneration } from './dg13-fields'
import { decodeAsn1String, isStringTag } from './strings'
import { foldVietnamese } from '../../contract/rules/text'
import { cleanOptional } from './text'
import { checkIdNumber } from './id-number'
import { warning, type CccdWarning } from './warnings'

/** A DG13 field this decoder does not map (numbers 16+, or a field whose content was unexpected). */
export interface Dg13ExtraField {
  fieldNumber: number
  /** The field's value elements as encoded on the chip (everything after the INTEGER). */
  raw: Uint8Array
  /** Every string found in the value, NFC, in order; empty when none decodes as text. */
  texts: string[]
}

export interface Dg13Decoded {
  identity: Identity
  extra: Dg13ExtraField[]
  /** 2021 CCCD or 2024 Căn cước, from the issue date (decides the labels of fields 8 and 9). */
  generation: CardGeneration
  /** Consistency findings (ID number vs date of birth and sex, unusual old ID). */
  warnings: CccdWarning[]
}

const TAG_DG13 = 0x6d
const TAG_SEQUENCE = 0x30
const TAG_SET = 0x31
const TAG_INTEGER = 0x02
/** DG13 is a few hundred bytes; anything this large is not a DG13. */
const MAX_DG13_BYTES = 64 * 1024
const MAX_LEAVES = 64

/** Runs a TLV step and turns a generic TLV error into one that names the DG13 field. */
function atField<T>(field: number | null, step: () => T): T {
  try {
    return step()
  } catch (e) {
    if (isAppError(e)) {
      throw chipFieldInvalid(field, e.message)
    }
    throw e
  }
}

function fail(field: number, reasonEn: string): AppError {
  return chipFieldInvalid(field, reasonEn)
}

function readFieldNumber(tlv: Tlv | undefined): number {
  if (
    !tlv ||
    tlv.tag !== TAG_INTEGER ||
    tlv.value.length < 1 ||
    tlv.value.length > 2 ||
    (tlv.value[0]! & 0x80) !== 0
  ) {
    throw chipFieldInvalid(null, 'field SEQUENCE does not start with a small positive INTEGER')
  }
  return tlv.value.length === 1 ? tlv.value[0]! : (tlv.value[0]! << 8) | tlv.value[1]!
}

/** Collects the string leaves under a list of elements, depth first, in order (as decoded: not yet NFC). */
function stringLeaves(field: number, elements: readonly Tlv[], strict: boolean, depth = 0): string[] {
  if (depth > 4) throw fail(field, 'value nested too deep')
  const out: string[] = []
  for (const el of elements) {
    if (el.constructed) {
      const children = atField(field, () => decodeTlvList(el.value))
      out.push(...stringLeaves(field, children, strict, depth + 1))
    } else if (isStringTag(el.tag)) {
      const text = decodeAsn1String(el.tag, el.value)
      if (text === null) {
        if (strict) throw fail(field, `tag ${el.tag.toString(16)} holds bytes that are not valid text`)
        continue
      }
      // NFC comes with cleanOptional, which every caller applies to each leaf.
      out.push(text)
    } else if (strict) {
      throw fail(field, `unexpected tag ${el.tag.toString(16)} where text was expected`)
    }
    if (out.length > MAX_LEAVES) throw fail(field, 'too many values')
  }
  return out
}

interface RawField {
  number: number
  elements: Tlv[]
  raw: Uint8Array
}

function splitFields(bytes: Uint8Array): RawField[] {
  if (bytes.length === 0) throw chipFieldInvalid(null, 'empty file')
  if (bytes.length > MAX_DG13_BYTES) throw chipFieldInvalid(null, `file too large (${bytes.length} bytes)`)
  const root = atField(null, () => decodeTlv(bytes, 0))
  if (root.tag !== TAG_DG13) {
    throw chipFieldInvalid(null, `expected tag 6D, found ${root.tag.toString(16)}`)
  }
  // A reader may hand over the padded tail of its last READ BINARY chunk: only filler may follow.
  for (let i = tlvSize(root); i < bytes.length; i++) {
    if (bytes[i] !== 0x00 && bytes[i] !== 0xff) throw chipFieldInvalid(null, 'data after the DG13 object')
  }
  const top = atField(null, () => decodeTlvList(root.value))
  const sequence = top.find((t) => t.tag === TAG_SEQUENCE)
  const inner = sequence ? atField(null, () => decodeTlvList(sequence.value)) : top
  const set = inner.find((t) => t.tag === TAG_SET)
  if (!set) throw chipFieldInvalid(null, 'no SET of fields')
  const fieldTlvs = atField(null, () => decodeTlvList(set.value))
  const seen = new Set<number>()
  return fieldTlvs.map((f) => {
    if (f.tag !== TAG_SEQUENCE) {
      throw chipFieldInvalid(null, `field entry has tag ${f.tag.toString(16)}, expected 30`)
    }
    const first = f.value.length === 0 ? undefined : atField(null, () => decodeTlv(f.value, 0))
    const number = readFieldNumber(first)
    const raw = f.value.subarray(tlvSize(first!))
    const elements = atField(number, () => decodeTlvList(raw))
    if (seen.has(number)) throw fail(number, 'field appears twice')
    seen.add(number)
    return { number, elements, raw }
  })
}

function singleText(field: RawField): string | null {
  const leaves = stringLeaves(field.number, field.elements, true)
  if (leaves.length > 1) throw fail(field.number, `expected one text value, found ${leaves.length}`)
  return cleanOptional(leaves[0])
}

function parseSex(field: number, text: string): Sex {
  const word = foldVietnamese(text)
  if (word === 'nam') return 'male'
  if (word === 'nu') return 'female'
  throw fail(field, 'sex is neither "Nam" nor "Nữ"')
}

function parseFullDate(field: number, text: string): string {
  const iso = parseSlashDate(text)
  if (!isFullDate(iso)) throw fail(field, 'not a dd/mm/yyyy date')
  return iso
}

function isNoExpiry(text: string): boolean {
  const word = foldVietnamese(text)
  return word.includes('khong') && word.includes('thoi han')
}

/**
 * Decodes EF.DG13 of a CCCD / Căn cước chip (docs/cccd-card.md §5) into the contract's Identity.
 * Fields are found by their number, never by position; absent fields stay null; numbers this
 * decoder does not know are returned raw in `extra`. Any structural fault or an unreadable value of
 * a known field throws AppError CHIP_DATA_INVALID naming the field.
 */
/** DG13 fields kept as the card prints them (NFC text, null when absent). */
const PLAIN_TEXT_FIELDS = {
  [DG13_FIELD.nationality]: 'nationality',
  [DG13_FIELD.ethnicity]: 'ethnicity',
  [DG13_FIELD.religion]: 'religion',
  [DG13_FIELD.placeOfOrigin]: 'placeOfOrigin',
  [DG13_FIELD.placeOfResidence]: 'placeOfResidence',
  [DG13_FIELD.identifyingFeatures]: 'identifyingFeatures'
} as const

export function decodeDg13(bytes: Uint8Array): Dg13Decoded {
  const fields = splitFields(bytes)
  const identity = emptyIdentity('chip')
  const extra: Dg13ExtraField[] = []
  const warnings: CccdWarning[] = []
  let nameSeen = false

  for (const field of fields) {
    const n = field.number
    switch (n) {
      case DG13_FIELD.idNumber: {
        const text = singleText(field)
        if (text === null) break
        if (!isIdNumber(text)) throw fail(n, 'ID number is not 12 digits')
        identity.idNumber = text
        break
      }
      case DG13_FIELD.fullName: {
        const text = singleText(field)
        if (text === null) throw fail(n, 'full name is empty')
        identity.fullName = text
        nameSeen = true
        break
      }
      case DG13_FIELD.dateOfBirth: {
        const text = singleText(field)
        if (text === null) break
        const iso = parseSlashDate(text)
        if (iso === null) throw fail(n, 'not a dd/mm/yyyy, mm/yyyy or yyyy date')
        identity.dateOfBirth = iso
        break
      }
      case DG13_FIELD.sex: {
        const text = singleText(field)
        if (text !== null) identity.sex = parseSex(n, text)
        break
      }
      case DG13_FIELD.nationality:
      case DG13_FIELD.ethnicity:
      case DG13_FIELD.religion:
      case DG13_FIELD.placeOfOrigin:
      case DG13_FIELD.placeOfResidence:
      case DG13_FIELD.identifyingFeatures:
        identity[PLAIN_TEXT_FIELDS[n]] = singleText(field)
        break
      case DG13_FIELD.issueDate: {
        const text = singleText(field)
        if (text !== null) identity.issueDate = parseFullDate(n, text)
        break
      }
      case DG13_FIELD.expiryDate: {
        const text = singleText(field)
        if (text === null) break
        if (isNoExpiry(text)) {
          identity.noExpiry = true
          identity.expiryDate = null
        } else {
          identity.expiryDate = parseFullDate(n, text)
        }
        break
      }
      case DG13_FIELD.parents: {
        // Two nestings are seen in the wild; the string leaves are father then mother either way.
        const leaves = stringLeaves(n, field.elements, true).map((t) => cleanOptional(t))
        identity.fatherName = leaves[0] ?? null
        identity.motherName = leaves[1] ?? null
        break
      }
      case DG13_FIELD.spouse: {
        const leaves = stringLeaves(n, field.elements, true).map((t) => cleanOptional(t))
        identity.spouseName = leaves.find((t) => t !== null) ?? null
        break
      }
      case DG13_FIELD.oldIdNumber: {
        const text = singleText(field)
        if (text === null) break
        if (isAnyIdNumber(text)) {
          identity.oldIdNumber = text
        } else {
          // Some chips carry another document number here (docs/cccd-card.md §5.2): keep it, don't fail.
          extra.push({ fieldNumber: n, raw: field.raw, texts: [text] })
          warnings.push(warning('OLD_ID_UNUSUAL', undefined, 'warning.OLD_ID_UNUSUAL.chip'))
        }
        break
      }
      default:
        extra.push({
          fieldNumber: n,
          raw: field.raw,
          texts: stringLeaves(n, field.elements, false)
            .map((t) => cleanOptional(t))
            .filter((t): t is string => t !== null)
        })
    }
  }
  if (!nameSeen) throw fail(DG13_FIELD.fullName, 'full name is missing')
  let checked: CccdWarning[] | undefined
  return {
    identity,
    extra,
    generation: cardGeneration(identity.issueDate),
    // Worked out when asked: the chip read needs the identity at once, the consistency findings later.
    get warnings() {
      checked ??= [
        ...warnings,
        ...(identity.idNumber !== null
          ? checkIdNumber(identity.idNumber, identity.dateOfBirth, identity.sex)
          : [])
      ]
      return checked
    }
  }
}
