/** OIDs used by EF.SOD (ICAO 9303-10 §4.6.2, RFC 5652/5754/4055/5758). */

export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512'

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  ldsSecurityObject: '2.23.136.1.1.1',
  contentTypeAttr: '1.2.840.113549.1.9.3',
  messageDigestAttr: '1.2.840.113549.1.9.4',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  mgf1: '1.2.840.113549.1.1.8'
} as const

export const HASH_OIDS: Record<HashName, string> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3'
}

export const RSA_PKCS1_OIDS: Record<HashName, string> = {
  sha1: '1.2.840.113549.1.1.5',
  sha224: '1.2.840.113549.1.1.14',
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13'
}

export const ECDSA_OIDS: Record<HashName, string> = {
  sha1: '1.2.840.10045.4.1',
  sha224: '1.2.840.10045.4.3.1',
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4'
}

function reverse(map: Record<HashName, string>): Map<string, HashName> {
  return new Map(Object.entries(map).map(([name, oid]) => [oid, name as HashName]))
}

const byHashOid = reverse(HASH_OIDS)
const byRsaOid = reverse(RSA_PKCS1_OIDS)
const byEcdsaOid = reverse(ECDSA_OIDS)

export function hashByOid(oid: string): HashName | undefined {
  return byHashOid.get(oid)
}

export type SignatureScheme =
  | { kind: 'rsa-pkcs1'; hash: HashName | undefined }
  | { kind: 'rsa-pss' }
  | { kind: 'ecdsa'; hash: HashName | undefined }

/** Scheme from a SignerInfo signatureAlgorithm; `hash` undefined means "use the digestAlgorithm". */
export function signatureSchemeByOid(oid: string): SignatureScheme | undefined {
  if (oid === OID.rsaEncryption) return { kind: 'rsa-pkcs1', hash: undefined }
  if (oid === OID.rsassaPss) return { kind: 'rsa-pss' }
  if (oid === OID.ecPublicKey) return { kind: 'ecdsa', hash: undefined }
  const rsa = byRsaOid.get(oid)
  if (rsa) return { kind: 'rsa-pkcs1', hash: rsa }
  const ec = byEcdsaOid.get(oid)
  if (ec) return { kind: 'ecdsa', hash: ec }
  return undefined
}
