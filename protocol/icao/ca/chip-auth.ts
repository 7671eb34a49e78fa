import { randomBytes } from 'node:crypto'
import * as asn1js from 'asn1js'
import { isSuccess, swHex, type CommandApdu } from '../apdu'
import { concat } from '../bytes'
import { deriveAesKey } from '../crypto/aes'
import { decodePoint, encodePoint, multiplyBase, sharedX, STANDARD_CURVES, type Curve } from '../crypto/ec'
import { chipDataInvalid } from '../errors'
import { caSuite, type ProtocolSuite } from '../pace/algorithms'
import { oidContentBytes, type SecurityInfos } from '../pace/security-infos'
import { randomScalar } from '../pace/pace'
import { createAesChannel } from '../sm/aes-suite'
import type { SecureChannel, SecureResponse } from '../sm/secure-channel'
import { encodeTlv } from '../tlv'

/**
 * Chip Authentication (ICAO 9303-11 §6.2), ECDH with AES: the chip proves it holds the private key of the
 * static public key in DG14 (covered by EF.SOD) by agreeing new session keys with an ephemeral reader key.
 * A clone without that private key cannot answer under the new keys.
 */

/** Named curves by OID, as a ChipAuthenticationPublicKeyInfo's SubjectPublicKeyInfo names them. */
const CURVE_BY_OID: Record<string, number> = {
  '1.2.840.10045.3.1.1': 8,
  '1.3.36.3.3.2.8.1.1.3': 9,
  '1.3.132.0.33': 10,
  '1.3.36.3.3.2.8.1.1.5': 11,
  '1.2.840.10045.3.1.7': 12,
  '1.3.36.3.3.2.8.1.1.7': 13,
  '1.3.36.3.3.2.8.1.1.9': 14,
  '1.3.132.0.34': 15,
  '1.3.36.3.3.2.8.1.1.11': 16,
  '1.3.36.3.3.2.8.1.1.13': 17,
  '1.3.132.0.35': 18
}

export interface ChipAuthPlan {
  suite: ProtocolSuite
  curve: Curve
  chipKey: Uint8Array
  keyId?: number
}

/** The CA this reader can run from DG14's SecurityInfos (ECDH, AES, a named standard curve), if any. */
export function planChipAuthentication(infos: SecurityInfos): ChipAuthPlan | undefined {
  for (const info of infos.chipAuthentication) {
    const suite = caSuite(info.protocol)
    if (!suite || suite.agreement !== 'ECDH' || suite.cipher !== 'AES') continue
    const key =
      infos.chipAuthenticationPublicKeys.find((k) => k.keyId === info.keyId) ??
      infos.chipAuthenticationPublicKeys[0]
    if (!key) continue
    const parsed = asn1js.fromBER(key.subjectPublicKeyInfo)
    if (!(parsed.result instanceof asn1js.Sequence)) continue
    const [algorithm, bits] = parsed.result.valueBlock.value
    const curveOid =
      algorithm instanceof asn1js.Sequence && algorithm.valueBlock.value[1] instanceof asn1js.ObjectIdentifier
        ? algorithm.valueBlock.value[1].valueBlock.toString()
        : undefined
    const curve = curveOid ? STANDARD_CURVES[CURVE_BY_OID[curveOid] ?? -1] : undefined
    if (!curve || !(bits instanceof asn1js.BitString)) continue
    return { suite, curve, chipKey: new Uint8Array(bits.valueBlock.valueHexView), keyId: info.keyId }
  }
  return undefined
}

/**
 * Runs MSE:Set AT and GENERAL AUTHENTICATE under the current secure messaging and returns the channel of
 * the new session keys (SSC zero). The caller switches to it and sends a command: if the chip does not
 * hold the DG14 private key, that answer's MAC fails.
 */
export async function performChipAuthentication(
  command: (c: CommandApdu) => Promise<SecureResponse>,
  plan: ChipAuthPlan,
  random: (n: number) => Uint8Array = (n) => new Uint8Array(randomBytes(n))
): Promise<SecureChannel> {
  const chipPoint = decodePoint(plan.curve, plan.chipKey)
  const sk = randomScalar(plan.curve, random)
  const pk = encodePoint(plan.curve, multiplyBase(plan.curve, sk))
  const mse = await command({
    cla: 0x00,
    ins: 0x22,
    p1: 0x41,
    p2: 0xa4,
    data: concat(
      encodeTlv(0x80, oidContentBytes(plan.suite.oid)),
      plan.keyId !== undefined ? encodeTlv(0x84, Uint8Array.of(plan.keyId)) : new Uint8Array(0)
    )
  })
  if (!isSuccess(mse.sw)) throw chipDataInvalid('CA: MSE:Set AT refused', { sw: swHex(mse.sw) })
  const ga = await command({
    cla: 0x00,
    ins: 0x86,
    p1: 0x00,
    p2: 0x00,
    data: encodeTlv(0x7c, encodeTlv(0x80, pk)),
    le: 256
  })
  if (!isSuccess(ga.sw)) throw chipDataInvalid('CA: GENERAL AUTHENTICATE refused', { sw: swHex(ga.sw) })
  const k = sharedX(plan.curve, sk, chipPoint)
  const bits = plan.suite.keyBits as 128 | 192 | 256
  return createAesChannel({ ksEnc: deriveAesKey(k, 1, bits), ksMac: deriveAesKey(k, 2, bits) })
}
