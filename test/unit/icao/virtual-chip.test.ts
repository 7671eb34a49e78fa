/**
 * Cross-check against the independently written virtual chip of the PC/SC harness (same protocol,
 * other hands): BAC, secure messaging, chunked reads, LDS parsing and passive authentication.
 */
import { describe, expect, it } from 'vitest'
import { openBac, type Transmit } from '../../../protocol/icao/session'
import { LDS_FILES } from '../../../protocol/icao/lds/files'
import { parseEfCom } from '../../../protocol/icao/lds/com'
import { parseDg1 } from '../../../protocol/icao/lds/mrz-parse'
import { parseDg2 } from '../../../protocol/icao/lds/dg2'
import { verifyPassiveAuth } from '../../../protocol/icao/pa/passive-auth'
import { hex } from '../../../protocol/icao/bytes'
import { AppError } from '../../../contract/errors'
import { EmrtdChip } from '../../harness/virtual-chip'
import { bacFixtureNames as fixtureNames, fixtureCard, type FixtureCard } from '../../harness/fixtures'
import type { ChipFaults } from '../../harness/virtual-chip/chip'

function transport(card: FixtureCard, faults?: ChipFaults): Transmit {
  const chip = new EmrtdChip(card.chipOptions(faults))
  return async (apdu) => new Uint8Array(chip.process(apdu))
}

function keyOf(card: FixtureCard) {
  return {
    documentNumber: card.mrz.documentNumber,
    dateOfBirth: card.mrz.dateOfBirth,
    dateOfExpiry: card.mrz.dateOfExpiry
  }
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected a rejection')
}

describe('reader against the harness virtual chip', () => {
  it.each(fixtureNames)('reads and verifies fixture %s', async (name) => {
    const card = await fixtureCard(name)
    const session = await openBac(transport(card), keyOf(card))
    const com = parseEfCom((await session.readFile(LDS_FILES.COM)).data)
    expect(com.dataGroups).toContain(13)
    const dg1 = (await session.readFile(LDS_FILES.DG1)).data
    const mrz = parseDg1(dg1)
    expect(mrz.documentNumber).toBe(card.mrz.documentNumber)
    expect(mrz.lines).toEqual(card.mrz.lines)
    const dg2 = (await session.readFile(LDS_FILES.DG2)).data
    expect(hex(parseDg2(dg2).image)).toBe(hex(card.face))
    const dg13 = (await session.readFile(LDS_FILES.DG13)).data
    expect(hex(dg13)).toBe(hex(card.files.get(0x010d)!))
    const sod = (await session.readFile(LDS_FILES.SOD)).data
    const pa = verifyPassiveAuth({
      sod,
      dataGroups: new Map([
        [1, dg1],
        [2, dg2],
        [13, dg13]
      ])
    })
    expect(pa.signature).toBe('valid')
    expect(pa.chain).toBe('unknown')
    if (name === 'tampered-dg13') {
      expect(pa.status).toBe('invalid')
      expect(pa.dataGroupHashes.find((h) => h.dg === 13)?.status).toBe('mismatch')
    } else {
      expect(pa.status).toBe('valid')
    }
  })

  it('falls back when the reader carries fewer bytes, and rejects corrupted MACs', async () => {
    const card = await fixtureCard('card-2021')
    const limited = await openBac(transport(card, { maxReadLength: 128 }), keyOf(card))
    const dg2 = await limited.readFile(LDS_FILES.DG2)
    expect(hex(dg2.data)).toBe(hex(card.files.get(0x0102)!))
    expect(limited.chunkSize()).toBeLessThanOrEqual(128)

    const corrupt = await openBac(transport(card, { corruptMac: true }), keyOf(card))
    expect((await rejection(corrupt.readFile(LDS_FILES.DG1))).code).toBe('SM_MAC_INVALID')
  })

  it('gets ACCESS_DENIED (key refused) for a wrong key and ACCESS_DENIED (file) for DG3', async () => {
    const card = await fixtureCard('card-2024')
    const wrong = await rejection(openBac(transport(card), { ...keyOf(card), dateOfExpiry: '000101' }))
    expect(wrong.code).toBe('ACCESS_DENIED')
    expect(wrong.details).toMatchObject({ protocol: 'BAC', reason: 'key-refused' })
    const session = await openBac(transport(card), keyOf(card))
    expect((await rejection(session.readFile(LDS_FILES.DG3))).code).toBe('ACCESS_DENIED')
  })
})
