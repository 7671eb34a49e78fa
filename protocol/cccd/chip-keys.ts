import { AppError } from '../../contract/errors'
import { isIdNumber } from '../../contract/rules/id-number'
import type { Identity } from '../../contract/identity'
import { mrzCheckDigit } from '../icao/mrz'
import { addDays, addYears, compareYmd, formatYmd, isFullDate, parseYmd, type Ymd } from './dates'
import { CAN_CUOC_LAW_START } from './dg13-fields'

/**
 * Keys that open the chip (docs/cccd-card.md §3, §8.3): the BAC "MRZ information" (document number = last
 * 9 digits of the ID, date of birth, expiry) and the PACE CAN (last 6 digits of the ID).
 */

/** MRZ expiry written on cards that never expire (one public implementation only, unconfirmed on real cards; docs/cccd-card.md §4). */
export const NO_EXPIRY_MRZ = '991231'
const MAX_CANDIDATES = 6

type KeyPart = 'documentNumber' | 'dateOfBirth' | 'expiryDate' | 'issueDate'

function invalidKeyInput(what: KeyPart): AppError {
  return AppError.of('VALIDATION', 'error.chipKey.fieldInvalid', { what: `label.${what}` }).withDetail(
    `Cannot derive chip keys: invalid ${what}`
  )
}

/** 'YYYY-MM-DD' or 'YYMMDD' → 'YYMMDD'. */
function toMrzDate(value: string, what: KeyPart): string {
  const m = /^\d{2}(\d{2})(\d{2})$/.exec(value)
  if (m) {
    const month = Number(m[1])
    const day = Number(m[2])
    if (month < 1 || month > 12 || day < 1 || day > 31) throw invalidKeyInput(what)
    return value
  }
  const d = parseYmd(value)
  if (!d) throw invalidKeyInput(what)
  return mrzDate(d)
}

function mrzDate(d: Ymd): string {
  return formatYmd(d).slice(2).replace(/-/g, '')
}

/**
 * The 24-character MRZ information used as the BAC key seed: document number (9 characters, padded
 * with '<'), DOB and expiry (YYMMDD or YYYY-MM-DD), each followed by its ICAO 7-3-1 check digit.
 */
export function mrzInformation(docNumber: string, dob: string, expiry: string): string {
  const number = docNumber.trim().toUpperCase()
  if (!/^[0-9A-Z<]{1,9}$/.test(number)) throw invalidKeyInput('documentNumber')
  const padded = number.padEnd(9, '<')
  const birth = toMrzDate(dob, 'dateOfBirth')
  const exp = toMrzDate(expiry, 'expiryDate')
  return `${padded}${mrzCheckDigit(padded)}${birth}${mrzCheckDigit(birth)}${exp}${mrzCheckDigit(exp)}`
}

/** The expiry a card gets under the age-milestone rule, and which milestone produced it. */
export type CardExpiry = { noExpiry: true } | { noExpiry: false; date: string; milestone: number }

function milestonesFor(issue: Ymd): number[] {
  return formatYmd(issue) >= CAN_CUOC_LAW_START ? [14, 25, 40, 60] : [25, 40, 60]
}

function expiryAt(dob: Ymd, issue: Ymd, milestones: readonly number[]): CardExpiry {
  for (const m of milestones) {
    // Issued before the 2-year window that precedes milestone m → valid until the birthday at m.
    if (compareYmd(issue, addYears(dob, m - 2)) < 0) {
      return { noExpiry: false, date: formatYmd(addYears(dob, m)), milestone: m }
    }
  }
  return { noExpiry: true }
}

/**
 * Expiry by Luật CCCD 2014 / Luật Căn cước 2023 Art. 21: the birthday in the year the holder reaches
 * the next renewal age (14 for cards issued from 1 July 2024, then 25, 40, 60), skipping a milestone
 * when the card was issued within the 2 years before it; no expiry when issued at 58 or older.
 * A 29 February birthday lands on 28 February in a common year. Both dates 'YYYY-MM-DD'.
 */
export function cardExpiry(dob: string, issueDate: string): CardExpiry {
  const d = parseYmd(dob)
  const i = parseYmd(issueDate)
  if (!d) throw invalidKeyInput('dateOfBirth')
  if (!i) throw invalidKeyInput('issueDate')
  return expiryAt(d, i, milestonesFor(i))
}

/** MRZ spellings of one expiry date: a 29 Feb birthday in a common year may be written 28/02, 01/03 or 29/02. */
function mrzSpellings(dob: Ymd, expiry: Ymd): string[] {
  const out = [mrzDate(expiry)]
  if (dob.month === 2 && dob.day === 29 && expiry.month === 2 && expiry.day === 28) {
    out.push(mrzDate(addDays(expiry, 1)))
    out.push(`${String(expiry.year % 100).padStart(2, '0')}0229`)
  }
  return out
}

function spell(dob: Ymd, e: CardExpiry): string[] {
  if (e.noExpiry) return [NO_EXPIRY_MRZ]
  return mrzSpellings(dob, parseYmd(e.date)!)
}

export interface ExpiryCandidateOptions {
  /** Today's date 'YYYY-MM-DD' (the caller's clock), used only when the issue date is unknown. */
  today?: string
}

/**
 * MRZ expiries (YYMMDD) to try for BAC, most likely first (docs/cccd-card.md §8.3): the computed one, the
 * next milestone (the "within 2 years" boundary is ambiguous), the day either side of the issue date,
 * 29-February spellings, and '991231' for holders who may have a card without expiry. With no issue
 * date, each milestone birthday is a candidate, current ones first when `today` is given.
 */
export function expiryCandidates(
  dob: string,
  issueDate: string | null,
  options: ExpiryCandidateOptions = {}
): string[] {
  const d = parseYmd(dob)
  if (!d) throw invalidKeyInput('dateOfBirth')
  const out: string[] = []
  const add = (values: string[]): void => {
    for (const v of values) if (!out.includes(v)) out.push(v)
  }
  if (issueDate !== null) {
    const i = parseYmd(issueDate)
    if (!i) throw invalidKeyInput('issueDate')
    const milestones = milestonesFor(i)
    const primary = expiryAt(d, i, milestones)
    add(spell(d, primary))
    if (!primary.noExpiry) {
      const rest = milestones.filter((m) => m > primary.milestone)
      const nextMilestone = rest[0]
      add(nextMilestone === undefined ? [NO_EXPIRY_MRZ] : mrzSpellings(d, addYears(d, nextMilestone)))
    }
    add(spell(d, expiryAt(d, addDays(i, -1), milestones)))
    add(spell(d, expiryAt(d, addDays(i, 1), milestones)))
    if (compareYmd(i, addYears(d, 56)) >= 0) add([NO_EXPIRY_MRZ])
    return out.slice(0, MAX_CANDIDATES)
  }
  const milestoneDates = [25, 40, 60, 14].map((m) => addYears(d, m))
  const today = options.today === undefined ? null : parseYmd(options.today)
  if (today) {
    const current = milestoneDates.filter((e) => compareYmd(e, today) >= 0).sort(compareYmd)
    const past = milestoneDates.filter((e) => compareYmd(e, today) < 0).sort((a, b) => compareYmd(b, a))
    const over58 = compareYmd(today, addYears(d, 58)) >= 0
    for (const e of current.slice(0, 2)) add(mrzSpellings(d, e))
    if (over58) add([NO_EXPIRY_MRZ])
    for (const e of past.slice(0, 1)) add(mrzSpellings(d, e))
    for (const e of current.slice(2)) add(mrzSpellings(d, e))
  } else {
    for (const e of milestoneDates) add(mrzSpellings(d, e))
    add([NO_EXPIRY_MRZ])
  }
  return out.slice(0, MAX_CANDIDATES)
}

export interface ChipKeys {
  /** BAC MRZ information strings (24 characters each), most likely first; empty when the DOB is partial. */
  mrzInfo: string[]
  /** PACE card access number: last 6 digits of the ID number. */
  can: string
}

/** Keys to try on the chip of the card an identity came from (QR, stored record or typed number). */
export function deriveChipKeys(identity: Identity, options: ExpiryCandidateOptions = {}): ChipKeys {
  const id = identity.idNumber
  if (id === null || !isIdNumber(id)) {
    throw AppError.of('VALIDATION', 'error.chipKey.needIdNumber')
  }
  const can = id.slice(6)
  const dob = identity.dateOfBirth
  if (!isFullDate(dob)) return { mrzInfo: [], can }
  const expiries: string[] = []
  if (identity.noExpiry) expiries.push(NO_EXPIRY_MRZ)
  if (isFullDate(identity.expiryDate)) expiries.push(toMrzDate(identity.expiryDate, 'expiryDate'))
  for (const e of expiryCandidates(dob, identity.issueDate, options))
    if (!expiries.includes(e)) expiries.push(e)
  const docNumber = id.slice(3)
  return { mrzInfo: expiries.slice(0, MAX_CANDIDATES).map((e) => mrzInformation(docNumber, dob, e)), can }
}
