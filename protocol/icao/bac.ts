import { asciiBytes, concat, equalBytes, xorBytes } from './bytes'
import { padIso9797, retailMacFor, tdesKey, type TdesKey } from './crypto/des'
import { deriveDesKey, KDF_ENC, KDF_MAC, sha1 } from './crypto/kdf'
import { chipDataInvalid, smMacInvalid } from './errors'
import { mrzInformation, type MrzInfo } from './mrz'

/** Basic Access Control (ICAO 9303-11 §4.3), the pure part: keys and the mutual-authenticate exchange. */

export interface BacKeys {
  kSeed: Uint8Array
  kEnc: Uint8Array
  kMac: Uint8Array
}

export interface BacSessionKeys {
  ksEnc: Uint8Array
  ksMac: Uint8Array
  /** Send sequence counter, 8 bytes: RND.IC[4..8] || RND.IFD[4..8]. */
  ssc: Uint8Array
}

/** The handshake's ciphers, made once per key pair (a read MACs twice and runs 3DES twice with them). */
const handshakeCiphers = new WeakMap<BacKeys, { enc: TdesKey; mac: (padded: Uint8Array) => Uint8Array }>()

function ciphersOf(keys: BacKeys): { enc: TdesKey; mac: (padded: Uint8Array) => Uint8Array } {
  let c = handshakeCiphers.get(keys)
  if (!c) {
    c = { enc: tdesKey(keys.kEnc), mac: retailMacFor(keys.kMac) }
    handshakeCiphers.set(keys, c)
  }
  return c
}

export function bacKeysFromSeed(kSeed: Uint8Array): BacKeys {
  return { kSeed, kEnc: deriveDesKey(kSeed, KDF_ENC), kMac: deriveDesKey(kSeed, KDF_MAC) }
}

export function deriveBacKeys(info: MrzInfo): BacKeys {
  const kSeed = sha1(asciiBytes(mrzInformation(info))).subarray(0, 16)
  return bacKeysFromSeed(kSeed)
}

/** EXTERNAL AUTHENTICATE data: E_IFD = 3DES(Kenc, RND.IFD||RND.IC||K.IFD) || M_IFD = MAC(Kmac, E_IFD). */
export function buildMutualAuthData(
  keys: BacKeys,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
  kIfd: Uint8Array
): Uint8Array {
  if (rndIc.length !== 8 || rndIfd.length !== 8 || kIfd.length !== 16)
    throw new RangeError('bad BAC nonce sizes')
  const { enc, mac } = ciphersOf(keys)
  const eIfd = enc.encrypt(concat(rndIfd, rndIc, kIfd))
  const mIfd = mac(padIso9797(eIfd))
  return concat(eIfd, mIfd)
}

/** Verifies the chip's answer and derives the session keys and SSC. */
export function completeMutualAuth(
  keys: BacKeys,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
  kIfd: Uint8Array,
  response: Uint8Array
): BacSessionKeys {
  if (response.length !== 40)
    throw chipDataInvalid('BAC response must be 40 bytes', { length: response.length })
  const eIc = response.subarray(0, 32)
  const mIc = response.subarray(32)
  const { enc, mac } = ciphersOf(keys)
  if (!equalBytes(mac(padIso9797(eIc)), mIc)) throw smMacInvalid('BAC response MAC (M_IC)')
  const r = enc.decrypt(eIc)
  if (!equalBytes(r.subarray(0, 8), rndIc) || !equalBytes(r.subarray(8, 16), rndIfd)) {
    throw chipDataInvalid('BAC response does not echo the nonces')
  }
  const kIc = r.subarray(16, 32)
  const seed = xorBytes(kIfd, kIc)
  return {
    ksEnc: deriveDesKey(seed, KDF_ENC),
    ksMac: deriveDesKey(seed, KDF_MAC),
    ssc: concat(rndIc.subarray(4, 8), rndIfd.subarray(4, 8))
  }
}
