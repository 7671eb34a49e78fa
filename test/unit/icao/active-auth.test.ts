// Active Authentication verification: RSA ISO/IEC 9796-2 scheme 1 (SHA-1 trailer BC and SHA-256 trailer 34CC),
// ECDSA plain signatures, and what a clone (another key) or a replayed signature looks like.
import { constants, createHash, generateKeyPairSync, privateEncrypt, randomBytes, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { verifyActiveAuthentication } from '../../../protocol/icao/aa/active-auth'
import { encodeTlv } from '../../../protocol/icao/tlv'

const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
const ec = generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' })
const dg15 = (key: typeof rsa.publicKey) =>
  encodeTlv(0x6f, new Uint8Array(key.export({ format: 'der', type: 'spki' })))

function iso9796(
  privateKey: typeof rsa.privateKey,
  challenge: Uint8Array,
  hash: 'sha1' | 'sha256'
): Uint8Array {
  const hLen = hash === 'sha1' ? 20 : 32
  const trailer = hash === 'sha1' ? Buffer.from([0xbc]) : Buffer.from([0x34, 0xcc])
  const m1 = randomBytes(128 - hLen - trailer.length - 1)
  const h = createHash(hash).update(m1).update(challenge).digest()
  const f = Buffer.concat([Buffer.from([0x6a]), m1, h, trailer])
  return new Uint8Array(privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, f))
}

describe('Active Authentication', () => {
  const challenge = new Uint8Array(randomBytes(8))

  it.each(['sha1', 'sha256'] as const)('accepts an RSA ISO 9796-2 signature (%s)', (hash) => {
    const r = verifyActiveAuthentication(
      dg15(rsa.publicKey),
      challenge,
      iso9796(rsa.privateKey, challenge, hash)
    )
    expect(r).toEqual({ status: 'valid', algorithm: `RSA-ISO9796-2-${hash.toUpperCase()}` })
  })

  it('rejects a signature by another key (the clone) and a signature over another challenge (a replay)', () => {
    const clone = verifyActiveAuthentication(
      dg15(rsa.publicKey),
      challenge,
      iso9796(otherRsa.privateKey, challenge, 'sha1')
    )
    expect(clone.status).toBe('invalid')
    const replay = iso9796(rsa.privateKey, new Uint8Array(8), 'sha1')
    expect(verifyActiveAuthentication(dg15(rsa.publicKey), challenge, replay).status).toBe('invalid')
  })

  it('accepts ECDSA plain r||s with the hash DG14 names, and rejects it for another challenge', () => {
    const sig = new Uint8Array(sign('sha384', challenge, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }))
    const sha384 = '0.4.0.127.0.7.1.1.4.1.4'
    expect(verifyActiveAuthentication(dg15(ec.publicKey), challenge, sig, sha384)).toEqual({
      status: 'valid',
      algorithm: 'ECDSA-SHA384'
    })
    expect(verifyActiveAuthentication(dg15(ec.publicKey), new Uint8Array(8), sig, sha384).status).toBe(
      'invalid'
    )
  })

  it('gives no verdict (unchecked, not a clone alarm) for a key it cannot load, and never throws', () => {
    const unusable = verifyActiveAuthentication(Uint8Array.of(0x6f, 0x01, 0x00), challenge, new Uint8Array(8))
    expect(unusable.status).toBe('unchecked')
    expect(verifyActiveAuthentication(Uint8Array.of(0x01), challenge, new Uint8Array(8)).status).toBe(
      'invalid'
    )
  })
})
