import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  encodeCommandApdu,
  exactLengthHint,
  externalAuthenticate,
  getChallenge,
  parseResponseApdu,
  readBinary,
  readBinarySfi,
  selectAid,
  selectEf
} from '../../../protocol/icao/apdu'
import { fromHex, hex } from '../../../protocol/icao/bytes'
import { createTdesChannel } from '../../../protocol/icao/sm/tdes-suite'
import { isAppError } from '../../../contract/errors'

describe('APDU encoding', () => {
  it('builds the plain BAC commands of docs/cccd-card.md §3.1', () => {
    expect(hex(encodeCommandApdu(selectAid()))).toBe('00A4040C07A0000002471001')
    expect(hex(encodeCommandApdu(getChallenge()))).toBe('0084000008')
    const auth = encodeCommandApdu(externalAuthenticate(new Uint8Array(40)))
    expect(hex(auth.subarray(0, 5))).toBe('0082000028')
    expect(auth.length).toBe(5 + 40 + 1)
    expect(auth[auth.length - 1]).toBe(0x28)
    expect(hex(encodeCommandApdu(selectEf(0x011e)))).toBe('00A4020C02011E')
  })

  it('encodes READ BINARY by offset and by short EF identifier', () => {
    expect(hex(encodeCommandApdu(readBinary(0x1234, 0xdf)))).toBe('00B01234DF')
    expect(hex(encodeCommandApdu(readBinary(0, 256)))).toBe('00B0000000')
    expect(hex(encodeCommandApdu(readBinarySfi(0x1d, 0x10, 6)))).toBe('00B09D1006')
    expect(() => readBinary(0x8000, 1)).toThrow(RangeError)
    expect(() => readBinarySfi(31, 0, 1)).toThrow(RangeError)
  })

  it('switches to extended length for a long Le or long data', () => {
    expect(hex(encodeCommandApdu(readBinary(0, 1000)))).toBe('00B000000003E8')
    expect(hex(encodeCommandApdu(readBinary(0, 65536)))).toBe('00B00000000000')
    const longData = encodeCommandApdu({
      cla: 0,
      ins: 0xd6,
      p1: 0,
      p2: 0,
      data: new Uint8Array(300),
      le: 300
    })
    expect(hex(longData.subarray(0, 7))).toBe('00D60000' + '00012C')
    expect(hex(longData.subarray(longData.length - 2))).toBe('012C')
  })

  it('splits responses and reads 6Cxx hints', () => {
    expect(parseResponseApdu(fromHex('01029000'))).toEqual({ data: fromHex('0102'), sw: 0x9000 })
    expect(exactLengthHint(0x6c80)).toBe(0x80)
    expect(exactLengthHint(0x6c00)).toBe(256)
    expect(exactLengthHint(0x6700)).toBeUndefined()
    expect(() => parseResponseApdu(Uint8Array.of(0x90))).toThrowError(
      expect.objectContaining({ code: 'CHIP_DATA_INVALID' })
    )
  })
})

describe('secure messaging unwrap under fuzzing', () => {
  const session = {
    ksEnc: fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5'),
    ksMac: fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8'),
    ssc: fromHex('887022120C06C226')
  }
  // The appendix D.4 READ BINARY exchange: SSC ...C229 for the command, ...C22A for the response.
  const goodResponse = fromHex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000')
  function channelBeforeResponse() {
    const channel = createTdesChannel({ ...session, ssc: fromHex('887022120C06C228') })
    channel.wrap(readBinary(0, 4))
    return channel
  }

  it('opens the untouched response', () => {
    expect(hex(channelBeforeResponse().unwrap(goodResponse).data)).toBe('60145F01')
  })

  it('never accepts altered protected content; failures are typed', () => {
    fc.assert(
      fc.property(fc.nat(goodResponse.length - 1), fc.integer({ min: 1, max: 255 }), (i, delta) => {
        const bytes = new Uint8Array(goodResponse)
        bytes[i] = (bytes[i]! + delta) & 0xff
        try {
          const r = channelBeforeResponse().unwrap(bytes)
          // Only the trailer outside the MAC may change without effect (DO99 is authoritative).
          expect(i).toBeGreaterThanOrEqual(goodResponse.length - 2)
          expect(hex(r.data)).toBe('60145F01')
          expect(r.sw).toBe(0x9000)
        } catch (e) {
          if (!isAppError(e) || !['SM_MAC_INVALID', 'CHIP_DATA_INVALID'].includes(e.code)) throw e
        }
      }),
      { numRuns: 500 }
    )
  })

  it('turns random responses into typed errors or bare status words', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const r = channelBeforeResponse().unwrap(bytes)
          expect(r.protected).toBe(false)
          expect(bytes.length).toBe(2)
        } catch (e) {
          if (!isAppError(e) || !['SM_MAC_INVALID', 'CHIP_DATA_INVALID'].includes(e.code)) throw e
        }
      }),
      { numRuns: 1000 }
    )
  })
})
