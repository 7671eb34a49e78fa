import { retailMacFor, tdesKey } from '../crypto/des'
import { createSecureChannel } from './messaging'
import type { SecureChannel, SmCipherSuite } from './secure-channel'

/** BAC secure messaging: 2-key 3DES-CBC with zero IV, retail MAC, 8-byte SSC. */
export function tdesSuite(ksEnc: Uint8Array, ksMac: Uint8Array): SmCipherSuite {
  const mac = retailMacFor(ksMac)
  const enc = tdesKey(ksEnc)
  return {
    name: '3des',
    blockSize: 8,
    encrypt: (_ssc, padded) => enc.encrypt(padded),
    decrypt: (_ssc, ciphertext) => enc.decrypt(ciphertext),
    mac
  }
}

export function createTdesChannel(keys: {
  ksEnc: Uint8Array
  ksMac: Uint8Array
  ssc: Uint8Array
}): SecureChannel {
  return createSecureChannel(tdesSuite(keys.ksEnc, keys.ksMac), keys.ssc)
}
