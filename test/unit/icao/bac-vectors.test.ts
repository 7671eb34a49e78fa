import { describe, expect, it } from 'vitest'
import { hex, fromHex } from '../../../protocol/icao/bytes'
import { mrzInformation, mrzCheckDigit } from '../../../protocol/icao/mrz'
import {
  buildMutualAuthData,
  completeMutualAuth,
  deriveBacKeys,
  bacKeysFromSeed
} from '../../../protocol/icao/bac'
import {
  adjustParity,
  padIso9797,
  retailMac,
  retailMacFor,
  tdesEncrypt
} from '../../../protocol/icao/crypto/des'
import fc from 'fast-check'
import { createTdesChannel } from '../../../protocol/icao/sm/tdes-suite'
import { readBinary, selectEf } from '../../../protocol/icao/apdu'

// ICAO Doc 9303 Part 11, Appendix D (worked example for BAC and secure messaging).
const mrz = { documentNumber: 'L898902C', dateOfBirth: '690806', dateOfExpiry: '940623' }
const rndIc = fromHex('4608F91988702212')
const rndIfd = fromHex('781723860C06C226')
const kIfd = fromHex('0B795240CB7049B01C19B33E32804F0B')
const kIc = fromHex('0B4F80323EB3191CB04970CB4052790B')

describe('ICAO 9303-11 appendix D: BAC key derivation', () => {
  it('builds the MRZ information with check digits', () => {
    expect(mrzCheckDigit('L898902C<')).toBe(3)
    expect(mrzInformation(mrz)).toBe('L898902C<369080619406236')
  })

  it('derives Kseed, Kenc and Kmac', () => {
    const keys = deriveBacKeys(mrz)
    expect(hex(keys.kSeed)).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE')
    expect(hex(keys.kEnc)).toBe('AB94FDECF2674FDFB9B391F85D7F76F2')
    expect(hex(keys.kMac)).toBe('7962D9ECE03D1ACD4C76089DCE131543')
  })

  it('adjusts DES parity', () => {
    expect(hex(adjustParity(fromHex('AB94FCEDF2664EDF')))).toBe('AB94FDECF2674FDF')
  })
})

describe('ICAO 9303-11 appendix D: mutual authentication', () => {
  const keys = deriveBacKeys(mrz)

  it('computes E_IFD and M_IFD', () => {
    const data = buildMutualAuthData(keys, rndIc, rndIfd, kIfd)
    expect(hex(data.subarray(0, 32))).toBe('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2')
    expect(hex(data.subarray(32))).toBe('5F1448EEA8AD90A7')
  })

  it('accepts the chip answer E_IC||M_IC and derives session keys and SSC', () => {
    const eIc = fromHex('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F')
    const mIc = fromHex('2F2D235D074D7449')
    // The published E_IC is what the chip computes from R = RND.IC||RND.IFD||K.IC.
    expect(hex(tdesEncrypt(keys.kEnc, fromHex(hex(rndIc) + hex(rndIfd) + hex(kIc))))).toBe(hex(eIc))
    expect(hex(retailMac(keys.kMac, padIso9797(eIc)))).toBe(hex(mIc))
    const session = completeMutualAuth(keys, rndIc, rndIfd, kIfd, fromHex(hex(eIc) + hex(mIc)))
    expect(hex(session.ksEnc)).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5')
    expect(hex(session.ksMac)).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8')
    expect(hex(session.ssc)).toBe('887022120C06C226')
  })

  it('rejects a chip answer with a wrong MAC', () => {
    const bad = fromHex('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7448')
    expect(() => completeMutualAuth(keys, rndIc, rndIfd, kIfd, bad)).toThrowError(
      expect.objectContaining({ code: 'SM_MAC_INVALID' })
    )
  })

  it('rejects an answer that does not echo our nonce', () => {
    const other = fromHex('0000000000000001')
    const eIc = tdesEncrypt(keys.kEnc, fromHex(hex(rndIc) + hex(other) + hex(kIc)))
    const answer = fromHex(hex(eIc) + hex(retailMac(keys.kMac, padIso9797(eIc))))
    expect(() => completeMutualAuth(keys, rndIc, rndIfd, kIfd, answer)).toThrowError(
      expect.objectContaining({ code: 'CHIP_DATA_INVALID' })
    )
  })

  it('derives keys from a seed the same way', () => {
    const keys2 = bacKeysFromSeed(fromHex('239AB9CB282DAF66231DC5A4DF6BFBAE'))
    expect(hex(keys2.kMac)).toBe(hex(keys.kMac))
  })
})

describe('ICAO 9303-11 appendix D.4: secure messaging', () => {
  const session = {
    ksEnc: fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5'),
    ksMac: fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8'),
    ssc: fromHex('887022120C06C226')
  }

  it('protects SELECT EF.COM, READ BINARY and opens the published responses', () => {
    const channel = createTdesChannel(session)

    expect(hex(channel.wrap(selectEf(0x011e)))).toBe('0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800')
    const r1 = channel.unwrap(fromHex('990290008E08FA855A5D4C50A8ED9000'))
    expect(r1).toMatchObject({ sw: 0x9000, protected: true })
    expect(r1.data.length).toBe(0)
    expect(hex(channel.ssc())).toBe('887022120C06C228')

    expect(hex(channel.wrap(readBinary(0, 4)))).toBe('0CB000000D9701048E08ED6705417E96BA5500')
    const r2 = channel.unwrap(fromHex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000'))
    expect(hex(r2.data)).toBe('60145F01')

    expect(hex(channel.wrap(readBinary(4, 0x12)))).toBe('0CB000040D9701128E082EA28A70F3C7B53500')
    const r3 = channel.unwrap(
      fromHex('871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000')
    )
    expect(hex(r3.data)).toBe('04303130365F36063034303030305C026175')
    expect(hex(channel.ssc())).toBe('887022120C06C22C')
  })

  it('rejects a response whose MAC was altered', () => {
    const channel = createTdesChannel(session)
    channel.wrap(selectEf(0x011e))
    expect(() => channel.unwrap(fromHex('990290008E08FA855A5D4C50A8EC9000'))).toThrowError(
      expect.objectContaining({ code: 'SM_MAC_INVALID' })
    )
  })

  it('rejects a response whose status word was altered under the MAC', () => {
    const channel = createTdesChannel(session)
    channel.wrap(selectEf(0x011e))
    expect(() => channel.unwrap(fromHex('990262828E08FA855A5D4C50A8ED9000'))).toThrowError(
      expect.objectContaining({ code: 'SM_MAC_INVALID' })
    )
  })

  it.each([0x6987, 0x6988])('turns status %s from the chip into SM_MAC_INVALID', (sw) => {
    const channel = createTdesChannel(session)
    channel.wrap(selectEf(0x011e))
    expect(() => channel.unwrap(Uint8Array.of(sw >> 8, sw & 0xff))).toThrowError(
      expect.objectContaining({ code: 'SM_MAC_INVALID' })
    )
  })

  it('passes a bare error status through unprotected', () => {
    const channel = createTdesChannel(session)
    channel.wrap(selectEf(0x010c))
    expect(channel.unwrap(fromHex('6A82'))).toMatchObject({ sw: 0x6a82, protected: false })
  })

  it('uses extended length for a large Le', () => {
    const channel = createTdesChannel(session)
    const apdu = channel.wrap(readBinary(0, 1000), { extended: true })
    // header, Lc = 00 00 0E, DO97 with 2-byte Le 03E8, DO8E, Le = 00 00
    expect(hex(apdu.subarray(0, 7))).toBe('0CB00000' + '00000E')
    expect(hex(apdu.subarray(7, 11))).toBe('970203E8')
    expect(hex(apdu.subarray(apdu.length - 2))).toBe('0000')
  })

  it('the session retail MAC (long-lived ciphers for short inputs) equals the one-shot retail MAC', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.uint8Array({ maxLength: 120 }),
        (key, data) => {
          const padded = padIso9797(data)
          const mac = retailMacFor(key)
          expect(hex(mac(padded))).toBe(hex(retailMac(key, padded)))
          expect(hex(mac(padded))).toBe(hex(retailMac(key, padded))) // the ciphers keep no state between MACs
        }
      ),
      { numRuns: 200 }
    )
  })
})
