import { AppError } from '../../../contract/errors'

/**
 * The parts of an ISO 8601 local time with offset ("2026-11-23T08:05:00+07:00"), read from the text itself:
 * the snapshot already holds the facility's local time, so no clock or time zone database is consulted.
 */
export interface LocalTimeParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
  offset: string
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

export function parseLocalIso(value: string): LocalTimeParts {
  const m = ISO_LOCAL.exec(value)
  if (!m) {
    throw AppError.of('VALIDATION', 'error.sync.visitTime').withDetail(
      'visit time is not ISO 8601 with an offset'
    )
  }
  return {
    year: m[1]!,
    month: m[2]!,
    day: m[3]!,
    hour: m[4]!,
    minute: m[5]!,
    second: m[6] ?? '00',
    offset: m[7] === 'Z' ? '+00:00' : m[7]!
  }
}

/** FHIR dateTime wants seconds whenever a time is given. */
export function toFhirDateTime(value: string): string {
  const p = parseLocalIso(value)
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${p.offset}`
}

/** XML 4750 point in time: yyyymmddHHMM. */
export function toXmlDateTime(value: string): string {
  const p = parseLocalIso(value)
  return `${p.year}${p.month}${p.day}${p.hour}${p.minute}`
}

/** XML 4750 date: yyyymmdd. */
export function toXmlDate(value: string): string {
  const p = parseLocalIso(value)
  return `${p.year}${p.month}${p.day}`
}
