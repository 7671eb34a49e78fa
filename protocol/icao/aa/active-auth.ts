import { constants, createHash, createPublicKey, publicDecrypt, verify, type KeyObject } from 'node:crypto'
import type { CommandApdu } from '../apdu'
import { equalBytes, toBuffer } from '../bytes'
import { decodeSingleTlv } from '../tlv'

/**
 * Active Authentication (ICAO 9303-11 §6.1): the chip signs a fresh challenge with the private key whose
 * public half is in DG15 (covered by EF.SOD). A clone that copied the files cannot sign. RSA signatures
 * follow ISO/IEC 9796-2 digital signature scheme 1; ECDSA signatures are plain r||s over the challenge.
 */

/** unchecked: this crypto library cannot use the key (e.g. brainpool under Electron's BoringSSL): no verdict. */
export type AntiCloneStatus = 'valid' | 'invalid' | 'absent' | 'unchecked'

export interface AntiCloneResult {
  status: AntiCloneStatus
  /** e.g. "RSA-ISO9796-2-SHA1", "ECDSA-SHA256"; null when absent. */
  algorithm: string | null
  /** Why it is not valid (English, no personal data). */
  reason?: string
}

export function internalAuthenticate(challenge: Uint8Array): CommandApdu {
  return { cla: 0x00, ins: 0x88, p1: 0x00, p2: 0x00, data: challenge, le: 256 }
}

/** ISO/IEC 9796-2 trailer hash identifiers (ISO/IEC 10118). */
const TRAILER_HASH: Record<number, string> = {
  0x33: 'sha1',
  0x34: 'sha256',
  0x35: 'sha512',
  0x36: 'sha384',
  0x38: 'sha224'
}

const HASH_LENGTH: Record<string, number> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 }

/** ecdsa-plain-SHA* (BSI TR-03111) and the X9.62 ecdsa-with-SHA* OIDs, as DG14's ActiveAuthenticationInfo names them. */
const ECDSA_HASH: Record<string, string> = {
  '0.4.0.127.0.7.1.1.4.1.1': 'sha1',
  '0.4.0.127.0.7.1.1.4.1.2': 'sha224',
  '0.4.0.127.0.7.1.1.4.1.3': 'sha256',
  '0.4.0.127.0.7.1.1.4.1.4': 'sha384',
  '0.4.0.127.0.7.1.1.4.1.5': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512'
}

/** The AA public key from DG15 (6F { SubjectPublicKeyInfo }). */
export function activeAuthenticationKey(dg15: Uint8Array): KeyObject {
  const spki = decodeSingleTlv(dg15, 0x6f).value
  return createPublicKey({ key: toBuffer(spki), format: 'der', type: 'spki' })
}

function verifyRsa(key: KeyObject, challenge: Uint8Array, signature: Uint8Array): AntiCloneResult {
  let f: Uint8Array
  try {
    f = new Uint8Array(publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, toBuffer(signature)))
  } catch {
    return { status: 'invalid', algorithm: 'RSA-ISO9796-2', reason: 'signature does not fit the RSA key' }
  }
  // Header 6A: partial message recovery, padding ended; trailer BC (SHA-1) or xx CC (hash named by xx).
  const last = f[f.length - 1]
  let hash: string | undefined
  let trailer = 1
  if (last === 0xbc) hash = 'sha1'
  else if (last === 0xcc) {
    hash = TRAILER_HASH[f[f.length - 2]!]
    trailer = 2
  }
  const algorithm = `RSA-ISO9796-2-${(hash ?? 'unknown').toUpperCase()}`
  if ((f[0]! & 0xf0) !== 0x60 || !hash)
    return { status: 'invalid', algorithm, reason: 'not an ISO 9796-2 signature' }
  const hLen = HASH_LENGTH[hash]!
  const digest = f.subarray(f.length - trailer - hLen, f.length - trailer)
  const m1 = f.subarray(1, f.length - trailer - hLen)
  const expected = new Uint8Array(createHash(hash).update(m1).update(challenge).digest())
  return equalBytes(expected, digest)
    ? { status: 'valid', algorithm }
    : { status: 'invalid', algorithm, reason: 'signature does not match the challenge' }
}

function verifyEcdsa(
  key: KeyObject,
  challenge: Uint8Array,
  signature: Uint8Array,
  signatureAlgorithm: string | undefined
): AntiCloneResult {
  const hash = (signatureAlgorithm && ECDSA_HASH[signatureAlgorithm]) ?? 'sha256'
  const algorithm = `ECDSA-${hash.toUpperCase()}`
  for (const dsaEncoding of ['ieee-p1363', 'der'] as const) {
    try {
      if (verify(hash, challenge, { key, dsaEncoding }, toBuffer(signature)))
        return { status: 'valid', algorithm }
    } catch {
      // Not this encoding; try the other.
    }
  }
  return { status: 'invalid', algorithm, reason: 'signature does not match the challenge' }
}

/** Checks the chip's answer to INTERNAL AUTHENTICATE. Never throws: unreadable input is 'invalid'. */
export function verifyActiveAuthentication(
  dg15: Uint8Array,
  challenge: Uint8Array,
  signature: Uint8Array,
  signatureAlgorithm?: string
): AntiCloneResult {
  let spki: Uint8Array
  try {
    spki = decodeSingleTlv(dg15, 0x6f).value
  } catch {
    return { status: 'invalid', algorithm: null, reason: 'DG15 is not a 6F data group' }
  }
  let key: KeyObject
  try {
    key = createPublicKey({ key: toBuffer(spki), format: 'der', type: 'spki' })
  } catch {
    // DG15 is covered by EF.SOD; a key this library cannot load is no sign of a clone, only no verdict.
    return { status: 'unchecked', algorithm: null, reason: 'the AA public key cannot be used here' }
  }
  try {
    if (key.asymmetricKeyType === 'rsa') return verifyRsa(key, challenge, signature)
    if (key.asymmetricKeyType === 'ec') return verifyEcdsa(key, challenge, signature, signatureAlgorithm)
    return { status: 'invalid', algorithm: key.asymmetricKeyType ?? null, reason: 'unsupported AA key type' }
  } catch {
    return { status: 'invalid', algorithm: null, reason: 'signature could not be checked' }
  }
}
