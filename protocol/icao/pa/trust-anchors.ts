import { X509Certificate } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { toBuffer } from '../bytes'

/**
 * Certificates IT imports as trust anchors: PEM or DER X.509 certificates, or an ICAO CSCA master list
 * (CMS SignedData whose eContent is CscaMasterList ::= SEQUENCE { version, SET OF Certificate }, ICAO 9303-12 §8).
 * The master list's own signature is not checked here: IT imports it from a source it trusts (ADR 0018).
 */

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2'
const OID_CSCA_MASTER_LIST = '2.23.136.1.1.2'

export interface TrustAnchor {
  der: Uint8Array
  subject: string
  notBefore: string
  notAfter: string
  isCa: boolean
}

function describe(der: Uint8Array): TrustAnchor | undefined {
  try {
    const c = new X509Certificate(toBuffer(der))
    return {
      der,
      subject: c.subject.split('\n').join(', '),
      notBefore: new Date(c.validFrom).toISOString(),
      notAfter: new Date(c.validTo).toISOString(),
      isCa: c.ca
    }
  } catch {
    return undefined
  }
}

function fromPem(text: string): Uint8Array[] {
  const out: Uint8Array[] = []
  for (const m of text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
    out.push(new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')))
  }
  return out
}

function fromMasterList(bytes: Uint8Array): Uint8Array[] | undefined {
  try {
    const asn = asn1js.fromBER(bytes)
    if (asn.offset === -1) return undefined
    const info = new pkijs.ContentInfo({ schema: asn.result })
    if (info.contentType !== OID_SIGNED_DATA) return undefined
    const sd = new pkijs.SignedData({ schema: info.content })
    if (sd.encapContentInfo.eContentType !== OID_CSCA_MASTER_LIST || !sd.encapContentInfo.eContent)
      return undefined
    const eContent = sd.encapContentInfo.eContent.getValue()
    const list = asn1js.fromBER(eContent)
    if (!(list.result instanceof asn1js.Sequence)) return undefined
    const certSet = list.result.valueBlock.value[1]
    if (!(certSet instanceof asn1js.Set)) return undefined
    return certSet.valueBlock.value.map((c) => new Uint8Array(c.toBER(false)))
  } catch {
    return undefined
  }
}

/** Every CA certificate the file holds (PEM, DER certificate, or master list); non-CA certificates are skipped. */
export function parseTrustAnchors(bytes: Uint8Array): TrustAnchor[] {
  const text = Buffer.from(bytes).toString('latin1')
  const ders = text.includes('-----BEGIN CERTIFICATE-----')
    ? fromPem(text)
    : (fromMasterList(bytes) ?? [bytes])
  return ders.map(describe).filter((a): a is TrustAnchor => a !== undefined && a.isCa)
}
