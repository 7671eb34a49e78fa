/**
 * What may reach a log line. Logs are read by IT and copied into tickets, so they carry events, codes, counts
 * and timings — never a patient's name, ID number, address or card content. Fields are allow-listed by type
 * (primitives only), fields named like personal data are dropped, and any run of 9+ digits (CCCD, CMND, BHXH
 * numbers) left in a text is masked.
 */
export type LogValue = string | number | boolean | null | undefined
export type LogFields = Record<string, LogValue>

const PERSONAL_FIELD =
  /name|idnumber|cccd|cmnd|bhyt|bhxh|address|birth|dob|phone|mrz|can$|qr|identity|photo|text|patient(?!id)/i
const LONG_DIGITS = /\d{9,}/g

export function scrubText(text: string): string {
  return text.replace(LONG_DIGITS, (d) => '#'.repeat(d.length))
}

export function scrubFields(fields: LogFields | undefined): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {}
  if (!fields) return out
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || PERSONAL_FIELD.test(key)) continue
    out[key] = typeof value === 'string' ? scrubText(value).slice(0, 300) : value
  }
  return out
}
