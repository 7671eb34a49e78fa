/** Injected everywhere time matters, so tests and the crash harness control it. */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()

/** ISO 8601 in the machine's local time with its offset, e.g. 2026-11-23T08:05:00+07:00 (XML/FHIR want local). */
export function localIsoWithOffset(d: Date): string {
  const pad = (n: number, w = 2): string => String(Math.trunc(Math.abs(n))).padStart(w, '0')
  const offsetMin = -d.getTimezoneOffset()
  const sign = offsetMin >= 0 ? '+' : '-'
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:` +
    `${pad(d.getSeconds())}${sign}${pad(offsetMin / 60)}:${pad(offsetMin % 60)}`
  )
}
