import { createCipheriv, createDecipheriv, type Cipher, type Decipher } from 'node:crypto'
import { concat, toBuffer } from '../bytes'

/**
 * DES primitives for BAC. Node's OpenSSL 3 ships 2-key 3DES in the default provider but not single
 * DES (legacy provider), so single DES is computed as des-ede with K||K (E_K D_K E_K = E_K).
 */

const ZERO_IV = new Uint8Array(8)

function run(
  mode: 'encrypt' | 'decrypt',
  algorithm: 'des-ede-cbc',
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array
): Uint8Array {
  if (data.length % 8 !== 0) throw new RangeError('DES input must be a multiple of 8 bytes')
  const c =
    mode === 'encrypt'
      ? createCipheriv(algorithm, toBuffer(key), toBuffer(iv))
      : createDecipheriv(algorithm, toBuffer(key), toBuffer(iv))
  c.setAutoPadding(false)
  return new Uint8Array(Buffer.concat([c.update(toBuffer(data)), c.final()]))
}

function twoKey(key: Uint8Array): Uint8Array {
  if (key.length !== 16) throw new RangeError('2-key 3DES needs a 16-byte key')
  return key
}

/** 2-key 3DES CBC encryption without padding (IV defaults to zero, as BAC and SM use). */
export function tdesEncrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  return run('encrypt', 'des-ede-cbc', twoKey(key), iv, data)
}

export function tdesDecrypt(key: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  return run('decrypt', 'des-ede-cbc', twoKey(key), iv, data)
}

/** Single DES CBC via des-ede with K||K. */
export function desEncryptCbc(key8: Uint8Array, data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
  if (key8.length !== 8) throw new RangeError('single DES needs an 8-byte key')
  return run('encrypt', 'des-ede-cbc', concat(key8, key8), iv, data)
}

/** ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to a multiple of `block`. */
export function padIso9797(data: Uint8Array, block = 8): Uint8Array {
  const padded = new Uint8Array((Math.floor(data.length / block) + 1) * block)
  padded.set(data)
  padded[data.length] = 0x80
  return padded
}

/** Removes ISO 9797-1 method 2 padding; returns undefined when the padding is malformed. */
export function unpadIso9797(data: Uint8Array): Uint8Array | undefined {
  let i = data.length - 1
  while (i >= 0 && data[i] === 0x00) i--
  if (i < 0 || data[i] !== 0x80) return undefined
  return data.subarray(0, i)
}

/**
 * ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES, over already padded data:
 * single-DES CBC with Ka over all blocks, then decrypt with Kb and encrypt with Ka on the last.
 */
export function retailMac(key16: Uint8Array, paddedData: Uint8Array): Uint8Array {
  if (key16.length !== 16) throw new RangeError('retail MAC needs a 16-byte key')
  if (paddedData.length === 0 || paddedData.length % 8 !== 0) throw new RangeError('MAC input not padded')
  const ka = key16.subarray(0, 8)
  const head = paddedData.subarray(0, paddedData.length - 8)
  const last = paddedData.subarray(paddedData.length - 8)
  const chain = head.length > 0 ? desEncryptCbc(ka, head).subarray(head.length - 8) : ZERO_IV
  // E_Ka(D_Kb(E_Ka(chain ^ last))) is exactly 2-key 3DES-CBC of the last block with IV = chain.
  return run('encrypt', 'des-ede-cbc', key16, chain, last)
}

/**
 * CBC on one OpenSSL cipher for the life of a key. OpenSSL keeps the chaining value between update() calls,
 * so a new message with IV `iv` is fed with its first block XORed with (held chaining value ^ iv), and a
 * decryption's first output block is corrected the same way. Making a cipher costs more than the DES of a
 * whole APDU, and a session runs several per APDU otherwise.
 */
class HeldCbc {
  private cipher: Cipher | Decipher | undefined
  /** The chaining value OpenSSL holds: the last ciphertext block in or out (the IV at first). */
  private held = new Uint8Array(8)

  constructor(
    private readonly mode: 'encrypt' | 'decrypt',
    private readonly key16: Uint8Array
  ) {}

  run(data: Uint8Array, iv: Uint8Array = ZERO_IV): Uint8Array {
    if (data.length === 0 || data.length % 8 !== 0)
      throw new RangeError('DES input must be a multiple of 8 bytes')
    if (!this.cipher) {
      const key = toBuffer(this.key16)
      this.cipher =
        this.mode === 'encrypt'
          ? createCipheriv('des-ede-cbc', key, Buffer.alloc(8))
          : createDecipheriv('des-ede-cbc', key, Buffer.alloc(8))
      this.cipher.setAutoPadding(false)
    }
    const held = this.held
    if (this.mode === 'encrypt') {
      const input = Buffer.from(data)
      for (let j = 0; j < 8; j++) input[j] = input[j]! ^ held[j]! ^ iv[j]!
      const out = new Uint8Array(this.cipher.update(input))
      this.held = out.slice(out.length - 8)
      return out
    }
    const out = new Uint8Array(this.cipher.update(toBuffer(data)))
    for (let j = 0; j < 8; j++) out[j] = out[j]! ^ held[j]! ^ iv[j]!
    this.held = data.slice(data.length - 8)
    return out
  }
}

/** 2-key 3DES-CBC encryption and decryption under one key, each on a cipher made once. */
export interface TdesKey {
  encrypt(data: Uint8Array, iv?: Uint8Array): Uint8Array
  decrypt(data: Uint8Array, iv?: Uint8Array): Uint8Array
}

export function tdesKey(key16: Uint8Array): TdesKey {
  const enc = new HeldCbc('encrypt', twoKey(key16))
  const dec = new HeldCbc('decrypt', key16)
  return { encrypt: (d, iv) => enc.run(d, iv), decrypt: (d, iv) => dec.run(d, iv) }
}

/**
 * Retail MAC for one key, as {@link retailMac}: the single-DES chain with Ka and the final 3DES block each run
 * on a cipher made once, two native calls per MAC whatever its length.
 */
export function retailMacFor(key16: Uint8Array): (paddedData: Uint8Array) => Uint8Array {
  if (key16.length !== 16) throw new RangeError('retail MAC needs a 16-byte key')
  const ka = key16.subarray(0, 8)
  const chainA = new HeldCbc('encrypt', concat(ka, ka))
  const last3 = new HeldCbc('encrypt', key16)
  return (paddedData) => {
    if (paddedData.length === 0 || paddedData.length % 8 !== 0) throw new RangeError('MAC input not padded')
    const head = paddedData.subarray(0, paddedData.length - 8)
    const chain = head.length > 0 ? chainA.run(head).subarray(head.length - 8) : ZERO_IV
    // E_Ka(D_Kb(E_Ka(chain ^ last))) is exactly 2-key 3DES-CBC of the last block with IV = chain.
    return last3.run(paddedData.subarray(paddedData.length - 8), chain)
  }
}

/** Sets the odd-parity bit of every byte (DES keys). */
export function adjustParity(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length)
  for (let i = 0; i < key.length; i++) {
    const b = key[i]! & 0xfe
    let ones = 0
    for (let v = b; v > 0; v >>= 1) ones += v & 1
    out[i] = b | (ones % 2 === 0 ? 1 : 0)
  }
  return out
}
