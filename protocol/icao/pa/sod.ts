import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { chipDataInvalid, isAppError } from '../errors'
import { concat } from '../bytes'
import { decodeSingleTlv } from '../tlv'
import { hashByOid, OID, type HashName } from './algorithms'
import { algorithmOf, children, contextTag, expectTag, node, oidText, TAG, type DerNode } from './der'

/** EF.SOD: tag 77 → CMS ContentInfo → SignedData → LDSSecurityObject (ICAO 9303-10 §4.6.2). */

/** The one SignerInfo, as far as passive authentication needs it, with its original bytes. */
export interface SodSigner {
  /** issuerAndSerialNumber: DER of the issuer Name and the serial INTEGER's content bytes. */
  issuer?: Uint8Array
  serial?: Uint8Array
  /** subjectKeyIdentifier form of the signer identifier. */
  subjectKeyId?: Uint8Array
  digestAlgorithm: string
  /** The signed attributes re-tagged as a SET (RFC 5652 §5.4): what the signature covers. */
  signedAttributes?: Uint8Array
  /** The messageDigest attribute's OCTET STRING, when present and well-formed. */
  messageDigest?: Uint8Array
  /** The contentType attribute's OID, when present as an OID. */
  contentType?: string
  signatureAlgorithm: string
  /** DER of the signature algorithm's parameters (RSASSA-PSS). */
  signatureParams?: Uint8Array
  signature: Uint8Array
}

export interface ParsedSod {
  hashAlgorithm: HashName
  /** Hash of each data group as listed in the LDS security object. */
  dataGroupHashes: Map<number, Uint8Array>
  /** The DER of the LDS security object (the signed eContent). */
  eContent: Uint8Array
  signer: SodSigner
  /** DER of the certificates embedded in the SignedData (the document signer first if present). */
  certificates: Uint8Array[]
}

function fail(reason: string): never {
  throw chipDataInvalid(`EF.SOD: ${reason}`)
}

function parseLdsSecurityObject(der: Uint8Array): { hash: HashName; hashes: Map<number, Uint8Array> } {
  const root = node(der)
  if (root.der.length !== der.length) fail('LDS security object is not DER')
  const [version, algorithm, list] = children(expectTag(root, TAG.sequence, 'LDS security object'))
  expectTag(version, TAG.integer, 'LDS security object version')
  const oid = algorithmOf(algorithm, 'hash algorithm').oid
  const hash = hashByOid(oid)
  if (!hash) fail(`unsupported hash algorithm ${oid}`)
  const hashes = new Map<number, Uint8Array>()
  for (const item of children(expectTag(list, TAG.sequence, 'data group hash list'))) {
    const [n, value] = children(expectTag(item, TAG.sequence, 'data group hash entry'))
    if (n?.tag !== TAG.integer || value?.tag !== TAG.octetString) fail('bad data group hash entry')
    const dg = n.value.length === 1 ? n.value[0]! : -1
    if (dg < 1 || dg > 16 || hashes.has(dg)) fail('bad data group number')
    hashes.set(dg, new Uint8Array(value.value))
  }
  return { hash, hashes }
}

/** The embedded certificates as they were encoded on the chip (re-encoding could alter them). */
function originalCertificates(signedData: unknown): Uint8Array[] {
  if (!(signedData instanceof asn1js.Sequence)) return []
  const set = signedData.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0)
  if (!set || !(set instanceof asn1js.Constructed)) return []
  return set.valueBlock.value
    .filter((c) => c instanceof asn1js.Sequence)
    .map((c) => new Uint8Array(c.valueBeforeDecodeView))
}

/** SignerInfo from the DER walk. */
function signerOf(info: DerNode): SodSigner {
  const parts = children(expectTag(info, TAG.sequence, 'SignerInfo'))
  const [, sid, digest, ...rest] = parts
  if (!sid || !digest) fail('SignerInfo incomplete')
  const out: SodSigner = {
    digestAlgorithm: algorithmOf(digest, 'digest algorithm').oid,
    signatureAlgorithm: '',
    signature: new Uint8Array(0)
  }
  if (sid.tag === TAG.sequence) {
    const [issuer, serial] = children(sid)
    out.issuer = expectTag(issuer, TAG.sequence, 'signer issuer').der
    out.serial = expectTag(serial, TAG.integer, 'signer serial').value
  } else if (contextTag(sid) === 0 && !sid.constructed) {
    out.subjectKeyId = sid.value
  } else fail('signer identifier not understood')
  let at = 0
  if (rest[0] && contextTag(rest[0]) === 0) {
    const attrs = rest[0]
    const set = new Uint8Array(attrs.der)
    set[0] = TAG.set
    out.signedAttributes = set
    for (const attr of children(attrs)) {
      const [type, values] = children(expectTag(attr, TAG.sequence, 'attribute'))
      const first = children(expectTag(values, TAG.set, 'attribute values'))[0]
      const oid = oidText(type, 'attribute type')
      if (oid === OID.messageDigestAttr && first?.tag === TAG.octetString) out.messageDigest = first.value
      if (oid === OID.contentTypeAttr && first?.tag === TAG.oid) out.contentType = oidText(first)
    }
    at = 1
  }
  const algorithm = algorithmOf(rest[at], 'signature algorithm')
  out.signatureAlgorithm = algorithm.oid
  if (algorithm.params && algorithm.params.tag !== 0x05) out.signatureParams = algorithm.params.der
  out.signature = expectTag(rest[at + 1], TAG.octetString, 'signature').value
  return out
}

/** An OCTET STRING's bytes; the constructed form (some CMS writers chunk eContent) is joined. */
function octets(n: DerNode | undefined, what: string): Uint8Array {
  if (n?.tag === TAG.octetString) return new Uint8Array(n.value)
  if (n?.tag !== (TAG.octetString | 0x20)) fail(`${what} missing`)
  return concat(...children(n).map((c) => octets(c, what)))
}

/** The DER walk: definite lengths only (what ICAO 9303-10 requires of EF.SOD). */
function parseDer(bytes: Uint8Array): ParsedSod {
  const outer = decodeSingleTlv(bytes, 0x77)
  const contentInfo = node(outer.value)
  if (contentInfo.der.length !== outer.value.length) fail('trailing bytes after the ContentInfo')
  const [type, wrapped] = children(expectTag(contentInfo, TAG.sequence, 'ContentInfo'))
  if (oidText(type, 'content type') !== OID.signedData) fail('not a CMS SignedData')
  if (!wrapped || contextTag(wrapped) !== 0) fail('SignedData missing')
  const signedData = expectTag(children(wrapped)[0], TAG.sequence, 'SignedData')
  const parts = children(signedData)
  const encap = children(expectTag(parts[2], TAG.sequence, 'encapsulated content'))
  const eContentType = oidText(encap[0], 'eContentType')
  if (eContentType !== OID.ldsSecurityObject) fail(`unexpected content type ${eContentType}`)
  if (!encap[1] || contextTag(encap[1]) !== 0) fail('no LDS security object')
  const eContent = octets(children(encap[1])[0], 'eContent')
  const certificates: Uint8Array[] = []
  let signerInfos: DerNode | undefined
  for (const part of parts.slice(3)) {
    if (contextTag(part) === 0)
      for (const c of children(part)) if (c.tag === TAG.sequence) certificates.push(new Uint8Array(c.der))
    if (part.tag === TAG.set) signerInfos = part
  }
  const infos = children(expectTag(signerInfos, TAG.set, 'SignerInfos'))
  if (infos.length === 0) fail('no SignerInfo')
  const { hash, hashes } = parseLdsSecurityObject(eContent)
  return { hashAlgorithm: hash, dataGroupHashes: hashes, eContent, signer: signerOf(infos[0]!), certificates }
}

/** pkijs/asn1js, for the BER forms the DER walk refuses (indefinite lengths, constructed strings). */
function parseBer(bytes: Uint8Array): ParsedSod {
  const outer = decodeSingleTlv(bytes, 0x77)
  const asn = asn1js.fromBER(outer.value)
  if (asn.offset === -1) fail('CMS ContentInfo is not BER')
  const contentInfo = new pkijs.ContentInfo({ schema: asn.result })
  if (contentInfo.contentType !== OID.signedData) fail('not a CMS SignedData')
  const signedData = new pkijs.SignedData({ schema: contentInfo.content })
  const encap = signedData.encapContentInfo
  if (encap.eContentType !== OID.ldsSecurityObject) fail(`unexpected content type ${encap.eContentType}`)
  if (!encap.eContent) fail('no LDS security object')
  const eContent = new Uint8Array(encap.eContent.getValue())
  const info = signedData.signerInfos[0]
  if (!info) fail('no SignerInfo')
  const { hash, hashes } = parseLdsSecurityObject(eContent)
  const signer: SodSigner = {
    digestAlgorithm: info.digestAlgorithm.algorithmId,
    signatureAlgorithm: info.signatureAlgorithm.algorithmId,
    signature: new Uint8Array(info.signature.valueBlock.valueHexView)
  }
  const params = info.signatureAlgorithm.algorithmParams as asn1js.AsnType | undefined
  if (params instanceof asn1js.Sequence) signer.signatureParams = new Uint8Array(params.toBER())
  if (info.sid instanceof pkijs.IssuerAndSerialNumber) {
    signer.issuer = new Uint8Array(info.sid.issuer.toSchema().toBER())
    signer.serial = new Uint8Array(info.sid.serialNumber.valueBlock.valueHexView)
  } else if (info.sid instanceof asn1js.Primitive || info.sid instanceof asn1js.Constructed) {
    const inner = info.sid instanceof asn1js.Constructed ? info.sid.valueBlock.value[0] : info.sid
    if (inner instanceof asn1js.Primitive) signer.subjectKeyId = new Uint8Array(inner.valueBlock.valueHexView)
  }
  if (info.signedAttrs) {
    // encodedValue is the original [0] IMPLICIT bytes with the tag turned into SET (RFC 5652 §5.4).
    signer.signedAttributes = new Uint8Array(info.signedAttrs.encodedValue)
    const attrs = info.signedAttrs.attributes
    const digest = attrs.find((a) => a.type === OID.messageDigestAttr)?.values[0]
    if (digest instanceof asn1js.OctetString)
      signer.messageDigest = new Uint8Array(digest.valueBlock.valueHexView)
    const contentType = attrs.find((a) => a.type === OID.contentTypeAttr)?.values[0]
    if (contentType instanceof asn1js.ObjectIdentifier) signer.contentType = contentType.valueBlock.toString()
  }
  const certificates = originalCertificates(contentInfo.content)
  return { hashAlgorithm: hash, dataGroupHashes: hashes, eContent, signer, certificates }
}

/**
 * Parses EF.SOD; malformed input gives AppError CHIP_DATA_INVALID. The DER walk takes well under a
 * millisecond where a schema parse took ~12 ms; a SOD it cannot walk (BER) gets the schema parse.
 */
export function parseSod(bytes: Uint8Array): ParsedSod {
  try {
    return parseDer(bytes)
  } catch {
    // Not the plain DER form: the lenient BER parse decides (and gives the error, if any).
  }
  try {
    return parseBer(bytes)
  } catch (e) {
    if (isAppError(e)) throw e
    throw chipDataInvalid('EF.SOD: structure not understood', {
      cause: e instanceof Error ? e.message : String(e)
    })
  }
}
