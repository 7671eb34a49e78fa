// The virtual chip driven directly (no PC/SC): its access rules and fault knobs, checked with the
// project's reader-side ICAO code (protocol/icao) and with hand-built APDUs.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LDS_FILES, openBac } from '../../../protocol/icao'
import { FID, fixtureCard } from '../../harness/fixtures'
import { type ChipFaults, EmrtdChip } from '../../harness/virtual-chip/chip'
import { chipOptionsFromFolder, mrzInfoFromDg1 } from '../../harness/virtual-chip/folder'

const hex = (s: string) => Buffer.from(s, 'hex')
const swOf = (r: Uint8Array) => ((r[r.length - 2]! << 8) | r[r.length - 1]!).toString(16).padStart(4, '0')

async function chipFor(faults?: ChipFaults) {
  const card = await fixtureCard('card-2021')
  const chip = new EmrtdChip(card.chipOptions(faults))
  const log: Buffer[] = []
  const transmit = async (apdu: Uint8Array) => {
    log.push(Buffer.from(apdu))
    return new Uint8Array(chip.process(apdu))
  }
  const mrz = {
    documentNumber: card.mrz.documentNumber,
    dateOfBirth: card.mrz.dateOfBirth,
    dateOfExpiry: card.mrz.dateOfExpiry
  }
  return { card, chip, transmit, mrz, log }
}

describe('virtual chip access rules', () => {
  it('protects files until BAC: SELECT EF and READ BINARY give 6982', async () => {
    const { chip } = await chipFor()
    expect(swOf(chip.process(hex('00A4040C07A0000002471001')))).toBe('9000')
    expect(swOf(chip.process(hex('00A4020C020101')))).toBe('6982')
    expect(swOf(chip.process(hex('00B0000004')))).toBe('6982')
    expect(swOf(chip.process(hex('00B0810004')))).toBe('6982')
    expect(swOf(chip.process(hex('00A4040C07A0000002471002')))).toBe('6a82')
  })

  it('opens with the right MRZ and serves every file byte for byte', async () => {
    const { card, transmit, mrz } = await chipFor()
    const session = await openBac(transmit, mrz)
    for (const [file, fid] of [
      [LDS_FILES.COM, FID.COM],
      [LDS_FILES.DG1, FID.DG1],
      [LDS_FILES.DG13, FID.DG13],
      [LDS_FILES.DG2, FID.DG2],
      [LDS_FILES.SOD, FID.SOD]
    ] as const) {
      const { data } = await session.readFile(file)
      expect(Buffer.from(data).equals(card.files.get(fid)!)).toBe(true)
    }
  })

  it('reads by short EF identifier as well', async () => {
    const { card, transmit, mrz, log } = await chipFor()
    const session = await openBac(transmit, mrz, { preferSfi: true })
    const { data } = await session.readFile(LDS_FILES.DG1)
    expect(Buffer.from(data).equals(card.files.get(FID.DG1)!)).toBe(true)
    expect(log.some((a) => a[1] === 0xb0 && (a[2]! & 0x80) !== 0)).toBe(true)
  })

  it('answers a wrong MRZ with 6300, which the reader reports as ACCESS_DENIED (BAC)', async () => {
    const { transmit, mrz } = await chipFor()
    await expect(openBac(transmit, { ...mrz, dateOfBirth: '900315' })).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
      details: { protocol: 'BAC' }
    })
  })

  it('denies DG3 after BAC (EAC-protected) and answers 6A82 for absent or "missing" files', async () => {
    const { transmit, mrz } = await chipFor({ missingFiles: [FID.DG13] })
    const session = await openBac(transmit, mrz)
    await expect(session.readFile(LDS_FILES.DG3)).rejects.toMatchObject({ code: 'ACCESS_DENIED' })
    await expect(session.readFile(LDS_FILES.DG13)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' })
    await expect(session.readFile(LDS_FILES.DG14)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' })
  })

  it('refuses over-long reads like an ACR122U-limited reader (6700) yet the reader gets the whole DG2', async () => {
    const { card, transmit, mrz, log } = await chipFor({ maxReadLength: 128 })
    const session = await openBac(transmit, mrz, { maxChunk: 223 })
    const { data } = await session.readFile(LDS_FILES.DG2)
    expect(Buffer.from(data).equals(card.files.get(FID.DG2)!)).toBe(true)
    // The 6700 answers pushed the reader down to chunks of at most 128 bytes.
    const reads = log.filter((a) => a[0] === 0x0c && a[1] === 0xb0)
    expect(reads.length).toBeGreaterThan(card.files.get(FID.DG2)!.length / 128)
  })

  it('corrupts response MACs on request; the reader rejects them (SM_MAC_INVALID)', async () => {
    const { transmit, mrz } = await chipFor({ corruptMac: true })
    const session = await openBac(transmit, mrz)
    await expect(session.readFile(LDS_FILES.DG1)).rejects.toMatchObject({ code: 'SM_MAC_INVALID' })
  })

  it('answers a command with a bad MAC with 6988 and ends the session', async () => {
    const { chip, transmit, mrz, log } = await chipFor()
    const session = await openBac(transmit, mrz)
    await session.readFile(LDS_FILES.COM)
    const lastSecure = [...log].reverse().find((a) => a[0] === 0x0c)!
    const tampered = Buffer.from(lastSecure)
    tampered[tampered.length - 2]! ^= 0x01 // inside DO8E
    expect(swOf(chip.process(tampered))).toBe('6988')
    expect(chip.authenticated).toBe(false)
  })

  it('ends secure messaging when a plain APDU arrives', async () => {
    const { chip, transmit, mrz } = await chipFor()
    await openBac(transmit, mrz)
    expect(chip.authenticated).toBe(true)
    expect(swOf(chip.process(hex('00A4020C020101')))).toBe('6982')
    expect(chip.authenticated).toBe(false)
  })

  it('keeps the session across the PC/SC UID pseudo-APDU (handled by the reader, not the chip)', async () => {
    const { chip, transmit, mrz } = await chipFor()
    await openBac(transmit, mrz)
    const uid = chip.process(hex('FFCA000000'))
    expect(uid).toHaveLength(6)
    expect(swOf(uid)).toBe('9000')
    expect(chip.authenticated).toBe(true)
  })
})

describe('virtual chip from a folder', () => {
  it('serves files named COM, DG1.bin, EF.SOD… and derives the BAC key from DG1', async () => {
    const card = await fixtureCard('card-2024')
    const dir = mkdtempSync(join(tmpdir(), 'chip-folder-'))
    writeFileSync(join(dir, 'COM'), card.files.get(FID.COM)!)
    writeFileSync(join(dir, 'DG1.bin'), card.files.get(FID.DG1)!)
    writeFileSync(join(dir, 'EF.SOD'), card.files.get(FID.SOD)!)
    writeFileSync(join(dir, 'dg13.bin'), card.files.get(FID.DG13)!)
    writeFileSync(join(dir, 'notes.txt'), 'ignored')
    const options = chipOptionsFromFolder(dir)
    expect(options.mrzInfo).toBe(card.mrz.mrzInfo)
    expect([...options.files.keys()].sort()).toEqual([FID.DG1, FID.DG13, FID.SOD, FID.COM].sort())
    const chip = new EmrtdChip(options)
    const session = await openBac(async (a) => new Uint8Array(chip.process(a)), {
      documentNumber: card.mrz.documentNumber,
      dateOfBirth: card.mrz.dateOfBirth,
      dateOfExpiry: card.mrz.dateOfExpiry
    })
    const { data } = await session.readFile(LDS_FILES.DG13)
    expect(Buffer.from(data).equals(card.files.get(FID.DG13)!)).toBe(true)
  })

  it('reads the MRZ information of a TD3 passport DG1 too (ICAO 9303 specimen)', () => {
    const mrz =
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<' + 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'
    const dg1 = Buffer.concat([Buffer.from([0x61, 0x5b, 0x5f, 0x1f, 0x58]), Buffer.from(mrz, 'ascii')])
    expect(mrzInfoFromDg1(dg1)).toBe('L898902C36' + '7408122' + '1204159')
  })
})
