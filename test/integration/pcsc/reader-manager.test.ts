// The reader manager over the real PC/SC stack: libpcsclite → private pcscd → vpcd → virtual chip.
import { once } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReaderManager } from '../../../devices/pcsc'
import { type PcscStack, startStack, stopStack } from '../../harness/stack'
import { type VirtualCardHandle, virtualCard } from '../../harness/virtual-chip'
import { hex, nextEvent, processEnded, startManagedStack, sw, unavailable } from './helpers'

describe.skipIf(unavailable !== null)('PC/SC reader manager on a private pcscd + vpcd', () => {
  let stack: PcscStack
  let manager: ReaderManager
  const cards: VirtualCardHandle[] = []

  beforeAll(async () => {
    ;({ stack, manager } = await startManagedStack())
  })

  afterAll(async () => {
    await manager?.stop()
    if (stack) await stopStack(stack) // pcscd first, then the cards
    await Promise.all(cards.map((c) => c.remove()))
  })

  async function insert(
    name: Parameters<typeof virtualCard>[0],
    faults?: Parameters<typeof virtualCard>[2],
    link = {}
  ) {
    const card = await virtualCard(name, { port: stack.port, ...link }, faults)
    cards.push(card)
    const seen = nextEvent(manager, 'card-inserted', (r) => r.name === stack.readerName)
    await card.insert()
    await seen
    return card
  }

  async function remove(card: VirtualCardHandle) {
    const gone = nextEvent(manager, 'card-removed', (r) => r.name === stack.readerName)
    await card.remove()
    await gone
  }

  it('lists both vpcd slots and chooses the contactless slot 0 with a Vietnamese status', () => {
    const names = manager.readers().map((r) => r.name)
    expect(names).toEqual([`${stack.readerName}`, stack.readerName.replace(/00 00$/, '00 01')])
    expect(manager.chosenReader()).toBe(stack.readerName)
    expect(manager.status()).toMatchObject({ state: 'ready', readerName: stack.readerName })
    expect(manager.status().message).toMatch(/Hãy đặt thẻ CCCD/)
  })

  it('reports card insertion and removal as events and status', async () => {
    const card = await insert('card-2021')
    try {
      expect(manager.status().state).toBe('card-present')
      const atr = manager.readers().find((r) => r.name === stack.readerName)?.atr
      expect(Buffer.from(atr ?? []).toString('hex')).toBe('3b80800101')
    } finally {
      await remove(card)
    }
    expect(manager.status().state).toBe('ready')
  })

  it('refuses to connect without a card (NO_CARD)', async () => {
    await expect(manager.connect()).rejects.toMatchObject({ code: 'NO_CARD' })
  })

  it('round-trips plain APDUs: GET CHALLENGE and the PC/SC UID pseudo-APDU', async () => {
    const card = await insert('card-2024')
    const session = await manager.connect()
    try {
      const a = await session.transmit(hex('0084000008'))
      const b = await session.transmit(hex('0084000008'))
      expect(a).toHaveLength(10)
      expect(sw(a)).toBe(0x9000)
      expect(Buffer.from(a.subarray(0, 8)).equals(Buffer.from(b.subarray(0, 8)))).toBe(false)
      const uid = await session.transmit(hex('FFCA000000'))
      expect(sw(uid)).toBe(0x9000)
      expect(uid.length).toBe(6)
      // Without BAC the chip protects its files.
      await session.transmit(hex('00A4040C07A0000002471001'))
      expect(sw(await session.transmit(hex('00A4020C020101')))).toBe(0x6982)
    } finally {
      session.close()
    }
    await remove(card)
  })

  it('keeps the card exclusive: a second session gets SHARING_VIOLATION', async () => {
    const card = await insert('card-2021')
    const first = await manager.connect()
    try {
      await expect(manager.connect()).rejects.toMatchObject({ code: 'SHARING_VIOLATION' })
    } finally {
      first.close()
    }
    const again = await manager.connect()
    again.close()
    await remove(card)
  })

  it('turns a card pulled mid-exchange into CARD_REMOVED', async () => {
    const card = await insert('card-2021', undefined, { removeAfterApdus: 3 })
    const session = await manager.connect()
    try {
      for (let i = 0; i < 3; i++) expect(sw(await session.transmit(hex('0084000008')))).toBe(0x9000)
      await expect(session.transmit(hex('0084000008'))).rejects.toMatchObject({ code: 'CARD_REMOVED' })
    } finally {
      session.close()
    }
    if (manager.status().state === 'card-present') await nextEvent(manager, 'card-removed')
    expect(card.inserted).toBe(false)
  })

  it('recovers after pcscd is killed and restarted', async () => {
    const card = await insert('card-2021')
    const inFlight = await manager.connect()
    const down = manager.waitForState('unavailable', 5000)
    const cardGone = once(card, 'removed')
    process.kill(stack.pid, 'SIGKILL')
    await down
    await processEnded(stack.pid)
    // The open session fails with a typed error instead of crashing or hanging.
    const err = await inFlight.transmit(hex('0084000008')).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'NO_SERVICE' })
    inFlight.close()
    expect(manager.status().message).toMatch(/PC\/SC/)
    await expect(manager.connect()).rejects.toMatchObject({ code: 'NO_SERVICE' })
    await cardGone // vpcd went away with pcscd: the card's socket closed

    const restarted = await startStack({ dir: stack.dir, port: stack.port })
    stack = restarted
    await manager.waitForState('ready', 10_000)
    await insert('card-2021')
    const session = await manager.connect()
    try {
      expect(sw(await session.transmit(hex('0084000008')))).toBe(0x9000)
    } finally {
      session.close()
    }
  })

  it('can be stopped and started again and then sees the card that is already there', async () => {
    await manager.stop()
    expect(manager.status().state).toBe('unavailable')
    expect(manager.readers()).toEqual([])
    manager.start()
    const s = await manager.waitForState('card-present', 5000)
    expect(s.readerName).toBe(stack.readerName)
  })
})
