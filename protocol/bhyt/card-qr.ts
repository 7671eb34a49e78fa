import type { BhytCard } from '../../contract/bhyt'

/**
 * The QR on a BHYT card and in the VssID app (docs/desk-duties.md §2): '|'-separated fields by position —
 * 0 card number, 1 name (hex-encoded UTF-8), 2 date of birth, 3 sex, 4 address (hex), 5 registered facility
 * ("01 - 013"), 6 valid from, 7 valid to, 8 issue date, 9 BHXH office, 10 parent's name (hex), 11 area code,
 * 12 five-years date. Dates are dd/MM/yyyy or ddMMyyyy.
 */
export interface BhytQrDecoded {
  card: BhytCard
  holder: {
    fullName: string | null
    dateOfBirth: string | null
    sex: 'male' | 'female' | null
    address: string | null
  }
  parentName: string | null
  issuedOn: string | null
}

export class BhytQrError extends Error {
  constructor(readonly reason: 'NOT_BHYT' | 'TOO_LONG' | 'FIELDS') {
    super(`not a BHYT card QR (${reason})`)
    this.name = 'BhytQrError'
  }
}

const CARD_NUMBER = /^[A-Z]{2}\d{13}$/
const MAX_CHARS = 2048

/** True for text whose first field is a 15-character card code followed by '|': cheap, for routing a scan. */
export function looksLikeBhytQr(text: string): boolean {
  const first = text.trim().split('|', 1)[0] ?? ''
  return CARD_NUMBER.test(first.toUpperCase()) && text.includes('|')
}

function hexText(field: string | undefined): string | null {
  const f = (field ?? '').trim()
  if (!f) return null
  if (/^([0-9a-fA-F]{2})+$/.test(f)) {
    const decoded = Buffer.from(f, 'hex').toString('utf8')
    if (!decoded.includes('\uFFFD')) return decoded.normalize('NFC').trim() || null
  }
  return f.normalize('NFC')
}

/** dd/MM/yyyy, ddMMyyyy, or yyyy → YYYY-MM-DD (YYYY); anything else → null. */
export function bhytDate(field: string | undefined): string | null {
  const f = (field ?? '').trim()
  let m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(f) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(f)
  if (m) {
    const [, d, mo, y] = m
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
    if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) return null
    return `${y}-${mo}-${d}`
  }
  m = /^(\d{4})$/.exec(f)
  return m ? m[1]! : null
}

function sexOf(field: string | undefined): 'male' | 'female' | null {
  const f = (field ?? '').normalize('NFC').trim().toLowerCase()
  if (f === '1' || f === 'nam') return 'male'
  if (f === '2' || f === 'nữ' || f === 'nu') return 'female'
  return null
}

const areaCode = (field: string | undefined): string | null => {
  const f = (field ?? '').trim().toUpperCase()
  return /^K[123]$/.test(f) ? f : null
}

/** Parses a BHYT/VssID QR; throws BhytQrError for anything else (the caller tries the CCCD parser first). */
export function parseBhytQr(text: string): BhytQrDecoded {
  if (text.length > MAX_CHARS) throw new BhytQrError('TOO_LONG')
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\uFEFF\u0000-\u001F\u007F]/g, '').trim()
  if (!looksLikeBhytQr(clean)) throw new BhytQrError('NOT_BHYT')
  const f = clean.split('|')
  if (f.length < 8) throw new BhytQrError('FIELDS')
  const facility = (f[5] ?? '').replace(/\s*-\s*/g, '').trim()
  return {
    card: {
      cardNumber: f[0]!.trim().toUpperCase(),
      registeredFacility: /^[0-9A-Za-z]{5}$/.test(facility) ? facility : null,
      validFrom: bhytDate(f[6]),
      validTo: bhytDate(f[7]),
      areaCode: areaCode(f[11]),
      fiveYearsFrom: bhytDate(f[12]),
      socialInsuranceNumber: null
    },
    holder: {
      fullName: hexText(f[1]),
      dateOfBirth: bhytDate(f[2]),
      sex: sexOf(f[3]),
      address: hexText(f[4])
    },
    parentName: hexText(f[10]),
    issuedOn: bhytDate(f[8])
  }
}
