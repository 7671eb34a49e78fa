import { describe, expect, it } from 'vitest'
import { EmrtdChip } from '../../harness/virtual-chip'
import { allFixtureCards, fixtureCard } from '../../harness/fixtures'
import { readCccd } from '../../../core/card/read-cccd'

/** The chip in-process: bytes in, bytes out, as a reader would pass them. */
const transmitTo = (chip: EmrtdChip) => async (apdu: Uint8Array) => new Uint8Array(chip.process(apdu))

describe('reading a CCCD chip (in-process virtual chip)', () => {
  it('reads every fixture card to the identity the card holds, verified by EF.SOD, photo last', async () => {
    for (const card of await allFixtureCards()) {
      const steps: string[] = []
      const r = await readCccd(
        transmitTo(new EmrtdChip(card.chipOptions())),
        { mrzInfo: [card.mrz.mrzInfo], can: null },
        {
          onProgress: (s) => steps.push(s),
          onIdentity: () => steps.push('identity'),
          onVerified: () => steps.push('verified')
        }
      )
      expect(r.identity, card.name).toEqual(card.identity)
      expect(steps.indexOf('identity')).toBeLessThan(steps.indexOf('dg2'))
      expect(steps.indexOf('verified')).toBeLessThan(steps.indexOf('dg2'))
      expect(r.photo?.bytes).toEqual(new Uint8Array(card.face))
      const dg13 = r.chip.passiveAuthentication.dataGroupHashes.find((h) => h.dg === 13)
      if (card.name === 'tampered-dg13') {
        expect(r.chip.passiveAuthentication.status).toBe('invalid')
        expect(dg13?.status).toBe('mismatch')
      } else {
        expect(r.chip.passiveAuthentication.status, card.name).toBe('valid')
        expect(r.chip.passiveAuthentication.chain).toBe('unknown')
      }
    }
  })

  it('tries the candidate expiries and opens the chip with the right one', async () => {
    const card = await fixtureCard('card-2021')
    const right = card.mrz.mrzInfo
    const wrong = right.slice(0, 17) + '000101' + '5'
    const r = await readCccd(
      transmitTo(new EmrtdChip(card.chipOptions())),
      { mrzInfo: [wrong, right], can: null },
      { includePhoto: false }
    )
    expect(r.chip.mrzInfoUsed).toBe(right)
    expect(r.photo).toBeNull()
  })

  it('says the chip keys are wrong when no candidate opens it', async () => {
    const card = await fixtureCard('card-2021')
    const wrong = card.mrz.mrzInfo.slice(0, 17) + '000101' + '5'
    await expect(
      readCccd(transmitTo(new EmrtdChip(card.chipOptions())), { mrzInfo: [wrong], can: null })
    ).rejects.toMatchObject({
      code: 'BAC_DENIED',
      messageVi: expect.stringContaining('Sai thông tin mở khoá chip')
    })
  })

  it('uses the largest chunk the reader takes and no more APDUs than the minimum for it', async () => {
    const card = await fixtureCard('card-2024')
    const r = await readCccd(transmitTo(new EmrtdChip(card.chipOptions({ maxReadLength: 223 }))), {
      mrzInfo: [card.mrz.mrzInfo],
      can: null
    })
    expect(r.chunkSize).toBeLessThanOrEqual(223)
    expect(r.photo?.bytes.length).toBeGreaterThan(10_000)
    expect(r.apdus).toBe(r.minimumApdus)
  })
})
