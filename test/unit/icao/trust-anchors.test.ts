// Trust anchors IT imports: PEM and DER CSCA certificates, and an ICAO CSCA master list (CMS SignedData).
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { describe, expect, it } from 'vitest'
import { parseTrustAnchors } from '../../../protocol/icao/pa/trust-anchors'
import { testPki } from '../../harness/sod'

function masterList(certs: Uint8Array[]): Uint8Array {
  const list = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Set({ value: certs.map((c) => asn1js.fromBER(c).result) })
    ]
  })
  const sd = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: '2.23.136.1.1.2',
      eContent: new asn1js.OctetString({ valueHex: list.toBER(false) })
    }),
    signerInfos: []
  })
  const ci = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) })
  return new Uint8Array(ci.toSchema().toBER(false))
}

describe('parseTrustAnchors', () => {
  it('reads a DER CSCA, a PEM bundle and a master list; skips the non-CA document signer', async () => {
    const national = await testPki('national')
    const homemade = await testPki('homemade')
    expect(parseTrustAnchors(national.cscaCertDer).map((a) => a.subject)).toEqual([
      expect.stringContaining('CSCA Test Vietnam')
    ])
    const pem = [national.cscaCertDer, homemade.cscaCertDer, national.dsCertDer]
      .map((d) => `-----BEGIN CERTIFICATE-----\n${d.toString('base64')}\n-----END CERTIFICATE-----\n`)
      .join('')
    expect(parseTrustAnchors(new Uint8Array(Buffer.from(pem)))).toHaveLength(2)
    const ml = masterList([national.cscaCertDer, homemade.cscaCertDer])
    expect(parseTrustAnchors(ml).map((a) => a.subject)).toEqual([
      expect.stringContaining('CSCA Test Vietnam'),
      expect.stringContaining('CSCA Home-made')
    ])
  })

  it('finds nothing in a file that is not a certificate', () => {
    expect(parseTrustAnchors(new Uint8Array(Buffer.from('not a certificate')))).toEqual([])
  })
})
