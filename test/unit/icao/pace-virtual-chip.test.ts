// PACE-CAN and AES secure messaging against the harness virtual chip: EF.CardAccess, the four GENERAL
// AUTHENTICATE steps, file reads under AES SM, a wrong CAN, and a PACE-only chip that refuses BAC.
import { describe, expect, it } from 'vitest'
import { openBac, openSession, type Transmit } from '../../../protocol/icao/session'
import { LDS_FILES } from '../../../protocol/icao/lds/files'
import { hex } from '../../../protocol/icao/bytes'
import { readCardAccessInfos } from '../../../protocol/icao/pace/card-access'
import { choosePaceInfo } from '../../../protocol/icao/pace/pace'
import { EmrtdChip } from '../../harness/virtual-chip'
import { fixtureCard, type FixtureCard } from '../../harness/fixtures'

function transport(card: FixtureCard): { transmit: Transmit; count: () => number } {
  const chip = new EmrtdChip(card.chipOptions())
  let n = 0
  return {
    transmit: async (apdu) => {
      n++
      return new Uint8Array(chip.process(apdu))
    },
    count: () => n
  }
}

describe('PACE-CAN against the virtual chip', () => {
  it('reads EF.CardAccess, runs PACE with the CAN and reads DG13 and DG2 under AES secure messaging', async () => {
    const card = await fixtureCard('pace-only')
    const t = transport(card)
    const infos = await readCardAccessInfos(t.transmit)
    const info = choosePaceInfo(infos!.pace)
    expect(info).toEqual({ protocol: '0.4.0.127.0.7.2.2.4.2.2', version: 2, parameterId: 13 })
    const session = await openSession(t.transmit, {
      protocol: 'PACE',
      password: { kind: 'can', can: card.identity.idNumber!.slice(6) },
      info: info!
    })
    expect(session.kind).toBe('pace')
    // CardAccess 1 + MSE 1 + GA 4 + SELECT AID under SM 1
    expect(t.count()).toBe(7)
    expect(hex((await session.readFile(LDS_FILES.DG13)).data)).toBe(hex(card.files.get(0x010d)!))
    expect(hex((await session.readFile(LDS_FILES.DG2)).data)).toBe(hex(card.files.get(0x0102)!))
  })

  it('gives ACCESS_DENIED with protocol PACE for a wrong CAN', async () => {
    const card = await fixtureCard('pace-only')
    const t = transport(card)
    const info = choosePaceInfo((await readCardAccessInfos(t.transmit))!.pace)!
    await expect(
      openSession(t.transmit, { protocol: 'PACE', password: { kind: 'can', can: '000000' }, info })
    ).rejects.toMatchObject({ code: 'ACCESS_DENIED', details: { protocol: 'PACE', reason: 'key-refused' } })
  })

  it('a PACE-only chip refuses BAC even with the right MRZ key', async () => {
    const card = await fixtureCard('pace-only')
    const mrz = {
      documentNumber: card.mrz.documentNumber,
      dateOfBirth: card.mrz.dateOfBirth,
      dateOfExpiry: card.mrz.dateOfExpiry
    }
    await expect(openBac(transport(card).transmit, mrz)).rejects.toMatchObject({ code: 'CHIP_DATA_INVALID' })
  })

  it('a BAC-only chip has no EF.CardAccess', async () => {
    expect(await readCardAccessInfos(transport(await fixtureCard('card-2021')).transmit)).toBeUndefined()
  })
})
