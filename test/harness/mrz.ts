// TD1 MRZ (3 × 30) of a Vietnamese CCCD, built from an identity (docs/cccd-card.md §4), plus the BAC
// MRZ information and the CAN a reader derives from it.
import { mrzCheckDigit } from './virtual-chip/sm-crypto'

export interface CardMrz {
  lines: [string, string, string]
  /** Last 9 digits of the 12-digit ID. */
  documentNumber: string
  /** YYMMDD; '<' for unknown parts of a partial date. */
  dateOfBirth: string
  /** YYMMDD; 991231 for cards without expiry. */
  dateOfExpiry: string
  /** documentNumber + cd + dateOfBirth + cd + dateOfExpiry + cd: the BAC key seed input. */
  mrzInfo: string
  /** Last 6 digits of the ID (PACE CAN convention). */
  can: string
}

/** Latin-only MRZ name part: strip diacritics, Đ → D, uppercase, spaces → '<'. */
export function mrzName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z ]/g, '')
    .trim()
    .split(/\s+/)
    .join('<')
}

/** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' → YYMMDD with '<' for unknown parts. */
export function mrzDate(date: string): string {
  const [y, m, d] = date.split('-')
  return `${y!.slice(2)}${m ?? '<<'}${d ?? '<<'}`
}

const pad30 = (s: string) => (s + '<'.repeat(30)).slice(0, 30)

export function buildTd1Mrz(args: {
  idNumber: string
  fullName: string
  dateOfBirth: string
  sex: 'male' | 'female' | 'other' | null
  /** 'YYYY-MM-DD', or null for a card without expiry. */
  expiryDate: string | null
}): CardMrz {
  if (!/^\d{12}$/.test(args.idNumber)) throw new Error('idNumber must have 12 digits')
  const documentNumber = args.idNumber.slice(3)
  const optional = `${args.idNumber}<<`
  const line1 = `IDVNM${documentNumber}${mrzCheckDigit(documentNumber)}${optional}${mrzCheckDigit(optional)}`
  const dob = mrzDate(args.dateOfBirth)
  const exp = args.expiryDate ? mrzDate(args.expiryDate) : '991231'
  const sex = args.sex === 'male' ? 'M' : args.sex === 'female' ? 'F' : '<'
  const line2Head = `${dob}${mrzCheckDigit(dob)}${sex}${exp}${mrzCheckDigit(exp)}VNM${'<'.repeat(11)}`
  const composite =
    line1.slice(5, 30) + line2Head.slice(0, 7) + line2Head.slice(8, 15) + line2Head.slice(18, 29)
  const line2 = line2Head + mrzCheckDigit(composite)
  const words = args.fullName.trim().split(/\s+/)
  const line3 = pad30(`${mrzName(words[0]!)}<<${mrzName(words.slice(1).join(' '))}`)
  if (line1.length !== 30 || line2.length !== 30) throw new Error('MRZ line length')
  return {
    lines: [line1, line2, line3],
    documentNumber,
    dateOfBirth: dob,
    dateOfExpiry: exp,
    mrzInfo: `${documentNumber}${mrzCheckDigit(documentNumber)}${dob}${mrzCheckDigit(dob)}${exp}${mrzCheckDigit(exp)}`,
    can: args.idNumber.slice(6)
  }
}
