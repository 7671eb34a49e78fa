import { randomBytes } from 'node:crypto'
import { isSuccess, swHex, type CommandApdu, type ResponseApdu } from '../apdu'
import { asciiBytes, concat, equalBytes } from '../bytes'
import { aesCbcDecrypt, aesCmac, deriveAesKey } from '../crypto/aes'
import {
  add,
  bigintFromBytes,
  decodePoint,
  encodePoint,
  multiply,
  multiplyBase,
  sharedX,
  STANDARD_CURVES,
  type Curve,
  type Point
} from '../crypto/ec'
import { sha1 } from '../crypto/kdf'
import { chipDataInvalid, keyRefused, paceUnavailable } from '../errors'
import { decodeSingleTlv, decodeTlvList, encodeTlv, findTlv } from '../tlv'
import { isSupportedPace, paceSuite, type ProtocolSuite } from './algorithms'
import { oidContentBytes, type PaceInfo } from './security-infos'

/**
 * PACE (ICAO 9303-11 §4.4) on the reader side: ECDH generic mapping with AES on a standardised curve.
 * Pure steps (exported for the Appendix G test) and a runner over a plain-APDU sender.
 */

export type PacePassword = { kind: 'can'; can: string } | { kind: 'mrz'; mrzInfo: string }

export interface PaceKeys {
  ksEnc: Uint8Array
  ksMac: Uint8Array
  suite: ProtocolSuite
  curve: Curve
  /** Chip's ephemeral public key (Chip Authentication's SOD-bound key is not this one). */
  chipEphemeralKey: Uint8Array
}

/** Password reference in MSE:Set AT (§4.4.4.1): 01 MRZ, 02 CAN. */
export const PASSWORD_REF = { mrz: 1, can: 2 } as const

/** K = SHA-1(MRZ information) for the MRZ, the CAN's characters as they are for a CAN. */
export function passwordKey(password: PacePassword): Uint8Array {
  return password.kind === 'can' ? asciiBytes(password.can) : sha1(asciiBytes(password.mrzInfo))
}

export function keyBitsOf(suite: ProtocolSuite): 128 | 192 | 256 {
  if (suite.cipher !== 'AES') throw paceUnavailable('cipher', { cipher: suite.cipher })
  return suite.keyBits as 128 | 192 | 256
}

/** K_π = KDF(K, 3). */
export function derivePasswordKey(password: PacePassword, suite: ProtocolSuite): Uint8Array {
  return deriveAesKey(passwordKey(password), 3, keyBitsOf(suite))
}

/** s = D(K_π, z), AES-CBC with a zero IV. */
export function decryptNonce(kPi: Uint8Array, encrypted: Uint8Array): Uint8Array {
  if (encrypted.length === 0 || encrypted.length % 16 !== 0)
    throw chipDataInvalid('PACE: encrypted nonce has a bad length', { length: encrypted.length })
  return aesCbcDecrypt(kPi, encrypted)
}

/** Generic mapping (§4.4.3.3.1): G' = s·G + H with H = SK_map,IFD · PK_map,IC. */
export function mapGenerator(curve: Curve, nonce: Uint8Array, skMap: bigint, pkMapIc: Point): Point {
  const h = multiply(curve, skMap, pkMapIc)
  if (h === null) throw chipDataInvalid('PACE: mapping gave the point at infinity')
  const mapped = add(curve, multiplyBase(curve, bigintFromBytes(nonce)), h)
  if (mapped === null) throw chipDataInvalid('PACE: mapped generator is the point at infinity')
  return mapped
}

/** The x coordinate of SK · PK, as many bytes as a coordinate (the ECDH shared secret K). */
export function sharedSecret(curve: Curve, sk: bigint, pk: Point): Uint8Array {
  try {
    return sharedX(curve, sk, pk)
  } catch {
    throw chipDataInvalid('PACE: no shared secret with the chip key')
  }
}

export function sessionKeys(k: Uint8Array, suite: ProtocolSuite): { ksEnc: Uint8Array; ksMac: Uint8Array } {
  const bits = keyBitsOf(suite)
  return { ksEnc: deriveAesKey(k, 1, bits), ksMac: deriveAesKey(k, 2, bits) }
}

/** Authentication token (§4.4.3.4): CMAC(KSmac, 7F49 { 06 OID, 86 public point }) truncated to 8 bytes. */
export function authenticationToken(ksMac: Uint8Array, oid: string, publicPoint: Uint8Array): Uint8Array {
  const input = encodeTlv(0x7f49, concat(encodeTlv(0x06, oidContentBytes(oid)), encodeTlv(0x86, publicPoint)))
  return aesCmac(ksMac, input).subarray(0, 8)
}

/** MSE:Set AT data: 80 OID, 83 password reference, 84 parameter id when the chip named one. */
export function mseSetAtData(oid: string, password: PacePassword, parameterId?: number): Uint8Array {
  return concat(
    encodeTlv(0x80, oidContentBytes(oid)),
    encodeTlv(0x83, Uint8Array.of(PASSWORD_REF[password.kind])),
    parameterId !== undefined ? encodeTlv(0x84, Uint8Array.of(parameterId)) : new Uint8Array(0)
  )
}

export function mseSetAt(data: Uint8Array): CommandApdu {
  return { cla: 0x00, ins: 0x22, p1: 0xc1, p2: 0xa4, data }
}

/** GENERAL AUTHENTICATE with dynamic authentication data 7C; all steps but the last are chained (CLA 10). */
export function generalAuthenticate(inner: Uint8Array, last: boolean): CommandApdu {
  return { cla: last ? 0x00 : 0x10, ins: 0x86, p1: 0x00, p2: 0x00, data: encodeTlv(0x7c, inner), le: 256 }
}

/** A random private key in [1, n-1]. */
export function randomScalar(curve: Curve, random: (n: number) => Uint8Array): bigint {
  const bytes = random(curve.size + 8)
  return (bigintFromBytes(bytes) % (curve.n - 1n)) + 1n
}

export function curveFor(info: PaceInfo): Curve {
  const curve = info.parameterId === undefined ? undefined : STANDARD_CURVES[info.parameterId]
  if (!curve) throw paceUnavailable('domain parameters', { parameterId: info.parameterId ?? null })
  return curve
}

export interface PaceRunOptions {
  /** Source of the terminal's private keys (tests inject Appendix G's). */
  random?: (n: number) => Uint8Array
  /** Overrides key generation: the mapping key first, then the ephemeral key. */
  privateKeys?: () => bigint
  /** Send the parameter id (tag 84): required only when EF.CardAccess offers several PACEInfos. */
  sendParameterId?: boolean
}

/** Picks the PACEInfo this reader can run, preferring AES-128 on brainpoolP256r1 (what CCCD cards offer). */
export function choosePaceInfo(infos: readonly PaceInfo[]): PaceInfo | undefined {
  const usable = infos.filter(
    (i) =>
      isSupportedPace(paceSuite(i.protocol)) && i.parameterId !== undefined && STANDARD_CURVES[i.parameterId]
  )
  return usable.sort((a, b) => score(b) - score(a))[0]
}

function score(i: PaceInfo): number {
  return (i.parameterId === 13 ? 10 : 0) + (paceSuite(i.protocol)?.keyBits === 128 ? 1 : 0)
}

function dynamicData(r: ResponseApdu, tag: number, stage: string): Uint8Array {
  const outer = decodeSingleTlv(r.data, 0x7c)
  const item = findTlv(decodeTlvList(outer.value), tag)
  if (!item) throw chipDataInvalid(`PACE ${stage}: response has no tag ${tag.toString(16)}`)
  return item.value
}

/**
 * Runs MSE:Set AT and the four GENERAL AUTHENTICATE steps. A refused MSE or an error before the last step
 * means PACE is not usable here (the caller may fall back to BAC); a refused last step means a wrong password.
 */
export async function performPace(
  send: (command: CommandApdu) => Promise<ResponseApdu>,
  password: PacePassword,
  info: PaceInfo,
  options: PaceRunOptions = {}
): Promise<PaceKeys> {
  const suite = paceSuite(info.protocol)
  if (!suite || !isSupportedPace(suite)) throw paceUnavailable('protocol', { oid: info.protocol })
  const curve = curveFor(info)
  const random = options.random ?? ((n: number) => new Uint8Array(randomBytes(n)))
  const nextKey = options.privateKeys ?? (() => randomScalar(curve, random))

  const mse = await send(
    mseSetAt(mseSetAtData(info.protocol, password, options.sendParameterId ? info.parameterId : undefined))
  )
  if (!isSuccess(mse.sw)) throw paceUnavailable('MSE:Set AT', { sw: swHex(mse.sw) })

  const step = async (inner: Uint8Array, last: boolean, stage: string): Promise<ResponseApdu> => {
    const r = await send(generalAuthenticate(inner, last))
    if (isSuccess(r.sw)) return r
    if (last && (r.sw === 0x6300 || r.sw === 0x6982 || (r.sw & 0xfff0) === 0x63c0))
      throw keyRefused('PACE', { sw: swHex(r.sw) })
    throw paceUnavailable(stage, { sw: swHex(r.sw) })
  }

  const nonceResponse = await step(new Uint8Array(0), false, 'encrypted nonce')
  const nonce = decryptNonce(derivePasswordKey(password, suite), dynamicData(nonceResponse, 0x80, 'nonce'))

  const skMap = nextKey()
  const pkMap = encodePoint(curve, multiplyBase(curve, skMap))
  const mapResponse = await step(encodeTlv(0x81, pkMap), false, 'mapping')
  const pkMapIc = decodePoint(curve, dynamicData(mapResponse, 0x82, 'mapping'))
  const mapped = mapGenerator(curve, nonce, skMap, pkMapIc)

  const skEph = nextKey()
  const pkEph = encodePoint(curve, multiply(curve, skEph, mapped))
  const ephResponse = await step(encodeTlv(0x83, pkEph), false, 'key agreement')
  const pkEphIcBytes = dynamicData(ephResponse, 0x84, 'key agreement')
  const pkEphIc = decodePoint(curve, pkEphIcBytes)
  // A chip that echoes our key would make both tokens equal (§4.4.3.4 requires the check).
  if (equalBytes(pkEphIcBytes, pkEph)) throw chipDataInvalid('PACE: chip echoed the terminal key')
  const keys = sessionKeys(sharedSecret(curve, skEph, pkEphIc), suite)

  const tokenResponse = await step(
    encodeTlv(0x85, authenticationToken(keys.ksMac, info.protocol, pkEphIcBytes)),
    true,
    'mutual authentication'
  )
  const tIc = dynamicData(tokenResponse, 0x86, 'mutual authentication')
  if (!equalBytes(tIc, authenticationToken(keys.ksMac, info.protocol, pkEph)))
    throw keyRefused('PACE', { reason: 'key-refused', stage: 'chip token' })
  return { ...keys, suite, curve, chipEphemeralKey: pkEphIcBytes }
}
