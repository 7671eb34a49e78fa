/** A partial date as the contract stores it: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'. */
export type PartialDate = string

/** Checks a partial date is a real calendar date (no 30 February); month and day may be unknown. */
export function isRealPartialDate(date: PartialDate): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date)
  if (m === null) return false
  const year = Number(m[1])
  if (m[2] === undefined) return year >= 1800
  const month = Number(m[2])
  if (month < 1 || month > 12) return false
  if (m[3] === undefined) return true
  const day = Number(m[3])
  return day >= 1 && day <= daysInMonth(year, month)
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Birth year of a partial date. */
export function yearOf(date: PartialDate): number {
  return Number(date.slice(0, 4))
}
