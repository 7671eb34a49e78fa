import { hash } from 'node:crypto'
import { concat } from '../bytes'
import { adjustParity } from './des'

/** ICAO 9303-11 §9.7.1 key derivation for 3DES: SHA-1(seed || counter), 16 bytes, DES parity. */

export const KDF_ENC = 1
export const KDF_MAC = 2

export function sha1(data: Uint8Array): Uint8Array {
  return new Uint8Array(hash('sha1', data, 'buffer'))
}

export function deriveDesKey(seed: Uint8Array, counter: number): Uint8Array {
  const c = Uint8Array.of(counter >>> 24, (counter >>> 16) & 0xff, (counter >>> 8) & 0xff, counter & 0xff)
  return adjustParity(sha1(concat(seed, c)).subarray(0, 16))
}
