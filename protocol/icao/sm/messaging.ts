import { isSuccess, needsExtendedLength, parseResponseApdu, SW, swHex, type CommandApdu } from '../apdu'
import { concat, equalBytes } from '../bytes'
import { padIso9797, unpadIso9797 } from '../crypto/des'
import { chipDataInvalid, smMacInvalid } from '../errors'
import { decodeTlvList, encodeTlv } from '../tlv'
import type { SecureChannel, SecureResponse, SmCipherSuite } from './secure-channel'

/** ICAO 9303-11 §9.8 secure messaging, independent of the cipher (see {@link SmCipherSuite}). */

function increment(counter: Uint8Array): void {
  for (let i = counter.length - 1; i >= 0; i--) {
    counter[i] = (counter[i]! + 1) & 0xff
    if (counter[i] !== 0) return
  }
}

function encodeLe(le: number, extended: boolean): Uint8Array {
  if (extended && le > 256) return Uint8Array.of((le >> 8) & 0xff, le & 0xff)
  return Uint8Array.of(le & 0xff)
}

export function createSecureChannel(suite: SmCipherSuite, initialSsc: Uint8Array): SecureChannel {
  if (initialSsc.length !== suite.blockSize) throw new RangeError('SSC length must equal the block size')
  const counter = new Uint8Array(initialSsc)
  const pad = (data: Uint8Array) => padIso9797(data, suite.blockSize)

  function wrap(command: CommandApdu, options?: { extended?: boolean }): Uint8Array {
    if ((command.ins & 1) === 1) throw new RangeError('odd INS (DO85) is not supported by this wrapper')
    const header = Uint8Array.of(command.cla | 0x0c, command.ins, command.p1, command.p2)
    increment(counter)
    const ssc = new Uint8Array(counter)
    const data = command.data ?? new Uint8Array(0)
    const extended = options?.extended ?? needsExtendedLength(command)
    const do87 =
      data.length > 0
        ? encodeTlv(0x87, concat(Uint8Array.of(0x01), suite.encrypt(ssc, pad(data))))
        : new Uint8Array(0)
    const do97 =
      command.le !== undefined ? encodeTlv(0x97, encodeLe(command.le, extended)) : new Uint8Array(0)
    const cc = suite.mac(pad(concat(ssc, pad(header), do87, do97)))
    const body = concat(do87, do97, encodeTlv(0x8e, cc))
    const longBody = extended || body.length > 255
    const lc = longBody
      ? Uint8Array.of(0x00, body.length >> 8, body.length & 0xff)
      : Uint8Array.of(body.length)
    const le = longBody ? Uint8Array.of(0x00, 0x00) : Uint8Array.of(0x00)
    return concat(header, lc, body, le)
  }

  function unwrap(raw: Uint8Array): SecureResponse {
    const { data, sw } = parseResponseApdu(raw)
    increment(counter)
    const ssc = new Uint8Array(counter)
    if (sw === SW.SM_DATA_MISSING || sw === SW.SM_DATA_INCORRECT) {
      throw smMacInvalid(`chip reported secure messaging error ${swHex(sw)}`, { sw: swHex(sw) })
    }
    if (data.length === 0) {
      // A bare status word: the chip did not protect it (errors such as 6A82 on many chips).
      return { data, sw, protected: false }
    }
    const objects = decodeTlvList(data)
    let macInput: Uint8Array = new Uint8Array(0)
    let do87: Uint8Array | undefined
    let do99: Uint8Array | undefined
    let do8e: Uint8Array | undefined
    let at = 0
    for (const obj of objects) {
      const size = obj.headerLength + obj.value.length
      const encoded = data.subarray(at, at + size)
      at += size
      if (do8e) throw smMacInvalid('data objects after DO8E')
      switch (obj.tag) {
        case 0x87:
          if (do87) throw chipDataInvalid('SM: two DO87')
          do87 = obj.value
          macInput = concat(macInput, encoded)
          break
        case 0x99:
          if (do99) throw chipDataInvalid('SM: two DO99')
          do99 = obj.value
          macInput = concat(macInput, encoded)
          break
        case 0x8e:
          do8e = obj.value
          break
        default:
          throw chipDataInvalid(`SM: unexpected data object ${obj.tag.toString(16)}`)
      }
    }
    if (!do8e) throw smMacInvalid('response has no DO8E')
    const expected = suite.mac(pad(concat(ssc, macInput)))
    if (do8e.length !== 8 || !equalBytes(expected, do8e)) throw smMacInvalid('response MAC does not verify')
    let innerSw = sw
    if (do99) {
      if (do99.length !== 2) throw chipDataInvalid('SM: DO99 must hold 2 bytes')
      innerSw = (do99[0]! << 8) | do99[1]!
    }
    let plain: Uint8Array = new Uint8Array(0)
    if (do87) {
      const ciphertext = do87.subarray(1)
      if (do87[0] !== 0x01 || ciphertext.length === 0 || ciphertext.length % suite.blockSize !== 0) {
        throw chipDataInvalid('SM: malformed DO87')
      }
      const unpadded = unpadIso9797(suite.decrypt(ssc, ciphertext))
      if (!unpadded) throw chipDataInvalid('SM: bad padding in DO87')
      plain = unpadded
    }
    if (!isSuccess(innerSw) && plain.length > 0) throw chipDataInvalid('SM: data with an error status')
    return { data: plain, sw: innerSw, protected: true }
  }

  return { kind: suite.name, wrap, unwrap, ssc: () => new Uint8Array(counter) }
}
