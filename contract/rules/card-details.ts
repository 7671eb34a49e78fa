import type { CardDetails } from '../patient'

/**
 * The card details after a new read: what the read carries wins, what it does not carry (a QR has no expiry,
 * parents or religion) keeps the value on file. A QR read never turns a stored expiry into "(trống)".
 */
export function mergeCardDetails(before: CardDetails | null, read: CardDetails | null): CardDetails | null {
  if (!read) return before
  if (!before) return read
  const pick = <T>(r: T | null, b: T | null): T | null => (r === null || r === '' ? b : r)
  const readSaysExpiry = read.expiryDate !== null || read.noExpiry
  return {
    ethnicityText: pick(read.ethnicityText, before.ethnicityText),
    religion: pick(read.religion, before.religion),
    placeOfOrigin: pick(read.placeOfOrigin, before.placeOfOrigin),
    identifyingFeatures: pick(read.identifyingFeatures, before.identifyingFeatures),
    fatherName: pick(read.fatherName, before.fatherName),
    motherName: pick(read.motherName, before.motherName),
    spouseName: pick(read.spouseName, before.spouseName),
    issueDate: pick(read.issueDate, before.issueDate),
    expiryDate: readSaysExpiry ? read.expiryDate : before.expiryDate,
    noExpiry: readSaysExpiry ? read.noExpiry : before.noExpiry
  }
}
