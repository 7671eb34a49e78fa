import { createHash } from 'node:crypto'

/**
 * A UUID derived from a name (RFC 4122 §4.3 layout, SHA-256 truncated), so the same submission always
 * yields the same bundle: resends are byte-identical and tests can compare outputs.
 */
export function nameBasedUuid(name: string): string {
  const b = createHash('sha256').update(name, 'utf8').digest().subarray(0, 16)
  b[6] = (b[6]! & 0x0f) | 0x50
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export function urnUuid(name: string): string {
  return `urn:uuid:${nameBasedUuid(name)}`
}
