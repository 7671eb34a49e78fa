import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { chipDataInvalid, isAppError } from '../errors'
import { decodeSingleTlv } from '../tlv'
import { hashByOid, OID, type HashName } from './algorithms'

/** EF.SOD: tag 77 → CMS ContentInfo → SignedData → LDSSecurityObject (ICAO 9303-10 §4.6.2). */

export interface ParsedSod {
  hashAlgorithm: HashName
  /** Hash of each data group as listed in the LDS security object. */
  dataGroupHashes: Map<number, Uint8Array>
  /** The DER of the LDS security object (the signed eContent). */
  eContent: Uint8Array
  signedData: pkijs.SignedData
  /** DER of the certificates embedded in the SignedData (the document signer first if present). */
  certificates: Uint8Array[]
}

function fail(reason: string): never {
  throw chipDataInvalid(`EF.SOD: ${reason}`)
}

function parseLdsSecurityObject(der: Uint8Array): { hash: HashName; hashes: Map<number, Uint8Array> } {
  const parsed = asn1js.fromBER(der)
  if (parsed.offset === -1 || parsed.offset !== der.byteLength) fail('LDS security object is not DER')
  const root = parsed.result
  if (!(root instanceof asn1js.Sequence)) fail('LDS security object is not a SEQUENCE')
  const [version, algorithm, list] = root.valueBlock.value
  if (!(version instanceof asn1js.Integer)) fail('LDS security object version missing')
  if (!(algorithm instanceof asn1js.Sequence)) fail('hash algorithm missing')
  const oid = algorithm.valueBlock.value[0]
  if (!(oid instanceof asn1js.ObjectIdentifier)) fail('hash algorithm OID missing')
  const hash = hashByOid(oid.valueBlock.toString())
  if (!hash) fail(`unsupported hash algorithm ${oid.valueBlock.toString()}`)
  if (!(list instanceof asn1js.Sequence)) fail('data group hash list missing')
  const hashes = new Map<number, Uint8Array>()
  for (const item of list.valueBlock.value) {
    if (!(item instanceof asn1js.Sequence)) fail('data group hash entry is not a SEQUENCE')
    const [n, value] = item.valueBlock.value
    if (!(n instanceof asn1js.Integer) || !(value instanceof asn1js.OctetString))
      fail('bad data group hash entry')
    const dg = n.valueBlock.valueDec
    if (!Number.isInteger(dg) || dg < 1 || dg > 16 || hashes.has(dg)) fail('bad data group number')
    hashes.set(dg, new Uint8Array(value.valueBlock.valueHexView))
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

/** Parses EF.SOD; malformed input gives AppError CHIP_DATA_INVALID. */
export function parseSod(bytes: Uint8Array): ParsedSod {
  const outer = decodeSingleTlv(bytes, 0x77)
  try {
    const asn = asn1js.fromBER(outer.value)
    if (asn.offset === -1) fail('CMS ContentInfo is not BER')
    const contentInfo = new pkijs.ContentInfo({ schema: asn.result })
    if (contentInfo.contentType !== OID.signedData) fail('not a CMS SignedData')
    const signedData = new pkijs.SignedData({ schema: contentInfo.content })
    const encap = signedData.encapContentInfo
    if (encap.eContentType !== OID.ldsSecurityObject) fail(`unexpected content type ${encap.eContentType}`)
    if (!encap.eContent) fail('no LDS security object')
    const eContent = new Uint8Array(encap.eContent.getValue())
    if (signedData.signerInfos.length === 0) fail('no SignerInfo')
    const { hash, hashes } = parseLdsSecurityObject(eContent)
    const certificates = originalCertificates(contentInfo.content)
    return { hashAlgorithm: hash, dataGroupHashes: hashes, eContent, signedData, certificates }
  } catch (e) {
    if (isAppError(e)) throw e
    throw chipDataInvalid('EF.SOD: structure not understood', {
      cause: e instanceof Error ? e.message : String(e)
    })
  }
}
