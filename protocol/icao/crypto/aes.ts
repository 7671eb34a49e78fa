import { createCipheriv, createDecipheriv, createHash } from 'node:crypto'
import { concat, toBuffer } from '../bytes'

/** AES for PACE and AES secure messaging (ICAO 9303-11 §9.8.7): CBC without padding, ECB for IVs, CMAC. */

function algorithm(key: Uint8Array, mode: 'cbc' | 'ecb'): string {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) throw new RangeError('bad AES key length')
  return `aes-${key.length * 8}-${mode}`
}

const ZERO_IV = new Uint8Array(16)

export function aesCbcEncrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  if (data.length % 16 !== 0) throw new RangeError('AES input must be a multiple of 16 bytes')
  const c = createCipheriv(algorithm(key, 'cbc'), toBuffer(key), toBuffer(iv))
  c.setAutoPadding(false)
  return new Uint8Array(Buffer.concat([c.update(toBuffer(data)), c.final()]))
}

export function aesCbcDecrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  if (data.length % 16 !== 0) throw new RangeError('AES input must be a multiple of 16 bytes')
  const d = createDecipheriv(algorithm(key, 'cbc'), toBuffer(key), toBuffer(iv))
  d.setAutoPadding(false)
  return new Uint8Array(Buffer.concat([d.update(toBuffer(data)), d.final()]))
}

/** One block, ECB (the SM IV is E(KSenc, SSC)). */
export function aesEncryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  const c = createCipheriv(algorithm(key, 'ecb'), toBuffer(key), null)
  c.setAutoPadding(false)
  return new Uint8Array(Buffer.concat([c.update(toBuffer(block)), c.final()]))
}

function shiftLeft(block: Uint8Array): Uint8Array {
  const out = new Uint8Array(16)
  for (let i = 0; i < 16; i++) out[i] = ((block[i]! << 1) | (i < 15 ? block[i + 1]! >> 7 : 0)) & 0xff
  if (block[0]! & 0x80) out[15] = out[15]! ^ 0x87
  return out
}

/** AES-CMAC (NIST SP 800-38B / RFC 4493), full 16 bytes; callers truncate to 8 for ICAO. */
export function aesCmac(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k1 = shiftLeft(aesEncryptBlock(key, ZERO_IV))
  const k2 = shiftLeft(k1)
  const blocks = Math.max(1, Math.ceil(message.length / 16))
  const complete = message.length > 0 && message.length % 16 === 0
  const last = new Uint8Array(16)
  const tail = message.subarray((blocks - 1) * 16)
  last.set(tail)
  if (!complete) last[tail.length] = 0x80
  const subkey = complete ? k1 : k2
  for (let i = 0; i < 16; i++) last[i] = last[i]! ^ subkey[i]!
  const input = concat(message.subarray(0, (blocks - 1) * 16), last)
  const chained = aesCbcEncrypt(key, input)
  return chained.subarray(chained.length - 16)
}

/**
 * ICAO 9303-11 §9.7.1 KDF for AES: SHA-1(seed || counter) truncated to 16 bytes for AES-128,
 * SHA-256 truncated to 24 / 32 bytes for AES-192 / AES-256.
 */
export function deriveAesKey(seed: Uint8Array, counter: number, keyBits: 128 | 192 | 256): Uint8Array {
  const c = Uint8Array.of(counter >>> 24, (counter >>> 16) & 0xff, (counter >>> 8) & 0xff, counter & 0xff)
  const digest = createHash(keyBits === 128 ? 'sha1' : 'sha256')
    .update(concat(seed, c))
    .digest()
  return new Uint8Array(digest.subarray(0, keyBits / 8))
}
