import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildSod } from '../../../protocol/icao/pa/build-sod'
import { verifyPassiveAuth } from '../../../protocol/icao/pa/passive-auth'
import { parseSod } from '../../../protocol/icao/pa/sod'
import { buildDg1 } from '../../../protocol/icao/lds/mrz-parse'
import { buildDg2 } from '../../../protocol/icao/lds/dg2'
import { decodeSingleTlv, decodeTlv, encodeConstructed, encodeTlv } from '../../../protocol/icao/tlv'
import { children, contextTag, node } from '../../../protocol/icao/pa/der'
import { concat, fromHex } from '../../../protocol/icao/bytes'
import { isAppError } from '../../../contract/errors'
import { makeCertificate, makeDocumentSigner } from './support/pki'

const dg1 = buildDg1(
  'IDVNM0930470641001093047064<<2' + '9301054M3301052VNM<<<<<<<<<<<8' + 'UNG<<HOANG<HIEP<<<<<<<<<<<<<<<'
)
const dg2 = buildDg2(fromHex('FFD8FFE000104A46494600010100000100010000FFD9'))
const dg13 = encodeTlv(0x6d, encodeTlv(0x30, fromHex('020101')))
const dataGroups = new Map([
  [1, dg1],
  [2, dg2],
  [13, dg13]
])

const ec = makeDocumentSigner('ec-p256')
const rsa = makeDocumentSigner('rsa-2048', 'rsa-2048')
const brainpool = makeDocumentSigner('ec-brainpoolP256r1')
const otherCsca = makeCertificate({ cn: 'Other CSCA', keyType: 'ec-p256', ca: true })

function sodWith(
  signer = ec.ds,
  hashAlgorithm: 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' = 'sha256',
  rsaPadding?: 'pkcs1' | 'pss'
) {
  return buildSod({
    dataGroups,
    hashAlgorithm,
    signerKey: signer.privateKey,
    signerCert: signer.der,
    rsaPadding
  })
}

/** The same SOD with its SignedData certificates replaced (signature untouched). */
function withCertificates(sod: Uint8Array, certs: Uint8Array[]): Uint8Array {
  const [type, wrapped] = children(node(decodeSingleTlv(sod, 0x77).value))
  const parts = children(children(wrapped!)[0]!).map((p) =>
    contextTag(p) === 0 ? encodeConstructed(0xa0, ...certs) : p.der
  )
  return encodeTlv(
    0x77,
    encodeConstructed(0x30, type!.der, encodeConstructed(0xa0, encodeConstructed(0x30, ...parts)))
  )
}

describe('passive authentication', () => {
  it('accepts an untouched document; chain unknown without CSCAs', () => {
    const r = verifyPassiveAuth({ sod: sodWith(), dataGroups })
    expect(r).toEqual({
      status: 'valid',
      dataGroupHashes: [
        { dg: 1, status: 'match' },
        { dg: 2, status: 'match' },
        { dg: 13, status: 'match' }
      ],
      signature: 'valid',
      chain: 'unknown',
      signerSubject: 'C=VN, CN=Test Document Signer'
    })
  })

  it.each(['sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const)(
    'uses the SOD hash algorithm %s',
    (hash) => {
      const sod = sodWith(ec.ds, hash)
      expect(parseSod(sod).hashAlgorithm).toBe(hash)
      expect(verifyPassiveAuth({ sod, dataGroups }).status).toBe('valid')
    }
  )

  it.each([
    ['RSA PKCS#1 v1.5', rsa.ds, 'pkcs1'],
    ['RSA-PSS', rsa.ds, 'pss'],
    ['ECDSA brainpoolP256r1', brainpool.ds, undefined]
  ] as const)('verifies %s signatures', (_name, signer, padding) => {
    const r = verifyPassiveAuth({ sod: sodWith(signer, 'sha256', padding), dataGroups })
    expect(r.signature).toBe('valid')
    expect(r.status).toBe('valid')
  })

  it('builds a SOD with a WebCrypto signer key as well', async () => {
    const { webcrypto } = await import('node:crypto')
    const pkcs8 = ec.ds.privateKey.export({ type: 'pkcs8', format: 'der' })
    const cryptoKey = await webcrypto.subtle.importKey(
      'pkcs8',
      pkcs8,
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['sign']
    )
    const sod = buildSod({ dataGroups, hashAlgorithm: 'sha256', signerKey: cryptoKey, signerCert: ec.ds.der })
    expect(verifyPassiveAuth({ sod, dataGroups }).status).toBe('valid')
  })

  it('flags a tampered data group as mismatch and the result invalid', () => {
    const tampered = new Uint8Array(dg13)
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 0x01
    const r = verifyPassiveAuth({ sod: sodWith(), dataGroups: new Map([...dataGroups, [13, tampered]]) })
    expect(r.status).toBe('invalid')
    expect(r.signature).toBe('valid')
    expect(r.dataGroupHashes.find((h) => h.dg === 13)?.status).toBe('mismatch')
    expect(r.dataGroupHashes.find((h) => h.dg === 1)?.status).toBe('match')
  })

  it('marks DGs listed but not read, and DGs read but not listed', () => {
    const r = verifyPassiveAuth({
      sod: sodWith(),
      dataGroups: new Map([
        [1, dg1],
        [14, encodeTlv(0x6e, Uint8Array.of(1))]
      ])
    })
    expect(r.dataGroupHashes).toEqual([
      { dg: 1, status: 'match' },
      { dg: 2, status: 'not-read' },
      { dg: 13, status: 'not-read' },
      { dg: 14, status: 'not-in-sod' }
    ])
    expect(r.status).toBe('invalid')
  })

  it('reports an invalid signature when the embedded certificate is not the signer', () => {
    // Signed with the RSA DS key but carrying the EC DS certificate.
    const sod = buildSod({
      dataGroups,
      hashAlgorithm: 'sha256',
      signerKey: rsa.ds.privateKey,
      signerCert: ec.ds.der
    })
    const r = verifyPassiveAuth({ sod, dataGroups })
    expect(r.signature).toBe('invalid')
    expect(r.status).toBe('invalid')
  })

  it('rejects a forged SOD whose hashes match a forged DG but whose signature does not verify', () => {
    const sod = sodWith()
    const other = buildSod({
      dataGroups: new Map([...dataGroups, [13, encodeTlv(0x6d, Uint8Array.of(9))]]),
      hashAlgorithm: 'sha256',
      signerKey: rsa.ds.privateKey,
      signerCert: rsa.ds.der
    })
    // Swap in a SOD whose hashes match a forged DG13 but whose signer key is not the embedded cert's.
    const forged = buildSod({
      dataGroups: new Map([...dataGroups, [13, encodeTlv(0x6d, Uint8Array.of(9))]]),
      hashAlgorithm: 'sha256',
      signerKey: otherCsca.privateKey,
      signerCert: ec.ds.der
    })
    expect(verifyPassiveAuth({ sod, dataGroups }).status).toBe('valid')
    expect(verifyPassiveAuth({ sod: other, dataGroups }).status).toBe('invalid')
    const r = verifyPassiveAuth({
      sod: forged,
      dataGroups: new Map([[13, encodeTlv(0x6d, Uint8Array.of(9))]])
    })
    expect(r.dataGroupHashes[2]).toEqual({ dg: 13, status: 'match' })
    expect(r.signature).toBe('invalid')
  })

  it('reports the chain as trusted with the issuing CSCA and untrusted with another', () => {
    expect(verifyPassiveAuth({ sod: sodWith(), dataGroups, cscaCertificates: [ec.csca.der] }).chain).toBe(
      'trusted'
    )
    expect(
      verifyPassiveAuth({ sod: sodWith(), dataGroups, cscaCertificates: [otherCsca.der, rsa.csca.der] }).chain
    ).toBe('untrusted')
    const mixed = verifyPassiveAuth({
      sod: sodWith(),
      dataGroups,
      cscaCertificates: [otherCsca.der, ec.csca.der]
    })
    expect(mixed.chain).toBe('trusted')
    expect(mixed.status).toBe('valid')
  })

  it('is unchecked without a SOD, invalid with a broken one', () => {
    expect(verifyPassiveAuth({ dataGroups }).status).toBe('unchecked')
    const broken = sodWith().slice(0, 300)
    const r = verifyPassiveAuth({ sod: broken, dataGroups })
    expect(r.status).toBe('invalid')
    expect(r.signature).toBe('unchecked')
  })

  it('parseSod throws only CHIP_DATA_INVALID on garbage and on mutated SODs', () => {
    const good = sodWith()
    const mutated = fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, v]) => {
      const copy = new Uint8Array(good)
      copy[i] = v
      return copy
    })
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          mutated,
          fc.nat(good.length).map((n) => good.slice(0, n))
        ),
        (bytes) => {
          try {
            parseSod(bytes)
          } catch (e) {
            if (!isAppError(e) || e.code !== 'CHIP_DATA_INVALID') throw e
          }
          const r = verifyPassiveAuth({ sod: bytes, dataGroups })
          expect(['valid', 'invalid', 'unchecked']).toContain(r.status)
        }
      ),
      { numRuns: 400 }
    )
  })

  it('verifyPassiveAuth never throws on a mutated SOD, with or without CSCAs: bad chip data is invalid (property)', () => {
    const sods = [sodWith(), sodWith(rsa.ds, 'sha256', 'pss'), sodWith(brainpool.ds, 'sha384')]
    const mutation = fc
      .tuple(
        fc.nat(sods.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })
      )
      .map(([k, edits]) => {
        const copy = new Uint8Array(sods[k]!)
        for (const [i, v] of edits) copy[i % copy.length] = v
        return copy
      })
    fc.assert(
      fc.property(mutation, fc.boolean(), (bytes, withCsca) => {
        const r = verifyPassiveAuth({
          sod: bytes,
          dataGroups,
          ...(withCsca ? { cscaCertificates: [ec.csca.der, otherCsca.der] } : {})
        })
        expect(['valid', 'invalid', 'unchecked']).toContain(r.status)
      }),
      { numRuns: 600 }
    )
  }, 120_000)

  it('a signed attribute whose value SET was damaged is invalid, not a TypeError', () => {
    // Found by mutating single bytes: the length of the value SET after the messageDigest / contentType OID
    // turned into 0 leaves pkijs an Attribute without values, which the signature check used to index.
    for (const oidTail of [0x04, 0x03]) {
      const sod = sodWith()
      const oid = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, oidTail]
      const at = sod.findIndex((_, i) => oid.every((b, k) => sod[i + k] === b))
      expect(at).toBeGreaterThan(0)
      expect(sod[at + oid.length]).toBe(0x31)
      sod[at + oid.length + 1] = 0x00
      const r = verifyPassiveAuth({ sod, dataGroups })
      expect(r.status).toBe('invalid')
    }
  })

  it('verifies a SOD in BER form (indefinite lengths) exactly as its DER form', () => {
    const der = sodWith(rsa.ds, 'sha256', 'pss')
    const contentInfo = decodeTlv(decodeSingleTlv(der, 0x77).value)
    const ber = encodeTlv(0x77, concat(fromHex('3080'), contentInfo.value, fromHex('0000')))
    const fromDer = parseSod(der)
    const fromBer = parseSod(ber)
    expect(fromBer.dataGroupHashes).toEqual(fromDer.dataGroupHashes)
    expect(fromBer.signer).toEqual(fromDer.signer)
    expect(fromBer.certificates).toEqual(fromDer.certificates)
    expect(verifyPassiveAuth({ sod: ber, dataGroups })).toEqual(verifyPassiveAuth({ sod: der, dataGroups }))
    expect(verifyPassiveAuth({ sod: ber, dataGroups }).status).toBe('valid')
  })

  it('finds the signer named by issuer and serial among several embedded certificates', () => {
    const sod = sodWith()
    const parsed = parseSod(sod)
    const other = makeDocumentSigner('ec-p256')
    const signedData = withCertificates(sod, [other.ds.der, ec.ds.der])
    const r = verifyPassiveAuth({ sod: signedData, dataGroups })
    expect(parseSod(signedData).certificates).toHaveLength(2)
    expect(parsed.signer.serial).toBeDefined()
    expect(r.signature).toBe('valid')
    expect(r.status).toBe('valid')
  })
})
