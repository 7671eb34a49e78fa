import { aesCbcDecrypt, aesCbcEncrypt, aesCmac, aesEncryptBlock } from '../crypto/aes'
import { createSecureChannel } from './messaging'
import type { SecureChannel, SmCipherSuite } from './secure-channel'

/**
 * AES secure messaging after PACE or Chip Authentication (ICAO 9303-11 §9.8.7): 16-byte SSC starting at
 * zero, AES-CBC with IV = E(KSenc, SSC), AES-CMAC over the padded input truncated to 8 bytes.
 */
export function aesSuite(ksEnc: Uint8Array, ksMac: Uint8Array): SmCipherSuite {
  return {
    name: 'aes',
    blockSize: 16,
    encrypt: (ssc, padded) => aesCbcEncrypt(ksEnc, padded, aesEncryptBlock(ksEnc, ssc)),
    decrypt: (ssc, ciphertext) => aesCbcDecrypt(ksEnc, ciphertext, aesEncryptBlock(ksEnc, ssc)),
    mac: (padded) => aesCmac(ksMac, padded).subarray(0, 8)
  }
}

export function createAesChannel(keys: {
  ksEnc: Uint8Array
  ksMac: Uint8Array
  ssc?: Uint8Array
}): SecureChannel {
  return createSecureChannel(aesSuite(keys.ksEnc, keys.ksMac), keys.ssc ?? new Uint8Array(16))
}
