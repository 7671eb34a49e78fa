import { asciiBytes, asciiString } from '../bytes'
import { chipDataInvalid } from '../errors'
import { mrzCheckDigitOrUndefined } from '../mrz'
import { decodeSingleTlv, decodeTlvList, encodeTlv, requireTlv } from '../tlv'

/** DG1: the MRZ (TD1 3×30 for ID cards such as CCCD, TD3 2×44 for passports), check digits enforced. */

export interface MrzFields {
  format: 'TD1' | 'TD3'
  documentCode: string
  issuingState: string
  /** Full document number, including the TD1 overflow into the optional data. */
  documentNumber: string
  /** TD1 optional data of line 1 (after any overflow), TD3 personal number; '<' fillers removed at the end. */
  optionalData1: string
  /** TD1 optional data of line 2; empty for TD3. */
  optionalData2: string
  /** YYMMDD as printed (century unknown). */
  dateOfBirth: string
  dateOfExpiry: string
  sex: 'M' | 'F' | 'X'
  nationality: string
  /** Latin transliteration from the MRZ ('<' as separator); not for display when DG13 is available. */
  surname: string
  givenNames: string
  lines: string[]
}

function field(text: string): string {
  return text.replace(/<+$/, '')
}

function names(text: string): { surname: string; givenNames: string } {
  const [surname = '', ...rest] = text.split('<<')
  return {
    surname: surname.replace(/<+/g, ' ').trim(),
    givenNames: rest.join(' ').replace(/<+/g, ' ').trim()
  }
}

function check(text: string, digit: string, name: string, failed: string[]): void {
  const expected = mrzCheckDigitOrUndefined(text)
  const got = digit === '<' ? 0 : Number(digit)
  if (expected === undefined || expected !== got) failed.push(name)
}

function sexOf(ch: string): 'M' | 'F' | 'X' {
  return ch === 'M' || ch === 'F' ? ch : 'X'
}

/** Parses the MRZ text (90 chars TD1 or 88 chars TD3, without line breaks). */
export function parseMrz(mrz: string): MrzFields {
  if (!/^[A-Z0-9<]*$/.test(mrz)) throw chipDataInvalid('MRZ: characters outside the MRZ alphabet')
  const failed: string[] = []
  let result: MrzFields
  if (mrz.length === 90) {
    const l1 = mrz.slice(0, 30)
    const l2 = mrz.slice(30, 60)
    const l3 = mrz.slice(60, 90)
    let documentNumber = l1.slice(5, 14)
    let optional1 = l1.slice(15, 30)
    if (l1[14] === '<' && optional1[0] !== '<') {
      // Long document number: continues in the optional data, ending with its check digit before a '<'.
      const end = optional1.indexOf('<')
      const overflow = end < 0 ? optional1 : optional1.slice(0, end)
      if (overflow.length < 2) failed.push('documentNumber')
      documentNumber = field(documentNumber) + overflow.slice(0, -1)
      check(documentNumber, overflow.slice(-1), 'documentNumber', failed)
      optional1 = end < 0 ? '' : optional1.slice(end + 1)
    } else {
      check(documentNumber, l1[14]!, 'documentNumber', failed)
    }
    check(l2.slice(0, 6), l2[6]!, 'dateOfBirth', failed)
    check(l2.slice(8, 14), l2[14]!, 'dateOfExpiry', failed)
    check(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), l2[29]!, 'composite', failed)
    result = {
      format: 'TD1',
      documentCode: field(l1.slice(0, 2)),
      issuingState: field(l1.slice(2, 5)),
      documentNumber: field(documentNumber),
      optionalData1: field(optional1),
      optionalData2: field(l2.slice(18, 29)),
      dateOfBirth: l2.slice(0, 6),
      dateOfExpiry: l2.slice(8, 14),
      sex: sexOf(l2[7]!),
      nationality: field(l2.slice(15, 18)),
      ...names(l3),
      lines: [l1, l2, l3]
    }
  } else if (mrz.length === 88) {
    const l1 = mrz.slice(0, 44)
    const l2 = mrz.slice(44, 88)
    check(l2.slice(0, 9), l2[9]!, 'documentNumber', failed)
    check(l2.slice(13, 19), l2[19]!, 'dateOfBirth', failed)
    check(l2.slice(21, 27), l2[27]!, 'dateOfExpiry', failed)
    if (field(l2.slice(28, 42)) !== '' || l2[42] !== '<')
      check(l2.slice(28, 42), l2[42]!, 'personalNumber', failed)
    check(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), l2[43]!, 'composite', failed)
    result = {
      format: 'TD3',
      documentCode: field(l1.slice(0, 2)),
      issuingState: field(l1.slice(2, 5)),
      documentNumber: field(l2.slice(0, 9)),
      optionalData1: field(l2.slice(28, 42)),
      optionalData2: '',
      dateOfBirth: l2.slice(13, 19),
      dateOfExpiry: l2.slice(21, 27),
      sex: sexOf(l2[20]!),
      nationality: field(l2.slice(10, 13)),
      ...names(l1.slice(5, 44)),
      lines: [l1, l2]
    }
  } else {
    throw chipDataInvalid('MRZ: length is neither TD1 (90) nor TD3 (88)', { length: mrz.length })
  }
  if (failed.length > 0) throw chipDataInvalid(`MRZ check digits fail: ${failed.join(', ')}`, { failed })
  return result
}

/** DG1 = 61 { 5F1F <MRZ> }. */
export function parseDg1(bytes: Uint8Array): MrzFields {
  const root = decodeSingleTlv(bytes, 0x61)
  const mrz = requireTlv(decodeTlvList(root.value), 0x5f1f, 'DG1')
  return parseMrz(asciiString(mrz.value))
}

/** Builds DG1 from MRZ text (line breaks ignored). For fixtures and the virtual chip. */
export function buildDg1(mrz: string): Uint8Array {
  return encodeTlv(0x61, encodeTlv(0x5f1f, asciiBytes(mrz.replace(/\s+/g, ''))))
}
