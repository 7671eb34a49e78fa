/**
 * Test PKI: a self-made CSCA and document signers, built with pkijs and signed with node:crypto so
 * any curve OpenSSL knows (brainpool included) can be used. Fixed dates keep results reproducible.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

export type TestKeyType = 'ec-p256' | 'ec-brainpoolP256r1' | 'rsa-2048'

export interface TestCert {
  der: Uint8Array
  privateKey: KeyObject
  name: pkijs.RelativeDistinguishedNames
}

export function generateKey(type: TestKeyType): { privateKey: KeyObject; publicKey: KeyObject } {
  if (type === 'rsa-2048') return generateKeyPairSync('rsa', { modulusLength: 2048 })
  return generateKeyPairSync('ec', { namedCurve: type === 'ec-p256' ? 'prime256v1' : 'brainpoolP256r1' })
}

function name(country: string, cn: string): pkijs.RelativeDistinguishedNames {
  // One attribute per RDN, as real certificates have (pkijs would otherwise put them in one SET).
  const rdn = (type: string, value: asn1js.PrintableString | asn1js.Utf8String) =>
    new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] })
  const sequence = new asn1js.Sequence({
    value: [
      rdn('2.5.4.6', new asn1js.PrintableString({ value: country })),
      rdn('2.5.4.3', new asn1js.Utf8String({ value: cn }))
    ]
  })
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER())
}

function signatureAlgorithm(key: KeyObject): pkijs.AlgorithmIdentifier {
  return key.asymmetricKeyType === 'ec'
    ? new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.10045.4.3.2' })
    : new pkijs.AlgorithmIdentifier({
        algorithmId: '1.2.840.113549.1.1.11',
        algorithmParams: new asn1js.Null()
      })
}

let serial = 1000

export function makeCertificate(options: {
  cn: string
  keyType: TestKeyType
  issuer?: TestCert
  ca?: boolean
}): TestCert {
  const { privateKey, publicKey } = generateKey(options.keyType)
  const subject = name('VN', options.cn)
  const issuerName = options.issuer?.name ?? subject
  const signingKey = options.issuer?.privateKey ?? privateKey
  const cert = new pkijs.Certificate()
  cert.version = 2
  cert.serialNumber = new asn1js.Integer({ value: serial++ })
  cert.signature = signatureAlgorithm(signingKey)
  cert.signatureAlgorithm = signatureAlgorithm(signingKey)
  cert.issuer = issuerName
  cert.subject = subject
  cert.notBefore = new pkijs.Time({ type: 1, value: new Date(Date.UTC(2021, 0, 1)) })
  cert.notAfter = new pkijs.Time({ type: 1, value: new Date(Date.UTC(2040, 0, 1)) })
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(spki)
  if (options.ca) {
    cert.extensions = [
      new pkijs.Extension({
        extnID: '2.5.29.19',
        critical: true,
        extnValue: new pkijs.BasicConstraints({ cA: true }).toSchema().toBER(),
        parsedValue: new pkijs.BasicConstraints({ cA: true })
      })
    ]
  }
  const tbs = new Uint8Array(cert.encodeTBS().toBER())
  cert.tbsView = tbs
  const sig =
    signingKey.asymmetricKeyType === 'ec'
      ? sign('sha256', tbs, { key: signingKey, dsaEncoding: 'der' })
      : sign('sha256', tbs, signingKey)
  cert.signatureValue = new asn1js.BitString({ valueHex: new Uint8Array(sig) })
  return { der: new Uint8Array(cert.toSchema().toBER()), privateKey, name: subject }
}

/** A CSCA and a document signer issued by it. */
export function makeDocumentSigner(dsKeyType: TestKeyType = 'ec-p256', cscaKeyType: TestKeyType = 'ec-p256') {
  const csca = makeCertificate({ cn: 'Test CSCA', keyType: cscaKeyType, ca: true })
  const ds = makeCertificate({ cn: 'Test Document Signer', keyType: dsKeyType, issuer: csca })
  return { csca, ds }
}
