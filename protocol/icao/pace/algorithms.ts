import { OIDS } from './security-infos'

/** What a PACE or CA protocol OID means (ICAO 9303-11 §9.2.1, §9.2.5). */
export interface ProtocolSuite {
  oid: string
  mapping: 'GM' | 'IM' | 'CAM' | 'none'
  agreement: 'ECDH' | 'DH'
  cipher: 'AES' | '3DES'
  keyBits: 112 | 128 | 192 | 256
}

const CIPHERS: Record<string, Pick<ProtocolSuite, 'cipher' | 'keyBits'>> = {
  '1': { cipher: '3DES', keyBits: 112 },
  '2': { cipher: 'AES', keyBits: 128 },
  '3': { cipher: 'AES', keyBits: 192 },
  '4': { cipher: 'AES', keyBits: 256 }
}

const PACE_KINDS: Record<string, Pick<ProtocolSuite, 'mapping' | 'agreement'>> = {
  '1': { mapping: 'GM', agreement: 'DH' },
  '2': { mapping: 'GM', agreement: 'ECDH' },
  '3': { mapping: 'IM', agreement: 'DH' },
  '4': { mapping: 'IM', agreement: 'ECDH' },
  '6': { mapping: 'CAM', agreement: 'ECDH' }
}

function parse(oid: string, prefix: string): [string, string] | undefined {
  if (!oid.startsWith(`${prefix}.`)) return undefined
  const rest = oid.slice(prefix.length + 1).split('.')
  if (rest.length !== 2) return undefined
  return [rest[0]!, rest[1]!]
}

export function paceSuite(oid: string): ProtocolSuite | undefined {
  const parts = parse(oid, OIDS.PACE)
  const kind = parts && PACE_KINDS[parts[0]]
  const cipher = parts && CIPHERS[parts[1]]
  return kind && cipher ? { oid, ...kind, ...cipher } : undefined
}

export function caSuite(oid: string): ProtocolSuite | undefined {
  const parts = parse(oid, OIDS.CA)
  const agreement = parts?.[0] === '1' ? 'DH' : parts?.[0] === '2' ? 'ECDH' : undefined
  const cipher = parts && CIPHERS[parts[1]]
  return agreement && cipher ? { oid, mapping: 'none', agreement, ...cipher } : undefined
}

/** Protocols this reader implements: ECDH generic mapping with AES, on the standard curves. */
export function isSupportedPace(suite: ProtocolSuite | undefined): boolean {
  return suite !== undefined && suite.mapping === 'GM' && suite.agreement === 'ECDH' && suite.cipher === 'AES'
}

/** Short protocol name for reports, e.g. "PACE-ECDH-GM-AES-128". */
export function suiteName(kind: 'PACE' | 'CA', s: ProtocolSuite): string {
  const mapping = kind === 'PACE' ? `-${s.mapping}` : ''
  return `${kind}-${s.agreement}${mapping}-${s.cipher}${s.cipher === 'AES' ? `-${s.keyBits}` : ''}`
}
