import { constants, createHash, verify as cryptoVerify, X509Certificate, type KeyObject } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { equalBytes, toBuffer } from '../bytes'
import { isAppError } from '../errors'
import { hashByOid, OID, signatureSchemeByOid, type HashName } from './algorithms'
import { parseSod, type ParsedSod } from './sod'

/**
 * Passive authentication (ICAO 9303-11 §5.1): data group hashes against EF.SOD, the SOD signature
 * against the embedded document signer certificate, and optionally the chain to a supplied CSCA.
 * Signatures are checked with node:crypto (OpenSSL), which also knows the brainpool curves that
 * WebCrypto lacks; pkijs/asn1js only parse.
 */

export type DataGroupHashStatus = 'match' | 'mismatch' | 'not-read' | 'not-in-sod'

export interface PassiveAuthResult {
  /** valid = signature valid and every read DG matches; invalid = any mismatch, bad signature or bad SOD. */
  status: 'valid' | 'invalid' | 'unchecked'
  dataGroupHashes: { dg: number; status: DataGroupHashStatus }[]
  signature: 'valid' | 'invalid' | 'unchecked'
  /** unknown = no CSCA list supplied (normal for CCCD) or no signer certificate. Does not change `status`. */
  chain: 'trusted' | 'untrusted' | 'unknown'
  /** Document signer subject, e.g. "C=VN, O=…, CN=…". */
  signerSubject: string | null
  /** Why the result is not valid (English, no personal data). */
  reason?: string
}

export interface PassiveAuthInput {
  /** EF.SOD bytes; absent → status 'unchecked'. */
  sod?: Uint8Array
  /** Data groups that were read, by number. */
  dataGroups: ReadonlyMap<number, Uint8Array>
  /** Trusted CSCA certificates (DER). Empty → chain 'unknown'. */
  cscaCertificates?: readonly Uint8Array[]
}

export function hashBytes(hash: HashName, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(hash).update(data).digest())
}

function compareHashes(
  sod: ParsedSod,
  read: ReadonlyMap<number, Uint8Array>
): PassiveAuthResult['dataGroupHashes'] {
  const numbers = [...new Set([...sod.dataGroupHashes.keys(), ...read.keys()])].sort((a, b) => a - b)
  return numbers.map((dg) => {
    const expected = sod.dataGroupHashes.get(dg)
    const bytes = read.get(dg)
    if (!bytes) return { dg, status: 'not-read' as const }
    if (!expected) return { dg, status: 'not-in-sod' as const }
    return { dg, status: equalBytes(hashBytes(sod.hashAlgorithm, bytes), expected) ? 'match' : 'mismatch' }
  })
}

function sameBytes(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  return equalBytes(new Uint8Array(a), new Uint8Array(b))
}

/** The DER certificate that the SignerInfo names (issuer+serial or subject key identifier). */
function findSignerCertificate(sod: ParsedSod, signer: pkijs.SignerInfo): Uint8Array | undefined {
  for (const der of sod.certificates) {
    let cert: pkijs.Certificate
    try {
      cert = pkijs.Certificate.fromBER(new Uint8Array(der))
    } catch {
      continue
    }
    const sid = signer.sid
    if (sid instanceof pkijs.IssuerAndSerialNumber) {
      if (cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber)) return der
    } else if (sid instanceof asn1js.Primitive || sid instanceof asn1js.Constructed) {
      const ski = cert.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue
      const inner = sid instanceof asn1js.Constructed ? sid.valueBlock.value[0] : sid
      const sidBytes = inner instanceof asn1js.Primitive ? inner.valueBlock.valueHexView : new Uint8Array(0)
      if (ski instanceof asn1js.OctetString && sameBytes(ski.valueBlock.valueHexView, sidBytes)) return der
    }
  }
  return sod.certificates.length === 1 ? sod.certificates[0] : undefined
}

function verifyWith(
  key: KeyObject,
  signer: pkijs.SignerInfo,
  data: Uint8Array,
  signature: Uint8Array
): boolean | undefined {
  const scheme = signatureSchemeByOid(signer.signatureAlgorithm.algorithmId)
  const digestHash = hashByOid(signer.digestAlgorithm.algorithmId)
  if (!scheme) return undefined
  if (scheme.kind === 'rsa-pss') {
    const params = new pkijs.RSASSAPSSParams({ schema: signer.signatureAlgorithm.algorithmParams })
    const hash = hashByOid(params.hashAlgorithm.algorithmId)
    if (!hash) return undefined
    return cryptoVerify(
      hash,
      data,
      {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: params.saltLength
      },
      signature
    )
  }
  const hash = scheme.hash ?? digestHash
  if (!hash) return undefined
  if (scheme.kind === 'rsa-pkcs1') return cryptoVerify(hash, data, key, signature)
  // Most chips use DER-encoded ECDSA signatures; a few use plain r||s.
  if (cryptoVerify(hash, data, { key, dsaEncoding: 'der' }, signature)) return true
  try {
    return cryptoVerify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, signature)
  } catch {
    return false
  }
}

function checkSignature(
  sod: ParsedSod,
  signerDer: Uint8Array | undefined
): { result: 'valid' | 'invalid' | 'unchecked'; reason?: string } {
  if (!signerDer) return { result: 'unchecked', reason: 'no document signer certificate in EF.SOD' }
  const signer = sod.signedData.signerInfos[0]!
  const digestHash = hashByOid(signer.digestAlgorithm.algorithmId)
  let signedBytes = sod.eContent
  if (signer.signedAttrs) {
    if (!digestHash) return { result: 'unchecked', reason: 'unsupported digest algorithm' }
    const attrs = signer.signedAttrs.attributes
    const digest = attrs.find((a) => a.type === OID.messageDigestAttr)?.values[0]
    if (!(digest instanceof asn1js.OctetString))
      return { result: 'invalid', reason: 'messageDigest attribute missing' }
    if (!sameBytes(digest.valueBlock.valueHexView, hashBytes(digestHash, sod.eContent))) {
      return { result: 'invalid', reason: 'messageDigest does not match the LDS security object' }
    }
    const contentType = attrs.find((a) => a.type === OID.contentTypeAttr)?.values[0]
    if (
      contentType instanceof asn1js.ObjectIdentifier &&
      contentType.valueBlock.toString() !== OID.ldsSecurityObject
    ) {
      return { result: 'invalid', reason: 'contentType attribute is not the LDS security object' }
    }
    // encodedValue is the original [0] IMPLICIT bytes with the tag turned into SET (RFC 5652 §5.4).
    signedBytes = new Uint8Array(signer.signedAttrs.encodedValue)
  }
  try {
    const key = new X509Certificate(toBuffer(signerDer)).publicKey
    const ok = verifyWith(key, signer, signedBytes, new Uint8Array(signer.signature.valueBlock.valueHexView))
    if (ok === undefined) return { result: 'unchecked', reason: 'unsupported signature algorithm' }
    return ok ? { result: 'valid' } : { result: 'invalid', reason: 'SOD signature does not verify' }
  } catch {
    return { result: 'invalid', reason: 'SOD signature could not be checked with the signer key' }
  }
}

function checkChain(
  signerDer: Uint8Array | undefined,
  cscas: readonly Uint8Array[]
): PassiveAuthResult['chain'] {
  if (!signerDer || cscas.length === 0) return 'unknown'
  let ds: X509Certificate
  try {
    ds = new X509Certificate(toBuffer(signerDer))
  } catch {
    return 'untrusted'
  }
  for (const der of cscas) {
    try {
      const csca = new X509Certificate(toBuffer(der))
      if (ds.checkIssued(csca) && ds.verify(csca.publicKey)) return 'trusted'
    } catch {
      // An unreadable CSCA entry cannot vouch for anything; try the next one.
    }
  }
  return 'untrusted'
}

function subjectOf(der: Uint8Array | undefined): string | null {
  if (!der) return null
  try {
    return new X509Certificate(toBuffer(der)).subject.split('\n').join(', ')
  } catch {
    return null
  }
}

/** Runs passive authentication. Never throws for bad chip data: a malformed SOD gives status 'invalid'. */
export function verifyPassiveAuth(input: PassiveAuthInput): PassiveAuthResult {
  const readOnly = [...input.dataGroups.keys()].sort((a, b) => a - b)
  if (!input.sod) {
    return {
      status: 'unchecked',
      dataGroupHashes: readOnly.map((dg) => ({ dg, status: 'not-in-sod' })),
      signature: 'unchecked',
      chain: 'unknown',
      signerSubject: null,
      reason: 'EF.SOD not read'
    }
  }
  const unreadable = (reason: string): PassiveAuthResult => ({
    status: 'invalid',
    dataGroupHashes: readOnly.map((dg) => ({ dg, status: 'not-in-sod' })),
    signature: 'unchecked',
    chain: 'unknown',
    signerSubject: null,
    reason
  })
  let sod: ParsedSod
  try {
    sod = parseSod(input.sod)
  } catch (e) {
    return unreadable(isAppError(e) ? e.message : 'EF.SOD: structure not understood')
  }
  // The parsers below (pkijs name comparison, attribute access) can still trip over a SOD that parsed but is
  // malformed inside; a chip's bytes must never crash the read, so that is an invalid SOD too.
  try {
    return checkParsed(sod, input)
  } catch {
    return unreadable('EF.SOD: content could not be checked')
  }
}

function checkParsed(sod: ParsedSod, input: PassiveAuthInput): PassiveAuthResult {
  const dataGroupHashes = compareHashes(sod, input.dataGroups)
  const signerDer = findSignerCertificate(sod, sod.signedData.signerInfos[0]!)
  const signature = checkSignature(sod, signerDer)
  const chain = checkChain(signerDer, input.cscaCertificates ?? [])
  const mismatched = dataGroupHashes.filter((h) => h.status === 'mismatch').map((h) => h.dg)
  const unlisted = dataGroupHashes.filter((h) => h.status === 'not-in-sod').map((h) => h.dg)
  let status: PassiveAuthResult['status'] = 'valid'
  let reason = signature.reason
  if (mismatched.length > 0) {
    status = 'invalid'
    reason = `hash mismatch for DG${mismatched.join(', DG')}`
  } else if (unlisted.length > 0) {
    status = 'invalid'
    reason = `DG${unlisted.join(', DG')} not covered by EF.SOD`
  } else if (signature.result === 'invalid') {
    status = 'invalid'
  } else if (signature.result === 'unchecked') {
    status = 'unchecked'
  }
  const result: PassiveAuthResult = {
    status,
    dataGroupHashes,
    signature: signature.result,
    chain,
    signerSubject: subjectOf(signerDer)
  }
  if (status !== 'valid' && reason) result.reason = reason
  return result
}
