import { constants, sign as cryptoSign, KeyObject, type webcrypto } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { encodeTlv } from '../tlv'
import { ECDSA_OIDS, HASH_OIDS, OID, RSA_PKCS1_OIDS, type HashName } from './algorithms'
import { hashBytes } from './passive-auth'

/**
 * Builds an EF.SOD (tag 77, CMS SignedData over an LDS security object) from data-group bytes and a
 * document signer. Used by test fixtures and the virtual chip; the reader never signs anything.
 */
export interface BuildSodInput {
  dataGroups: ReadonlyMap<number, Uint8Array>
  hashAlgorithm: HashName
  /** Document signer private key (RSA or EC), as a node KeyObject or a WebCrypto CryptoKey. */
  signerKey: KeyObject | webcrypto.CryptoKey
  /** Document signer certificate, DER. */
  signerCert: Uint8Array
  /** RSA keys only: PKCS#1 v1.5 (default) or PSS. */
  rsaPadding?: 'pkcs1' | 'pss'
}

function algorithm(oid: string, params?: asn1js.AsnType): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier(
    params ? { algorithmId: oid, algorithmParams: params } : { algorithmId: oid }
  )
}

const HASH_LENGTH: Record<HashName, number> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 }

function ldsSecurityObject(hash: HashName, dataGroups: ReadonlyMap<number, Uint8Array>): Uint8Array {
  const entries = [...dataGroups.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([dg, bytes]) =>
        new asn1js.Sequence({
          value: [
            new asn1js.Integer({ value: dg }),
            new asn1js.OctetString({ valueHex: hashBytes(hash, bytes) })
          ]
        })
    )
  const sequence = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      algorithm(HASH_OIDS[hash]).toSchema(),
      new asn1js.Sequence({ value: entries })
    ]
  })
  return new Uint8Array(sequence.toBER())
}

export function buildSod(input: BuildSodInput): Uint8Array {
  const { hashAlgorithm: hash } = input
  const signerKey = input.signerKey instanceof KeyObject ? input.signerKey : KeyObject.from(input.signerKey)
  const eContent = ldsSecurityObject(hash, input.dataGroups)
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(input.signerCert))

  const attributes = [
    new pkijs.Attribute({
      type: OID.contentTypeAttr,
      values: [new asn1js.ObjectIdentifier({ value: OID.ldsSecurityObject })]
    }),
    new pkijs.Attribute({
      type: OID.messageDigestAttr,
      values: [new asn1js.OctetString({ valueHex: hashBytes(hash, eContent) })]
    })
  ]
  const toSign = new Uint8Array(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }).toBER())

  let signatureAlgorithm: pkijs.AlgorithmIdentifier
  let signature: Buffer
  if (signerKey.asymmetricKeyType === 'ec') {
    signatureAlgorithm = algorithm(ECDSA_OIDS[hash])
    signature = cryptoSign(hash, toSign, { key: signerKey, dsaEncoding: 'der' })
  } else if (input.rsaPadding === 'pss') {
    const params = new pkijs.RSASSAPSSParams({
      hashAlgorithm: algorithm(HASH_OIDS[hash]),
      maskGenAlgorithm: algorithm(OID.mgf1, algorithm(HASH_OIDS[hash]).toSchema()),
      saltLength: HASH_LENGTH[hash]
    })
    signatureAlgorithm = algorithm(OID.rsassaPss, params.toSchema())
    signature = cryptoSign(hash, toSign, {
      key: signerKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: HASH_LENGTH[hash]
    })
  } else {
    signatureAlgorithm = algorithm(RSA_PKCS1_OIDS[hash])
    signature = cryptoSign(hash, toSign, signerKey)
  }

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber
    }),
    digestAlgorithm: algorithm(HASH_OIDS[hash]),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: new Uint8Array(signature) })
  })
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [algorithm(HASH_OIDS[hash])],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.ldsSecurityObject,
      eContent: new asn1js.OctetString({ valueHex: eContent })
    }),
    certificates: [certificate],
    signerInfos: [signerInfo]
  })
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true)
  })
  return encodeTlv(0x77, new Uint8Array(contentInfo.toSchema().toBER()))
}
