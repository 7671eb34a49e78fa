import { describe, expect, it } from 'vitest'
import { openBac } from '../../../protocol/icao/session'
import { plannedApdus, theoreticalMinApdus } from '../../../protocol/icao/chunking'
import { LDS_FILES } from '../../../protocol/icao/lds/files'
import { encodeTlv } from '../../../protocol/icao/tlv'
import { fromHex, hex } from '../../../protocol/icao/bytes'
import { AppError } from '../../../contract/errors'
import { FakeChip, type FakeChipOptions } from './support/fake-chip'

const mrz = { documentNumber: '093047064', dateOfBirth: '930105', dateOfExpiry: '330105' }

function pseudoRandom(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    out[i] = x >>> 24
  }
  return out
}

const com = fromHex('60185F0104303130375F3606303430303030' + '5C06' + '6175636D6F6E')
const dg1 = encodeTlv(0x61, encodeTlv(0x5f1f, pseudoRandom(90, 1)))
const dg2 = encodeTlv(0x75, pseudoRandom(15_046, 2))
const files = new Map<number, Uint8Array>([
  [0x011e, com],
  [0x0101, dg1],
  [0x0102, dg2]
])

function chip(extra: Partial<FakeChipOptions> = {}): FakeChip {
  return new FakeChip({ mrz, files, ...extra })
}

let seed = 99
const random = (n: number) => pseudoRandom(n, seed++)

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected a rejection')
}

describe('BAC session over a transport', () => {
  it('reads EF.COM, DG1 and a 15 KB DG2 with the planned number of APDUs', async () => {
    const card = chip({ maxLe: 223 })
    const session = await openBac(card.transmit, mrz, { random })
    expect(session.stats().apdus).toBe(3)
    for (const [file, bytes] of [
      [LDS_FILES.COM, com],
      [LDS_FILES.DG1, dg1],
      [LDS_FILES.DG2, dg2]
    ] as const) {
      const r = await session.readFile(file)
      expect(hex(r.data)).toBe(hex(bytes))
      expect(r.stats.apdus).toBe(plannedApdus(bytes.length, 223))
      expect(r.stats.recoveries).toBe(0)
    }
    expect(dg2.length).toBe(15_050)
    expect(plannedApdus(15_050, 223)).toBe(1 + 1 + 68)
    expect(theoreticalMinApdus(15_050, 223)).toBe(1 + 68)
  })

  it('falls back on 6700 to a size the chip accepts and keeps it for the next files', async () => {
    const card = chip({ maxLe: 128 })
    const session = await openBac(card.transmit, mrz, { random })
    const first = await session.readFile(LDS_FILES.DG2)
    expect(hex(first.data)).toBe(hex(dg2))
    expect(session.chunkSize()).toBe(128)
    expect(first.stats.fallbacks).toBe(2) // 223 → 160 → 128
    const second = await session.readFile(LDS_FILES.DG1)
    expect(hex(second.data)).toBe(hex(dg1))
    expect(second.stats.fallbacks).toBe(0)
    expect(second.stats.apdus).toBe(plannedApdus(dg1.length, 128))
  })

  it('follows a 6Cxx hint from the chip', async () => {
    const card = chip({ maxLe: 100, exactLengthHint: true })
    const session = await openBac(card.transmit, mrz, { random })
    const r = await session.readFile(LDS_FILES.DG2)
    expect(hex(r.data)).toBe(hex(dg2))
    expect(session.chunkSize()).toBe(100)
  })

  it('recovers from plain error answers that end secure messaging', async () => {
    const card = chip({ maxLe: 200, plainErrors: true })
    const session = await openBac(card.transmit, mrz, { random })
    const r = await session.readFile(LDS_FILES.DG2)
    expect(hex(r.data)).toBe(hex(dg2))
    expect(r.stats.recoveries).toBe(1)
  })

  it('recovers from a transport error and from a lost response mid-file by re-running BAC', async () => {
    const card = chip({
      faults: new Map([
        [20, 'throw'],
        [40, 'lost-response']
      ])
    })
    const session = await openBac(card.transmit, mrz, { random, cardPresent: card.present })
    const r = await session.readFile(LDS_FILES.DG2)
    expect(hex(r.data)).toBe(hex(dg2))
    expect(r.stats.recoveries).toBe(2)
  })

  it('reports CARD_REMOVED when the card leaves mid-read', async () => {
    const card = chip({ removedAfter: 30 })
    const session = await openBac(card.transmit, mrz, { random, cardPresent: card.present })
    const e = await rejection(session.readFile(LDS_FILES.DG2))
    expect(e.code).toBe('CARD_REMOVED')
  })

  it('gives up with CARD_REMOVED after bounded retries when answers stay empty', async () => {
    const card = chip({ removedAfter: 30 })
    const session = await openBac(card.transmit, mrz, { random })
    const e = await rejection(session.readFile(LDS_FILES.DG2))
    expect(e.code).toBe('CARD_REMOVED')
    expect(card.apdus).toBeLessThan(40)
  })

  it('passes a CARD_REMOVED error from the transport through', async () => {
    const card = chip()
    const session = await openBac(card.transmit, mrz, { random })
    let calls = 0
    const failing = openBac(
      async (apdu) => {
        calls++
        if (calls > 3) throw new AppError('CARD_REMOVED', 'Thẻ đã bị nhấc', 'removed')
        return card.transmit(apdu)
      },
      mrz,
      { random }
    )
    const s2 = await failing
    expect((await rejection(s2.readFile(LDS_FILES.COM))).code).toBe('CARD_REMOVED')
    expect(session.kind).toBe('bac')
  })

  it('refuses a wrong MRZ with ACCESS_DENIED (protocol BAC) and a Vietnamese message', async () => {
    const card = chip()
    const e = await rejection(openBac(card.transmit, { ...mrz, dateOfBirth: '930106' }, { random }))
    expect(e.code).toBe('ACCESS_DENIED')
    expect(e.details).toMatchObject({ protocol: 'BAC', reason: 'key-refused' })
    expect(e.messageVi).toMatch(/^Chip từ chối khoá mở \(BAC\)/)
  })

  it('reports FILE_NOT_FOUND for an absent data group', async () => {
    const session = await openBac(chip().transmit, mrz, { random })
    const e = await rejection(session.readFile(LDS_FILES.DG11))
    expect(e.code).toBe('FILE_NOT_FOUND')
    const plain = await openBac(chip({ plainErrors: true }).transmit, mrz, { random })
    expect((await rejection(plain.readFile(LDS_FILES.DG12))).code).toBe('FILE_NOT_FOUND')
  })

  it('surfaces a corrupted response MAC as SM_MAC_INVALID', async () => {
    const card = chip({ faults: new Map([[6, 'corrupt-mac']]) })
    const session = await openBac(card.transmit, mrz, { random })
    const e = await rejection(session.readFile(LDS_FILES.DG1))
    expect(e.code).toBe('SM_MAC_INVALID')
  })

  it('reads by short EF identifier without a SELECT, and falls back to SELECT when SFI is refused', async () => {
    const withSfi = chip({ sfi: true })
    const s1 = await openBac(withSfi.transmit, mrz, { random, preferSfi: true })
    const r1 = await s1.readFile(LDS_FILES.DG1)
    expect(hex(r1.data)).toBe(hex(dg1))
    expect(r1.stats.apdus).toBe(plannedApdus(dg1.length, 223, { select: false }))
    expect(withSfi.log).not.toContain('SELECT 101')
    const bySfiNumber = await s1.readFile(2)
    expect(hex(bySfiNumber.data)).toBe(hex(dg2))

    const noSfi = chip({ sfi: false })
    const s2 = await openBac(noSfi.transmit, mrz, { random, preferSfi: true })
    expect(hex((await s2.readFile(LDS_FILES.DG1)).data)).toBe(hex(dg1))
  })

  it('uses extended length when allowed, with fewer APDUs', async () => {
    const card = chip()
    const session = await openBac(card.transmit, mrz, { random, extendedLength: true, maxChunk: 4096 })
    const r = await session.readFile(LDS_FILES.DG2)
    expect(hex(r.data)).toBe(hex(dg2))
    expect(r.stats.apdus).toBe(plannedApdus(dg2.length, 4096))
    expect(r.stats.apdus).toBeLessThan(8)
  })

  it('keeps the chunk size after a file shorter than the header read', async () => {
    const tiny = encodeTlv(0x65, Uint8Array.of(1, 2))
    const card = chip({ files: new Map([...files, [0x0105, tiny]]) })
    const session = await openBac(card.transmit, mrz, { random })
    expect(hex((await session.readFile(LDS_FILES.DG5)).data)).toBe(hex(tiny))
    expect(session.chunkSize()).toBe(223)
    const r = await session.readFile(LDS_FILES.DG2)
    expect(r.stats.apdus).toBe(plannedApdus(dg2.length, 223))
  })

  it('adopts the size of short answers from a chip that returns less than asked', async () => {
    const card = chip({ truncateTo: 100 })
    const session = await openBac(card.transmit, mrz, { random })
    const r = await session.readFile(LDS_FILES.DG2)
    expect(hex(r.data)).toBe(hex(dg2))
    expect(session.chunkSize()).toBe(100)
    expect(r.stats.recoveries).toBe(0)
  })

  it('with extended length and short EF identifiers, reads each file in one READ BINARY', async () => {
    const card = chip({ sfi: true })
    const session = await openBac(card.transmit, mrz, {
      random,
      extendedLength: true,
      maxChunk: 0xffff,
      preferSfi: true
    })
    for (const [file, bytes] of [
      [LDS_FILES.DG1, dg1],
      [LDS_FILES.DG2, dg2]
    ] as const) {
      const r = await session.readFile(file)
      expect(hex(r.data)).toBe(hex(bytes))
      expect(r.stats.apdus).toBe(1)
    }
    expect(session.chunkSize()).toBe(0xffff)
  })

  it('a chip that answers an extended read in parts still gives the whole file, one answer per part', async () => {
    const card = chip({ truncateTo: 1000, sfi: true })
    const session = await openBac(card.transmit, mrz, {
      random,
      extendedLength: true,
      maxChunk: 0xffff,
      preferSfi: true
    })
    const r = await session.readFile(LDS_FILES.DG2)
    expect(hex(r.data)).toBe(hex(dg2))
    expect(r.stats.apdus).toBe(Math.ceil(dg2.length / 1000))
    expect(r.stats.recoveries).toBe(0)
  })

  it('drops back to short APDUs when the reader cannot carry extended length', async () => {
    const card = chip({ noExtended: true })
    const session = await openBac(card.transmit, mrz, { random, extendedLength: true, maxChunk: 4096 })
    const r = await session.readFile(LDS_FILES.DG2)
    expect(hex(r.data)).toBe(hex(dg2))
    expect(session.chunkSize()).toBe(223)
    expect(r.stats.recoveries).toBe(1)
  })

  it('serialises concurrent reads on one session', async () => {
    const session = await openBac(chip().transmit, mrz, { random })
    const [a, b, c] = await Promise.all([
      session.readFile(LDS_FILES.DG2),
      session.readFile(LDS_FILES.DG1),
      session.readFile(LDS_FILES.COM)
    ])
    expect(hex(a.data)).toBe(hex(dg2))
    expect(hex(b.data)).toBe(hex(dg1))
    expect(hex(c.data)).toBe(hex(com))
  })

  it('streams chunks with progress', async () => {
    const session = await openBac(chip().transmit, mrz, { random })
    const seen: number[] = []
    let collected = 0
    await session.readFile(LDS_FILES.DG2, {
      onChunk: (chunk, p) => {
        collected += chunk.length
        seen.push(p.received)
        expect(p.total).toBe(dg2.length)
      }
    })
    expect(collected).toBe(dg2.length)
    expect(seen.at(-1)).toBe(dg2.length)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })
})
