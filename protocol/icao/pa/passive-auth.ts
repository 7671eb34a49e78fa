import { constants, createHash, verify as cryptoVerify, X509Certificate, type KeyObject } from 'node:crypto'
import { equalBytes, toBuffer } from '../bytes'
import { isAppError } from '../errors'
import { hashByOid, OID, signatureSchemeByOid, type HashName } from './algorithms'
import { algorithmOf, children, contextTag, expectTag, node, oidText, smallInt, TAG } from './der'
import { parseSod, type ParsedSod, type SodSigner } from './sod'

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
  read: ReadonlyMap<number, Uint8Array>,
  cache: Map<Uint8Array, Uint8Array> = new Map()
): PassiveAuthResult['dataGroupHashes'] {
  const numbers = [...new Set([...sod.dataGroupHashes.keys(), ...read.keys()])].sort((a, b) => a - b)
  return numbers.map((dg) => {
    const expected = sod.dataGroupHashes.get(dg)
    const bytes = read.get(dg)
    if (!bytes) return { dg, status: 'not-read' as const }
    if (!expected) return { dg, status: 'not-in-sod' as const }
    let digest = cache.get(bytes)
    if (!digest) {
      digest = hashBytes(sod.hashAlgorithm, bytes)
      cache.set(bytes, digest)
    }
    return { dg, status: equalBytes(digest, expected) ? 'match' : 'mismatch' }
  })
}

/** issuer DER, serial content bytes and subjectKeyIdentifier of an X.509 certificate, by a DER walk. */
function certificateIds(der: Uint8Array): { issuer: Uint8Array; serial: Uint8Array; ski?: Uint8Array } {
  const tbs = children(
    expectTag(children(expectTag(node(der), TAG.sequence, 'certificate'))[0], TAG.sequence, 'TBS')
  )
  const fields = contextTag(tbs[0]!) === 0 ? tbs.slice(1) : tbs
  const out: { issuer: Uint8Array; serial: Uint8Array; ski?: Uint8Array } = {
    serial: expectTag(fields[0], TAG.integer, 'serial').value,
    issuer: expectTag(fields[2], TAG.sequence, 'issuer').der
  }
  const extensions = fields.find((f) => contextTag(f) === 3)
  if (extensions) {
    for (const ext of children(expectTag(children(extensions)[0], TAG.sequence, 'extensions'))) {
      const parts = children(ext)
      if (oidText(parts[0], 'extension') !== '2.5.29.14') continue
      const wrapped = expectTag(parts.at(-1), TAG.octetString, 'extension value')
      out.ski = expectTag(node(wrapped.value), TAG.octetString, 'subject key identifier').value
    }
  }
  return out
}

/** The DER certificate that the SignerInfo names (issuer+serial or subject key identifier). */
function findSignerCertificate(sod: ParsedSod): Uint8Array | undefined {
  const signer = sod.signer
  for (const der of sod.certificates) {
    let ids: ReturnType<typeof certificateIds>
    try {
      ids = certificateIds(der)
    } catch {
      continue
    }
    if (signer.issuer && signer.serial) {
      if (equalBytes(ids.issuer, signer.issuer) && equalBytes(ids.serial, signer.serial)) return der
    } else if (signer.subjectKeyId && ids.ski && equalBytes(ids.ski, signer.subjectKeyId)) return der
  }
  return sod.certificates.length === 1 ? sod.certificates[0] : undefined
}

/** RSASSA-PSS-params (RFC 4055): hash and salt length, with their defaults (SHA-1, 20). */
function pssParams(der: Uint8Array | undefined): { hash: HashName | undefined; saltLength: number } {
  let hash: HashName | undefined = 'sha1'
  let saltLength = 20
  if (!der) return { hash, saltLength }
  for (const field of children(expectTag(node(der), TAG.sequence, 'PSS parameters'))) {
    const inner = children(field)[0]
    if (contextTag(field) === 0) hash = hashByOid(algorithmOf(inner, 'PSS hash').oid)
    if (contextTag(field) === 2) saltLength = smallInt(inner, 'PSS salt length')
  }
  return { hash, saltLength }
}

function verifyWith(
  key: KeyObject,
  signer: SodSigner,
  data: Uint8Array,
  signature: Uint8Array
): boolean | undefined {
  const scheme = signatureSchemeByOid(signer.signatureAlgorithm)
  const digestHash = hashByOid(signer.digestAlgorithm)
  if (!scheme) return undefined
  if (scheme.kind === 'rsa-pss') {
    const params = pssParams(signer.signatureParams)
    if (!params.hash) return undefined
    return cryptoVerify(
      params.hash,
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
  signerCert: X509Certificate | undefined
): { result: 'valid' | 'invalid' | 'unchecked'; reason?: string } {
  if (!signerCert) return { result: 'unchecked', reason: 'no document signer certificate in EF.SOD' }
  const signer = sod.signer
  const digestHash = hashByOid(signer.digestAlgorithm)
  let signedBytes = sod.eContent
  if (signer.signedAttributes) {
    if (!digestHash) return { result: 'unchecked', reason: 'unsupported digest algorithm' }
    if (!signer.messageDigest) return { result: 'invalid', reason: 'messageDigest attribute missing' }
    if (!equalBytes(signer.messageDigest, hashBytes(digestHash, sod.eContent))) {
      return { result: 'invalid', reason: 'messageDigest does not match the LDS security object' }
    }
    if (signer.contentType !== undefined && signer.contentType !== OID.ldsSecurityObject) {
      return { result: 'invalid', reason: 'contentType attribute is not the LDS security object' }
    }
    signedBytes = signer.signedAttributes
  }
  try {
    const ok = verifyWith(signerCert.publicKey, signer, signedBytes, signer.signature)
    if (ok === undefined) return { result: 'unchecked', reason: 'unsupported signature algorithm' }
    return ok ? { result: 'valid' } : { result: 'invalid', reason: 'SOD signature does not verify' }
  } catch {
    return { result: 'invalid', reason: 'SOD signature could not be checked with the signer key' }
  }
}

function checkChain(
  signerDer: Uint8Array | undefined,
  ds: X509Certificate | undefined,
  cscas: readonly Uint8Array[]
): PassiveAuthResult['chain'] {
  if (!signerDer || cscas.length === 0) return 'unknown'
  if (!ds) return 'untrusted'
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

const nameOf = (text: string | undefined): string | null => (text ? text.split('\n').join(', ') : null)

/** EF.SOD parsed and its signature and chain checked once; data groups are compared as they arrive. */
export interface PreparedPassiveAuth {
  evaluate(dataGroups: ReadonlyMap<number, Uint8Array>): PassiveAuthResult
  /** DER of the document signer certificate, when EF.SOD carries one. */
  signerCertificate: Uint8Array | undefined
  /** Issuer of the document signer, e.g. "C=VN, O=…, CN=CSCA …". */
  signerIssuer: string | null
  /** Data groups the SOD lists (so the reader knows whether DG14/DG15 exist). */
  listedDataGroups: number[]
}

function unchecked(
  dataGroups: ReadonlyMap<number, Uint8Array>,
  reason: string,
  status: 'unchecked' | 'invalid'
) {
  const readOnly = [...dataGroups.keys()].sort((a, b) => a - b)
  return {
    status,
    dataGroupHashes: readOnly.map((dg) => ({ dg, status: 'not-in-sod' as const })),
    signature: 'unchecked' as const,
    chain: 'unknown' as const,
    signerSubject: null,
    reason
  }
}

/**
 * Parses EF.SOD and checks its signature and chain once (the slow part), for a read that reports twice:
 * after DG1 + DG13 and after the photo. Never throws: a malformed SOD evaluates to 'invalid'.
 */
export function preparePassiveAuth(
  sodBytes: Uint8Array | undefined,
  cscaCertificates: readonly Uint8Array[] = []
): PreparedPassiveAuth {
  const failed = (reason: string, status: 'unchecked' | 'invalid'): PreparedPassiveAuth => ({
    evaluate: (dgs) => unchecked(dgs, reason, status),
    signerCertificate: undefined,
    signerIssuer: null,
    listedDataGroups: []
  })
  if (!sodBytes) return failed('EF.SOD not read', 'unchecked')
  try {
    let sod: ParsedSod
    try {
      sod = parseSod(sodBytes)
    } catch (e) {
      return failed(isAppError(e) ? e.message : 'EF.SOD could not be parsed', 'invalid')
    }
    const signerDer = findSignerCertificate(sod)
    // The signer certificate is parsed once for the signature, the chain, its subject and issuer.
    let signerCert: X509Certificate | undefined
    try {
      signerCert = signerDer ? new X509Certificate(toBuffer(signerDer)) : undefined
    } catch {
      signerCert = undefined
    }
    const signature =
      signerDer && !signerCert
        ? {
            result: 'invalid' as const,
            reason: 'SOD signature could not be checked with the signer key'
          }
        : checkSignature(sod, signerCert)
    const chain = checkChain(signerDer, signerCert, cscaCertificates)
    const signerSubject = nameOf(signerCert?.subject)
    const hashCache = new Map<Uint8Array, Uint8Array>()
    const evaluate = (dataGroups: ReadonlyMap<number, Uint8Array>): PassiveAuthResult => {
      try {
        const dataGroupHashes = compareHashes(sod, dataGroups, hashCache)
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
          signerSubject
        }
        if (status !== 'valid' && reason) result.reason = reason
        return result
      } catch {
        return unchecked(dataGroups, 'passive authentication failed unexpectedly', 'invalid')
      }
    }
    return {
      evaluate,
      signerCertificate: signerDer,
      signerIssuer: nameOf(signerCert?.issuer),
      listedDataGroups: [...sod.dataGroupHashes.keys()].sort((a, b) => a - b)
    }
  } catch {
    return failed('passive authentication failed unexpectedly', 'invalid')
  }
}

/** Runs passive authentication. Never throws for bad chip data: a malformed SOD gives status 'invalid'. */
export function verifyPassiveAuth(input: PassiveAuthInput): PassiveAuthResult {
  return preparePassiveAuth(input.sod, input.cscaCertificates ?? []).evaluate(input.dataGroups)
}
