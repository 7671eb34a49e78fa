// Card-side BAC / 3DES secure-messaging primitives (ICAO 9303-11 §9.7, §9.8), written for the virtual chip.
// Deliberately independent of protocol/icao so that reader and card cannot share one bug; both are checked
// against the ICAO 9303-11 appendix D worked example.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto'

const ZERO_IV = Buffer.alloc(8)

/** ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to a multiple of 8. */
export function pad(data: Uint8Array): Buffer {
  const padLen = 8 - (data.length % 8)
  const out = Buffer.alloc(data.length + padLen)
  out.set(data)
  out[data.length] = 0x80
  return out
}

/** Removes padding method 2; returns null when the padding is malformed. */
export function unpad(data: Uint8Array, block = 8): Buffer | null {
  let i = data.length - 1
  while (i >= 0 && data[i] === 0x00) i--
  if (i < 0 || data[i] !== 0x80 || data.length - i > block) return null
  return Buffer.from(data.subarray(0, i))
}

function tdes(mode: 'encrypt' | 'decrypt', key16: Uint8Array, data: Uint8Array): Buffer {
  // 2-key 3DES in CBC mode with a zero IV; padding is handled by the caller.
  const c =
    mode === 'encrypt'
      ? createCipheriv('des-ede-cbc', key16, ZERO_IV)
      : createDecipheriv('des-ede-cbc', key16, ZERO_IV)
  c.setAutoPadding(false)
  return Buffer.concat([c.update(data), c.final()])
}

export function encrypt3des(key16: Uint8Array, data: Uint8Array): Buffer {
  return tdes('encrypt', key16, data)
}

export function decrypt3des(key16: Uint8Array, data: Uint8Array): Buffer {
  return tdes('decrypt', key16, data)
}

/** Single DES with key k: OpenSSL 3 has no plain DES, so use 3DES with k‖k (EDE collapses to E). */
function desEncryptBlock(k8: Uint8Array, block: Uint8Array): Buffer {
  const c = createCipheriv('des-ede', Buffer.concat([k8, k8]), null)
  c.setAutoPadding(false)
  return Buffer.concat([c.update(block), c.final()])
}

function desDecryptBlock(k8: Uint8Array, block: Uint8Array): Buffer {
  const d = createDecipheriv('des-ede', Buffer.concat([k8, k8]), null)
  d.setAutoPadding(false)
  return Buffer.concat([d.update(block), d.final()])
}

/** ISO/IEC 9797-1 MAC algorithm 3 (retail MAC) with DES; input is padded here (method 2). */
export function retailMac(key16: Uint8Array, data: Uint8Array): Buffer {
  const ka = key16.subarray(0, 8)
  const kb = key16.subarray(8, 16)
  const padded = pad(data)
  let h: Buffer = Buffer.alloc(8)
  for (let off = 0; off < padded.length; off += 8) {
    const x = Buffer.alloc(8)
    for (let i = 0; i < 8; i++) x[i] = h[i]! ^ padded[off + i]!
    h = desEncryptBlock(ka, x)
  }
  return desEncryptBlock(ka, desDecryptBlock(kb, h))
}

/** KDF of ICAO 9303-11 §9.7.1 for 3DES: SHA-1(seed ‖ counter), first 16 bytes, DES parity set. */
export function deriveKey(seed: Uint8Array, counter: 1 | 2): Buffer {
  const c = Buffer.from([0, 0, 0, counter])
  const key = createHash('sha1').update(seed).update(c).digest().subarray(0, 16)
  return adjustParity(Buffer.from(key))
}

function adjustParity(key: Buffer): Buffer {
  for (let i = 0; i < key.length; i++) {
    const b = key[i]! & 0xfe
    let ones = 0
    for (let bit = 1; bit < 256; bit <<= 1) if (b & bit) ones++
    key[i] = b | (ones % 2 === 0 ? 1 : 0)
  }
  return key
}

export interface BacKeys {
  kEnc: Buffer
  kMac: Buffer
}

/** Kseed = SHA-1(MRZ information)[0..16]; Kenc/Kmac derived from it. */
export function bacKeysFromMrzInfo(mrzInfo: string): BacKeys {
  const seed = createHash('sha1').update(Buffer.from(mrzInfo, 'ascii')).digest().subarray(0, 16)
  return { kEnc: deriveKey(seed, 1), kMac: deriveKey(seed, 2) }
}

/** Session keys from K.IFD ⊕ K.IC. */
export function sessionKeys(kIfd: Uint8Array, kIc: Uint8Array): BacKeys {
  const seed = Buffer.alloc(16)
  for (let i = 0; i < 16; i++) seed[i] = kIfd[i]! ^ kIc[i]!
  return { kEnc: deriveKey(seed, 1), kMac: deriveKey(seed, 2) }
}

/** SSC = last 4 bytes of RND.IC ‖ last 4 bytes of RND.IFD (as a mutable 8-byte counter). */
export function initialSsc(rndIc: Uint8Array, rndIfd: Uint8Array): Buffer {
  return Buffer.concat([rndIc.subarray(4, 8), rndIfd.subarray(4, 8)])
}

export function incrementSsc(ssc: Buffer): void {
  for (let i = ssc.length - 1; i >= 0; i--) {
    ssc[i] = (ssc[i]! + 1) & 0xff
    if (ssc[i] !== 0) return
  }
}

/** ICAO 9303-3 check digit: weights 7,3,1; digits as value, '<' = 0, A–Z = 10–35. */
export function mrzCheckDigit(s: string): string {
  const weights = [7, 3, 1]
  let sum = 0
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    let v: number
    if (ch >= '0' && ch <= '9') v = ch.charCodeAt(0) - 48
    else if (ch >= 'A' && ch <= 'Z') v = ch.charCodeAt(0) - 55
    else if (ch === '<') v = 0
    else throw new Error(`invalid MRZ character ${JSON.stringify(ch)}`)
    sum += v * weights[i % 3]!
  }
  return String(sum % 10)
}
