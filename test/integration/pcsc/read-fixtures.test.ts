// Every fixture card read end to end over the real PC/SC stack: reader manager → libpcsclite → private
// pcscd → vpcd → virtual chip, with BAC + secure messaging from protocol/icao, DG13 decoding from
// protocol/cccd and passive authentication against the test CSCA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeDg13 } from '../../../protocol/cccd'
import { LDS_FILES, openBac, parseDg1, verifyPassiveAuth } from '../../../protocol/icao'
import type { CardSession, ReaderManager } from '../../../devices/pcsc'
import {
  FID,
  type FixtureCard,
  type FixtureName,
  fixtureCard,
  bacFixtureNames as fixtureNames
} from '../../harness/fixtures'
import { testPki } from '../../harness/sod'
import { type PcscStack, stopStack } from '../../harness/stack'
import {
  type ChipFaults,
  type VirtualCardHandle,
  type VpcdCardOptions,
  virtualCard
} from '../../harness/virtual-chip'
import { nextEvent, startManagedStack, unavailable } from './helpers'

const bacKey = (c: FixtureCard) => ({
  documentNumber: c.mrz.documentNumber,
  dateOfBirth: c.mrz.dateOfBirth,
  dateOfExpiry: c.mrz.dateOfExpiry
})

describe.skipIf(unavailable !== null)('reading fixture cards over PC/SC', () => {
  let stack: PcscStack
  let manager: ReaderManager
  let current: VirtualCardHandle | null = null

  beforeAll(async () => {
    ;({ stack, manager } = await startManagedStack())
  })

  afterAll(async () => {
    await manager?.stop()
    if (stack) await stopStack(stack)
    await current?.remove()
  })

  /** Inserts a card, waits until PC/SC sees it, runs `body` with an exclusive session, then removes it. */
  async function withCard<T>(
    name: FixtureName,
    body: (session: CardSession, card: FixtureCard) => Promise<T>,
    faults?: ChipFaults,
    link: Partial<VpcdCardOptions> = {}
  ): Promise<T> {
    const fixture = await fixtureCard(name)
    const card = await virtualCard(name, { port: stack.port, ...link }, faults)
    current = card
    const seen = nextEvent(manager, 'card-inserted', (r) => r.name === stack.readerName)
    await card.insert()
    await seen
    const session = await manager.connect({ reader: stack.readerName })
    try {
      return await body(session, fixture)
    } finally {
      session.close()
      if (card.inserted) {
        const gone = nextEvent(manager, 'card-removed', (r) => r.name === stack.readerName)
        await card.remove()
        await gone
      } else if (manager.status().state === 'card-present') {
        await nextEvent(manager, 'card-removed')
      }
      current = null
    }
  }

  it.each(fixtureNames)(
    '%s: COM, DG1, DG13, DG2 and SOD read back and decode to the expected identity',
    async (name) => {
      const pki = await testPki()
      await withCard(name, async (session, fixture) => {
        const icao = await openBac(session.transmit.bind(session), bacKey(fixture), {
          cardPresent: () => session.cardPresent()
        })
        const read = async (file: (typeof LDS_FILES)[keyof typeof LDS_FILES]) =>
          Buffer.from((await icao.readFile(file)).data)
        const com = await read(LDS_FILES.COM)
        const dg1 = await read(LDS_FILES.DG1)
        const dg13 = await read(LDS_FILES.DG13)
        const dg2 = await read(LDS_FILES.DG2)
        const sod = await read(LDS_FILES.SOD)
        expect(com.equals(fixture.files.get(FID.COM)!)).toBe(true)
        expect(dg1.equals(fixture.files.get(FID.DG1)!)).toBe(true)
        expect(dg13.equals(fixture.files.get(FID.DG13)!)).toBe(true)
        expect(dg2.equals(fixture.files.get(FID.DG2)!)).toBe(true)
        expect(sod.equals(fixture.files.get(FID.SOD)!)).toBe(true)

        expect(decodeDg13(dg13).identity).toEqual(fixture.identity)
        const mrz = parseDg1(dg1)
        expect(mrz.documentNumber).toBe(fixture.mrz.documentNumber)
        expect(mrz.dateOfExpiry).toBe(fixture.mrz.dateOfExpiry)

        const pa = verifyPassiveAuth({
          sod,
          dataGroups: new Map([
            [1, dg1],
            [2, dg2],
            [13, dg13]
          ]),
          cscaCertificates: [pki.cscaCertDer]
        })
        expect(pa.signature).toBe('valid')
        expect(pa.chain).toBe(name === 'unknown-signer' ? 'untrusted' : 'trusted')
        const dg13Status = pa.dataGroupHashes.find((h) => h.dg === 13)?.status
        if (name === 'tampered-dg13') {
          expect(pa.status).toBe('invalid')
          expect(dg13Status).toBe('mismatch')
        } else {
          expect(pa.status).toBe('valid')
          expect(dg13Status).toBe('match')
        }
      })
    }
  )

  it('refuses the wrong MRZ information with ACCESS_DENIED (protocol BAC)', async () => {
    await withCard('card-2021', async (session, fixture) => {
      const wrong = { ...bacKey(fixture), dateOfExpiry: '991231' }
      await expect(openBac(session.transmit.bind(session), wrong)).rejects.toMatchObject({
        code: 'ACCESS_DENIED',
        details: { protocol: 'BAC' }
      })
    })
  })

  it('reports CARD_REMOVED when the card leaves in the middle of DG2', async () => {
    await withCard(
      'card-2021',
      async (session, fixture) => {
        const icao = await openBac(session.transmit.bind(session), bacKey(fixture), {
          cardPresent: () => session.cardPresent()
        })
        await expect(icao.readFile(LDS_FILES.DG2)).rejects.toMatchObject({ code: 'CARD_REMOVED' })
      },
      undefined,
      { removeAfterApdus: 30 }
    )
  })

  it('reads DG2 through an ACR122U-like 223-byte limit and from a slow card', async () => {
    await withCard(
      'card-2024',
      async (session, fixture) => {
        const icao = await openBac(session.transmit.bind(session), bacKey(fixture), { maxChunk: 256 })
        const started = performance.now()
        const dg2 = Buffer.from((await icao.readFile(LDS_FILES.DG2)).data)
        const ms = performance.now() - started
        expect(dg2.equals(fixture.files.get(FID.DG2)!)).toBe(true)
        expect(icao.chunkSize()).toBeLessThanOrEqual(223)
        // 2 ms per APDU × ≥ 68 chunks: the delay knob really slows the card down.
        expect(ms).toBeGreaterThan(68 * 2)
      },
      { maxReadLength: 223 },
      { delayMs: 2 }
    )
  })
})
