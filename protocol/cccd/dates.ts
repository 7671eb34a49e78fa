/**
 * Calendar helpers on plain 'YYYY-MM-DD' strings (no Date objects, no clock, no time zones).
 */

export interface Ymd {
  year: number
  month: number
  day: number
}

export const MIN_YEAR = 1870
export const MAX_YEAR = 2199

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

export function formatYmd(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`
}

export function parseYmd(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return null
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  return isRealDate(d.year, d.month, d.day) ? d : null
}

/** Orders two full dates: negative, zero or positive. */
export function compareYmd(a: Ymd, b: Ymd): number {
  return a.year - b.year || a.month - b.month || a.day - b.day
}

/**
 * Builds a partial ISO date from day/month/year parts where 0 means "unknown":
 * (d, m, y) → 'YYYY-MM-DD'; (0, m, y) → 'YYYY-MM'; (0, 0, y) → 'YYYY'. A known day with an
 * unknown month, or an impossible date, gives null.
 */
export function partialIso(day: number, month: number, year: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return null
  if (month === 0) return day === 0 ? pad(year, 4) : null
  if (month < 1 || month > 12) return null
  if (day === 0) return `${pad(year, 4)}-${pad(month, 2)}`
  return isRealDate(year, month, day) ? formatYmd({ year, month, day }) : null
}

/**
 * Chip dates: 'dd/mm/yyyy', 'mm/yyyy' or 'yyyy' (people with an unknown birthday), and the same with
 * zeros for the unknown parts ('00/00/1950'). Returns a partial ISO date or null.
 */
export function parseSlashDate(text: string): string | null {
  const t = text.trim()
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  if (m) return partialIso(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t)
  if (m) return partialIso(0, Number(m[1]), Number(m[2]))
  m = /^(\d{4})$/.exec(t)
  if (m) return partialIso(0, 0, Number(m[1]))
  return null
}

/** QR dates: 'ddMMyyyy', with '00' for an unknown day/month. Returns a partial ISO date or null. */
export function parseCompactDate(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text)
  if (!m) return null
  return partialIso(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** 'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY' → 'ddMMyyyy' with zeros for unknown parts. */
export function toCompactDate(iso: string): string {
  const [year = '0000', month = '00', day = '00'] = iso.split('-')
  return `${day}${month}${year}`
}

export function isFullDate(iso: string | null): iso is string {
  return iso !== null && /^\d{4}-\d{2}-\d{2}$/.test(iso)
}

/** Adds whole years; 29 February lands on 28 February in a common year. */
export function addYears(d: Ymd, years: number): Ymd {
  const year = d.year + years
  return { year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) }
}

export function addDays(d: Ymd, days: number): Ymd {
  let { year, month, day } = d
  day += days
  while (day < 1) {
    month -= 1
    if (month < 1) {
      month = 12
      year -= 1
    }
    day += daysInMonth(year, month)
  }
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month)
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
  }
  return { year, month, day }
}

/** The year part of a partial ISO date. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4))
}
