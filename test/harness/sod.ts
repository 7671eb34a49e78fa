// Test PKI (CSCA → Document Signer) and EF.SOD builder for fixture cards, with pkijs + asn1js.
// The keys are generated once per process; nothing secret is stored in the repository.
import { createHash, webcrypto } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { integer, oid, sequence, tlv } from './ber'

const OID_SHA256 = '2.16.840.1.101.3.4.2.1'
const OID_LDS_SECURITY_OBJECT = '2.23.136.1.1.1'
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2'
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3'
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4'

let engineSet = false
function engine(): void {
  if (engineSet) return
  pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }))
  engineSet = true
}

export interface TestPki {
  cscaCertDer: Buffer
  dsCertDer: Buffer
  csca: pkijs.Certificate
  ds: pkijs.Certificate
  dsPrivateKey: CryptoKey
}

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const

function name(cn: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({
        type: '2.5.4.6',
        value: new asn1js.PrintableString({ value: 'VN' })
      }),
      new pkijs.AttributeTypeAndValue({
        type: '2.5.4.10',
        value: new asn1js.Utf8String({ value: 'Reception Desk Test PKI' })
      }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: cn }) })
    ]
  })
}

async function makeCert(args: {
  serial: number
  subject: string
  issuer: string
  publicKey: CryptoKey
  signingKey: CryptoKey
  ca: boolean
}): Promise<pkijs.Certificate> {
  const cert = new pkijs.Certificate()
  cert.version = 2
  cert.serialNumber = new asn1js.Integer({ value: args.serial })
  cert.subject = name(args.subject)
  cert.issuer = name(args.issuer)
  cert.notBefore.value = new Date(Date.UTC(2020, 0, 1))
  cert.notAfter.value = new Date(Date.UTC(2040, 0, 1))
  const keyUsageBits = new Uint8Array([args.ca ? 0x06 : 0x80]) // keyCertSign+cRLSign | digitalSignature
  cert.extensions = [
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: args.ca }).toSchema().toBER(false)
    }),
    new pkijs.Extension({
      extnID: '2.5.29.15',
      critical: true,
      extnValue: new asn1js.BitString({ valueHex: keyUsageBits.buffer, unusedBits: args.ca ? 1 : 7 }).toBER(
        false
      )
    })
  ]
  await cert.subjectPublicKeyInfo.importKey(args.publicKey)
  await cert.sign(args.signingKey, 'SHA-256')
  return cert
}

/** 'national': the test CSCA that IT imports; 'homemade': an unrelated signer a forger could make. */
export type PkiKind = 'national' | 'homemade'
const pkiPromises = new Map<PkiKind, Promise<TestPki>>()

/** One CSCA and one Document Signer per kind and process (key generation is the slow part). */
export function testPki(kind: PkiKind = 'national'): Promise<TestPki> {
  engine()
  const cscaName = kind === 'national' ? 'CSCA Test Vietnam' : 'CSCA Home-made'
  const dsName = kind === 'national' ? 'Document Signer Test' : 'Document Signer Home-made'
  let pkiPromise = pkiPromises.get(kind)
  pkiPromise ??= (async () => {
    const subtle = webcrypto.subtle
    const cscaKeys = (await subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair
    const dsKeys = (await subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair
    const csca = await makeCert({
      serial: 1,
      subject: cscaName,
      issuer: cscaName,
      publicKey: cscaKeys.publicKey,
      signingKey: cscaKeys.privateKey,
      ca: true
    })
    const ds = await makeCert({
      serial: 2,
      subject: dsName,
      issuer: cscaName,
      publicKey: dsKeys.publicKey,
      signingKey: cscaKeys.privateKey,
      ca: false
    })
    return {
      csca,
      ds,
      cscaCertDer: Buffer.from(csca.toSchema().toBER(false)),
      dsCertDer: Buffer.from(ds.toSchema().toBER(false)),
      dsPrivateKey: dsKeys.privateKey
    }
  })()
  pkiPromises.set(kind, pkiPromise)
  return pkiPromise
}

/** LDSSecurityObject v0 with SHA-256 hashes of the given data groups (number → full DG bytes). */
export function ldsSecurityObject(dataGroups: Map<number, Uint8Array>): Buffer {
  const hashes = [...dataGroups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([n, bytes]) => sequence(integer(n), tlv(0x04, createHash('sha256').update(bytes).digest())))
  return sequence(integer(0), sequence(oid(OID_SHA256)), sequence(...hashes))
}

/** EF.SOD: 77 { ContentInfo { signedData { LDSSecurityObject, DS certificate, one SignerInfo } } }. */
export async function buildSod(
  dataGroups: Map<number, Uint8Array>,
  kind: PkiKind = 'national'
): Promise<Buffer> {
  const pki = await testPki(kind)
  const content = ldsSecurityObject(dataGroups)
  const digest = createHash('sha256').update(content).digest()
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID_LDS_SECURITY_OBJECT,
      eContent: new asn1js.OctetString({ valueHex: new Uint8Array(content).buffer })
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: pki.ds.issuer, serialNumber: pki.ds.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: OID_CONTENT_TYPE,
              values: [new asn1js.ObjectIdentifier({ value: OID_LDS_SECURITY_OBJECT })]
            }),
            new pkijs.Attribute({
              type: OID_MESSAGE_DIGEST,
              values: [new asn1js.OctetString({ valueHex: new Uint8Array(digest).buffer })]
            })
          ]
        })
      })
    ],
    certificates: [pki.ds]
  })
  await signedData.sign(pki.dsPrivateKey, 0, 'SHA-256')
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID_SIGNED_DATA,
    content: signedData.toSchema(true)
  })
  return tlv(0x77, Buffer.from(contentInfo.toSchema().toBER(false)))
}

/** Verifies an EF.SOD signature with pkijs (used by the fixture self-test). */
export async function verifySod(sod: Uint8Array): Promise<boolean> {
  engine()
  const pki = await testPki()
  const inner = sod.subarray(sod[1] === 0x82 ? 4 : sod[1] === 0x81 ? 3 : 2)
  const asn = asn1js.fromBER(new Uint8Array(inner).buffer)
  const ci = new pkijs.ContentInfo({ schema: asn.result })
  const sd = new pkijs.SignedData({ schema: ci.content })
  return sd.verify({ signer: 0, trustedCerts: [pki.csca], checkChain: true })
}
