import { describe, expect, it } from 'vitest'
import { EmrtdChip } from '../../harness/virtual-chip'
import { cardAccessFor } from '../../harness/virtual-chip/chip'
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
        { mrzInfo: [card.mrz.mrzInfo], can: card.identity.idNumber!.slice(6) },
        {
          onProgress: (s) => steps.push(s),
          onIdentity: () => steps.push('identity'),
          onVerified: () => steps.push('verified')
        }
      )
      expect(r.identity, card.name).toEqual(card.identity)
      expect(steps.indexOf('identity')).toBeLessThan(steps.indexOf('dg2'))
      expect(steps.indexOf('verified')).toBeLessThan(
        steps.indexOf('dg2') < 0 ? Infinity : steps.indexOf('dg2')
      )
      // A chip that fails Chip Authentication is not read further (its channel is gone).
      if (card.name === 'aa-clone') expect(r.chip.chipAuthentication.status).toBe('invalid')
      else expect(r.photo?.bytes).toEqual(new Uint8Array(card.face))
      const dg13 = r.chip.passiveAuthentication.dataGroupHashes.find((h) => h.dg === 13)
      if (card.name === 'tampered-dg13') {
        expect(r.chip.passiveAuthentication.status).toBe('invalid')
        expect(dg13?.status).toBe('mismatch')
      } else {
        expect(r.chip.passiveAuthentication.status, card.name).toBe('valid')
        expect(r.chip.passiveAuthentication.chain).toBe('unknown')
        // No CSCA configured: data intact, signer not verified. Never the ✓ of a verified chain.
        expect(r.chip.trust).toBe('intact')
      }
      expect(r.chip.accessControl, card.name).toBe(card.chipOptions().pace ? 'PACE' : 'BAC')
      expect(r.chip.activeAuthentication.status, card.name).toBe(
        card.name === 'aa-clone' ? 'invalid' : card.chipOptions().aaPrivateKey ? 'valid' : 'absent'
      )
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
      code: 'ACCESS_DENIED',
      details: { protocol: 'BAC', reason: 'key-refused' },
      messageVi: expect.stringContaining('Chip từ chối khoá mở (BAC)')
    })
  })

  it('runs Chip Authentication (DG14): valid on the genuine chip, invalid on the clone, photo not read then', async () => {
    const genuine = await fixtureCard('aa-genuine')
    const keys = { mrzInfo: [], can: genuine.identity.idNumber!.slice(6) }
    const ok = await readCccd(transmitTo(new EmrtdChip(genuine.chipOptions())), keys)
    expect(ok.chip.chipAuthentication).toEqual({ status: 'valid', algorithm: 'CA-ECDH-AES-128' })
    // Reads after CA run under the new keys: the photo still arrives and verifies.
    expect(ok.photo?.bytes).toEqual(new Uint8Array(genuine.face))
    expect(ok.chip.passiveAuthentication.status).toBe('valid')
    const clone = await fixtureCard('aa-clone')
    const bad = await readCccd(transmitTo(new EmrtdChip(clone.chipOptions())), keys)
    expect(bad.chip.chipAuthentication.status).toBe('invalid')
    expect(bad.photo).toBeNull()
  })

  it('opens a PACE chip with the CAN alone and says ACCESS_DENIED (PACE) for a wrong one', async () => {
    const card = await fixtureCard('pace-only')
    const r = await readCccd(
      transmitTo(new EmrtdChip(card.chipOptions())),
      { mrzInfo: [], can: card.identity.idNumber!.slice(6) },
      { includePhoto: false }
    )
    expect(r.chip).toMatchObject({ accessControl: 'PACE', protocol: 'PACE-ECDH-GM-AES-128' })
    expect(r.identity).toEqual(card.identity)
    await expect(
      readCccd(transmitTo(new EmrtdChip(card.chipOptions())), { mrzInfo: [], can: '123456' })
    ).rejects.toMatchObject({ code: 'ACCESS_DENIED', details: { protocol: 'PACE' } })
  })

  it('falls back to BAC when the chip refuses the PACE protocol at MSE:Set AT', async () => {
    const card = await fixtureCard('aa-genuine')
    const options = card.chipOptions()
    // EF.CardAccess still offers PACE, but the chip itself does not run it.
    const files = new Map(options.files)
    files.set(0x011c, cardAccessFor(options.pace!))
    const chip = new EmrtdChip({
      ...options,
      files,
      pace: { ...options.pace!, protocol: '0.4.0.127.0.7.2.2.4.2.4' }
    })
    const r = await readCccd(
      transmitTo(chip),
      { mrzInfo: [card.mrz.mrzInfo], can: card.identity.idNumber!.slice(6) },
      { includePhoto: false }
    )
    expect(r.chip.accessControl).toBe('BAC')
    expect(r.chip.activeAuthentication.status).toBe('valid')
  })

  it('reads everything in at most 25 APDUs with extended length, and falls back to short APDUs on 6700', async () => {
    const card = await fixtureCard('aa-genuine')
    const keys = { mrzInfo: [card.mrz.mrzInfo], can: card.identity.idNumber!.slice(6) }
    const extended = { extendedLength: true, maxChunk: 0xffff }
    const r = await readCccd(transmitTo(new EmrtdChip(card.chipOptions())), keys, { session: extended })
    expect(r.chip.accessControl).toBe('PACE')
    expect(r.photo?.bytes).toEqual(new Uint8Array(card.face))
    expect(r.apdus).toBeLessThanOrEqual(25)
    expect(r.chunkSize).toBeGreaterThan(256)
    // A reader that cannot carry extended APDUs: the same read completes at the short size.
    const short = await readCccd(transmitTo(new EmrtdChip(card.chipOptions({ maxReadLength: 223 }))), keys, {
      session: extended
    })
    expect(short.photo?.bytes).toEqual(new Uint8Array(card.face))
    expect(short.chunkSize).toBeLessThanOrEqual(223)
    expect(short.chip.passiveAuthentication.status).toBe('valid')
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
