// The virtual chip replays ICAO 9303-11 appendix D (BAC worked example) byte for byte.
import { describe, expect, it } from 'vitest'
import { EmrtdChip } from '../../harness/virtual-chip/chip'
import {
  bacKeysFromMrzInfo,
  mrzCheckDigit,
  retailMac,
  sessionKeys
} from '../../harness/virtual-chip/sm-crypto'

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex')

const MRZ_INFO = 'L898902C<369080619406236'
const RND_IC = hex('4608F91988702212')
const K_IC = hex('0B4F80323EB3191CB04970CB4052790B')
const EF_COM = hex('60145F0104303130365F36063034303030305C026175')

function appendixDChip(): EmrtdChip {
  const queue = [RND_IC, K_IC]
  return new EmrtdChip({
    files: new Map([[0x011e, EF_COM]]),
    mrzInfo: MRZ_INFO,
    random: () => {
      const next = queue.shift()
      if (!next) throw new Error('unexpected random draw')
      return Buffer.from(next)
    }
  })
}

describe('virtual chip against ICAO 9303-11 appendix D', () => {
  it('derives the document basic access keys', () => {
    const { kEnc, kMac } = bacKeysFromMrzInfo(MRZ_INFO)
    expect(kEnc.toString('hex').toUpperCase()).toBe('AB94FDECF2674FDFB9B391F85D7F76F2')
    expect(kMac.toString('hex').toUpperCase()).toBe('7962D9ECE03D1ACD4C76089DCE131543')
  })

  it('computes MRZ check digits like the appendix MRZ', () => {
    expect(mrzCheckDigit('L898902C<')).toBe('3')
    expect(mrzCheckDigit('690806')).toBe('1')
    expect(mrzCheckDigit('940623')).toBe('6')
  })

  it('derives the session keys from K.IFD and K.IC', () => {
    const k = sessionKeys(hex('0B795240CB7049B01C19B33E32804F0B'), K_IC)
    expect(k.kEnc.toString('hex').toUpperCase()).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5')
    expect(k.kMac.toString('hex').toUpperCase()).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8')
  })

  it('answers E_IFD/M_IFD with E_IC/M_IC and then the protected APDUs of the example', () => {
    const chip = appendixDChip()
    expect(chip.process(hex('00A4040C07A0000002471001'))).toEqual(hex('9000'))
    expect(chip.process(hex('0084000008'))).toEqual(Buffer.concat([RND_IC, hex('9000')]))
    const eIfd = hex('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2')
    const mIfd = hex('5F1448EEA8AD90A7')
    expect(retailMac(bacKeysFromMrzInfo(MRZ_INFO).kMac, eIfd)).toEqual(mIfd)
    const auth = chip.process(Buffer.concat([hex('0082000028'), eIfd, mIfd, hex('28')]))
    expect(auth.toString('hex').toUpperCase()).toBe(
      '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F' + '2F2D235D074D7449' + '9000'
    )
    // SELECT EF.COM, READ BINARY 4 bytes, READ BINARY 18 bytes at offset 4 (SSC 887022120C06C227…22C).
    expect(chip.process(hex('0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800'))).toEqual(
      hex('990290008E08FA855A5D4C50A8ED9000')
    )
    expect(chip.process(hex('0CB000000D9701048E08ED6705417E96BA5500'))).toEqual(
      hex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000')
    )
    expect(chip.process(hex('0CB000040D9701128E082EA28A70F3C7B53500'))).toEqual(
      hex('871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000')
    )
  })

  it('refuses EXTERNAL AUTHENTICATE built from a wrong MRZ with 6300', () => {
    const chip = appendixDChip()
    chip.process(hex('00A4040C07A0000002471001'))
    chip.process(hex('0084000008'))
    const eIfd = hex('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2')
    const wrongMac = retailMac(bacKeysFromMrzInfo('L898902C<369080619406244').kMac, eIfd)
    expect(chip.process(Buffer.concat([hex('0082000028'), eIfd, wrongMac, hex('28')]))).toEqual(hex('6300'))
    expect(chip.authenticated).toBe(false)
  })
})
