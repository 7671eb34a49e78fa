// PACE-ECDH-GM-AES-CBC-CMAC-128 on brainpoolP256r1 against the ICAO 9303-11 Appendix G worked example:
// every intermediate value, and the exact APDUs the reader sends, replayed against the chip's recorded answers.
import { describe, expect, it } from 'vitest'
import { fromHex, hex } from '../../../protocol/icao/bytes'
import { aesCmac } from '../../../protocol/icao/crypto/aes'
import {
  bigintFromBytes,
  decodePoint,
  encodePoint,
  generator,
  multiply,
  STANDARD_CURVES
} from '../../../protocol/icao/crypto/ec'
import { encodeCommandApdu, parseResponseApdu } from '../../../protocol/icao/apdu'
import {
  authenticationToken,
  decryptNonce,
  derivePasswordKey,
  mapGenerator,
  passwordKey,
  performPace,
  sessionKeys,
  sharedSecret
} from '../../../protocol/icao/pace/pace'
import { paceSuite } from '../../../protocol/icao/pace/algorithms'
import { parseSecurityInfos } from '../../../protocol/icao/pace/security-infos'

const G = {
  mrzInfo: 'T22000129364081251010318',
  cardAccess: '31143012060A04007F0007020204020202010202010D',
  kSeed: '7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD',
  kPi: '89DED1B26624EC1E634C1989302849DD',
  z: '95A3A016522EE98D01E76CB6B98B42C3',
  s: '3F00C4D39D153F2B2A214A078D899B22',
  skMapIfd: '7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99',
  pkMapIfd:
    '047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D',
  skMapIc: '498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560',
  pkMapIc:
    '04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54',
  h: '0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD50840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181',
  mapped:
    '048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E28C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522',
  skEphIfd: 'A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595',
  pkEphIfd:
    '042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462',
  skEphIc: '107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A',
  pkEphIc:
    '049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094',
  k: '28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925',
  ksEnc: 'F5F0E35C0D7161EE6724EE513A0D9A7F',
  ksMac: 'FE251C7858B356B24514B3BD5F4297D1',
  tIfd: 'C2B0BD78D94BA866',
  tIc: '3ABB9674BCE93C08'
}

const APDUS: [string, string][] = [
  ['0022C1A40F800A04007F00070202040202830101', '9000'],
  ['10860000027C0000', '7C12801095A3A016522EE98D01E76CB6B98B42C39000'],
  [`10860000457C438141${G.pkMapIfd}00`, `7C438241${G.pkMapIc}9000`],
  [`10860000457C438341${G.pkEphIfd}00`, `7C438441${G.pkEphIc}9000`],
  ['008600000C7C0A8508C2B0BD78D94BA86600', '7C0A86083ABB9674BCE93C089000']
]

const curve = STANDARD_CURVES[13]!
const OID = '0.4.0.127.0.7.2.2.4.2.2'
const password = { kind: 'mrz' as const, mrzInfo: G.mrzInfo }

describe('PACE ECDH generic mapping, ICAO 9303-11 Appendix G', () => {
  it('reads the PACEInfo from EF.CardAccess', () => {
    const infos = parseSecurityInfos(fromHex(G.cardAccess))
    expect(infos.pace).toEqual([{ protocol: OID, version: 2, parameterId: 13 }])
    expect(paceSuite(OID)).toMatchObject({ mapping: 'GM', agreement: 'ECDH', cipher: 'AES', keyBits: 128 })
  })

  it('derives K and K_pi from the MRZ password and decrypts the nonce', () => {
    expect(hex(passwordKey(password))).toBe(G.kSeed)
    const kPi = derivePasswordKey(password, paceSuite(OID)!)
    expect(hex(kPi)).toBe(G.kPi)
    expect(hex(decryptNonce(kPi, fromHex(G.z)))).toBe(G.s)
  })

  it('computes the mapping keys, H and the mapped generator', () => {
    const skMap = bigintFromBytes(fromHex(G.skMapIfd))
    expect(hex(encodePoint(curve, multiply(curve, skMap, generator(curve))))).toBe(G.pkMapIfd)
    const skMapIc = bigintFromBytes(fromHex(G.skMapIc))
    expect(hex(encodePoint(curve, multiply(curve, skMapIc, generator(curve))))).toBe(G.pkMapIc)
    const pkMapIc = decodePoint(curve, fromHex(G.pkMapIc))
    expect(hex(encodePoint(curve, multiply(curve, skMap, pkMapIc)))).toBe(G.h)
    expect(hex(encodePoint(curve, mapGenerator(curve, fromHex(G.s), skMap, pkMapIc)))).toBe(G.mapped)
  })

  it('agrees the ephemeral keys, K, KSenc, KSmac and both tokens', () => {
    const mapped = decodePoint(curve, fromHex(G.mapped))
    const skEph = bigintFromBytes(fromHex(G.skEphIfd))
    expect(hex(encodePoint(curve, multiply(curve, skEph, mapped)))).toBe(G.pkEphIfd)
    expect(hex(encodePoint(curve, multiply(curve, bigintFromBytes(fromHex(G.skEphIc)), mapped)))).toBe(
      G.pkEphIc
    )
    const k = sharedSecret(curve, skEph, decodePoint(curve, fromHex(G.pkEphIc)))
    expect(hex(k)).toBe(G.k)
    const keys = sessionKeys(k, paceSuite(OID)!)
    expect(hex(keys.ksEnc)).toBe(G.ksEnc)
    expect(hex(keys.ksMac)).toBe(G.ksMac)
    expect(hex(authenticationToken(keys.ksMac, OID, fromHex(G.pkEphIc)))).toBe(G.tIfd)
    expect(hex(authenticationToken(keys.ksMac, OID, fromHex(G.pkEphIfd)))).toBe(G.tIc)
  })

  it('sends exactly the Appendix G APDUs and ends with the Appendix G session keys', async () => {
    const keys = [G.skMapIfd, G.skEphIfd].map((k) => bigintFromBytes(fromHex(k)))
    let i = 0
    const sent: string[] = []
    const result = await performPace(
      async (command) => {
        sent.push(hex(encodeCommandApdu(command)))
        return parseResponseApdu(fromHex(APDUS[i++]![1]))
      },
      password,
      parseSecurityInfos(fromHex(G.cardAccess)).pace[0]!,
      { privateKeys: () => keys.shift()! }
    )
    expect(sent).toEqual(APDUS.map(([c]) => c))
    expect(hex(result.ksEnc)).toBe(G.ksEnc)
    expect(hex(result.ksMac)).toBe(G.ksMac)
  })

  it('calls a wrong chip token a refused key', async () => {
    const keys = [G.skMapIfd, G.skEphIfd].map((k) => bigintFromBytes(fromHex(k)))
    let i = 0
    const answers = APDUS.map(([, r]) => r)
    answers[4] = '7C0A86080000000000000000' + '9000'
    await expect(
      performPace(
        async () => parseResponseApdu(fromHex(answers[i++]!)),
        password,
        {
          protocol: OID,
          version: 2,
          parameterId: 13
        },
        { privateKeys: () => keys.shift()! }
      )
    ).rejects.toMatchObject({ code: 'ACCESS_DENIED', details: { protocol: 'PACE' } })
  })
})

describe('AES-CMAC (RFC 4493) and the curve table', () => {
  const key = fromHex('2B7E151628AED2A6ABF7158809CF4F3C')
  it('matches RFC 4493 examples 1 and 2', () => {
    expect(hex(aesCmac(key, new Uint8Array(0)))).toBe('BB1D6929E95937287FA37D129B756746')
    expect(hex(aesCmac(key, fromHex('6BC1BEE22E409F96E93D7E117393172A')))).toBe(
      '070A16B46B4D4144F79BDD9DD04A287C'
    )
  })

  it.each(Object.entries(STANDARD_CURVES))('parameter id %s: k·G agrees with OpenSSL', async (_id, c) => {
    const { createECDH } = await import('node:crypto')
    const ecdh = createECDH(c.name)
    ecdh.generateKeys()
    const k = bigintFromBytes(new Uint8Array(ecdh.getPrivateKey()))
    expect(hex(encodePoint(c, multiply(c, k, generator(c))))).toBe(hex(new Uint8Array(ecdh.getPublicKey())))
  })
})

describe('EC fast paths', () => {
  it('k·G and x(k·P) through OpenSSL agree with the BigInt arithmetic (used where the curve is missing)', async () => {
    const { multiplyBase, sharedX } = await import('../../../protocol/icao/crypto/ec')
    const k = bigintFromBytes(fromHex(G.skEphIfd))
    expect(multiplyBase(curve, k)).toEqual(multiply(curve, k, generator(curve)))
    const p = decodePoint(curve, fromHex(G.mapped))
    expect(hex(sharedX(curve, k, p))).toBe(hex(encodePoint(curve, multiply(curve, k, p)).subarray(1, 33)))
  })
})
