import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { retailMac, retailMacFor, tdesDecrypt, tdesEncrypt, tdesKey } from '../../../protocol/icao/crypto/des'

// The session's ciphers are made once per key and reused across APDUs: every message must come out exactly as
// with a fresh cipher, whatever came before it on the same key.
const bytes = (n: number) => new Uint8Array(randomBytes(n))

describe('DES ciphers held for the life of a key', () => {
  it('encrypts, decrypts and MACs a run of messages of any length exactly as fresh ciphers do', () => {
    const key = bytes(16)
    const held = tdesKey(key)
    const mac = retailMacFor(key)
    for (let i = 0; i < 200; i++) {
      const data = bytes(8 * (1 + (i % 70)))
      const iv = i % 3 === 0 ? bytes(8) : undefined
      expect(held.encrypt(data, iv)).toEqual(tdesEncrypt(key, data, iv))
      expect(held.decrypt(data, iv)).toEqual(tdesDecrypt(key, data, iv))
      expect(mac(data)).toEqual(retailMac(key, data))
    }
  })

  it('gets back what it encrypted when encryption and decryption interleave on one key', () => {
    const held = tdesKey(bytes(16))
    for (let i = 0; i < 50; i++) {
      const data = bytes(8 * (1 + (i % 9)))
      expect(held.decrypt(held.encrypt(data))).toEqual(data)
    }
  })

  it('refuses input that is not whole blocks, and the next message is still right', () => {
    const key = bytes(16)
    const held = tdesKey(key)
    const mac = retailMacFor(key)
    expect(() => held.encrypt(bytes(7))).toThrow(RangeError)
    expect(() => mac(bytes(12))).toThrow(RangeError)
    const data = bytes(24)
    expect(held.encrypt(data)).toEqual(tdesEncrypt(key, data))
    expect(mac(data)).toEqual(retailMac(key, data))
  })
})
