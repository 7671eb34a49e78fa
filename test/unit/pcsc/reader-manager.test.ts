// Reader manager behaviour the clerk sees (status, events, errors), over an in-memory PC/SC.
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ReaderManager,
  chooseReader,
  mapPcscError,
  socketEnvValue,
  transmitApdu,
  withLe
} from '../../../devices/pcsc'
import type { ReaderManagerEvents } from '../../../devices/pcsc'
import { FakePcsc } from './fake-pcsc'

const READER = 'ACS ACR122U PICC Interface 00 00'
let managers: ReaderManager[] = []

function managerOn(pcsc: FakePcsc): ReaderManager {
  const m = new ReaderManager(pcsc, { pollIntervalMs: 200, backoffMinMs: 5, backoffMaxMs: 20 })
  managers.push(m)
  return m
}

function next<K extends keyof ReaderManagerEvents>(
  m: ReaderManager,
  event: K
): Promise<ReaderManagerEvents[K]> {
  return new Promise((resolve) =>
    m.once(event, ((...args: ReaderManagerEvents[K]) => resolve(args)) as never)
  )
}

afterEach(async () => {
  await Promise.all(managers.map((m) => m.stop()))
  managers = []
})

describe('reader manager status and events', () => {
  it('walks unavailable → no-reader → ready → card-present and back, with Vietnamese messages', async () => {
    const pcsc = new FakePcsc()
    pcsc.up = false
    const m = managerOn(pcsc)
    m.start()
    expect(m.status().state).toBe('unavailable')
    expect(m.status().message).toMatch(/PC\/SC/)

    pcsc.startService()
    expect((await m.waitForState('no-reader', 2000)).message).toMatch(/Chưa thấy đầu đọc/)

    const added = next(m, 'reader-added')
    pcsc.plug(READER)
    expect(await added).toEqual([READER])
    expect(await m.waitForState('ready', 2000)).toEqual({
      state: 'ready',
      readerName: READER,
      key: 'status.reader.ready',
      message: 'Đầu đọc sẵn sàng. Hãy đặt thẻ CCCD lên đầu đọc.'
    })

    const inserted = next(m, 'card-inserted')
    pcsc.insert(READER)
    const [info] = await inserted
    expect(info.name).toBe(READER)
    expect(Array.from(info.atr ?? [])).toEqual([0x3b, 0x80, 0x80, 0x01, 0x01])
    await m.waitForState('card-present', 2000)

    const removed = next(m, 'card-removed')
    pcsc.remove(READER)
    expect(await removed).toEqual([{ name: READER }])
    await m.waitForState('ready', 2000)
  })

  it('reports a reader unplugged with a card on it as card-removed, reader-removed, no-reader', async () => {
    const pcsc = new FakePcsc()
    pcsc.plug(READER)
    pcsc.insert(READER)
    const m = managerOn(pcsc)
    m.start()
    await m.waitForState('card-present', 2000)
    const order: string[] = []
    m.on('card-removed', () => order.push('card-removed'))
    m.on('reader-removed', () => order.push('reader-removed'))
    pcsc.unplug(READER)
    await m.waitForState('no-reader', 2000)
    expect(order).toEqual(['card-removed', 'reader-removed'])
  })

  it('survives the service going away and re-establishes its context when it returns', async () => {
    const pcsc = new FakePcsc()
    pcsc.plug(READER)
    const m = managerOn(pcsc)
    m.start()
    await m.waitForState('ready', 2000)
    const callsBefore = pcsc.establishCalls
    const gone = next(m, 'reader-removed')
    pcsc.stopService()
    await m.waitForState('unavailable', 2000)
    expect(await gone).toEqual([READER])
    await expect(m.connect()).rejects.toMatchObject({ code: 'NO_SERVICE' })
    // While down, it keeps retrying (with backoff), never throwing.
    while (pcsc.establishCalls < callsBefore + 3) await pcsc.wait(50)
    pcsc.startService()
    await m.waitForState('ready', 2000)
    expect(m.readers().map((r) => r.name)).toEqual([READER])
  })

  it('recovers when the service restarts between two polls (stale context handle)', async () => {
    const pcsc = new FakePcsc()
    pcsc.plug(READER)
    const m = managerOn(pcsc)
    m.start()
    await m.waitForState('ready', 2000)
    const calls = pcsc.establishCalls
    pcsc.generation++ // restarted: old handles are invalid, the service is up
    pcsc.insert(READER)
    await m.waitForState('card-present', 2000)
    expect(pcsc.establishCalls).toBeGreaterThan(calls)
  })
})

describe('card sessions', () => {
  async function ready(pcsc: FakePcsc) {
    pcsc.plug(READER)
    pcsc.insert(READER)
    const m = managerOn(pcsc)
    m.start()
    await m.waitForState('card-present', 2000)
    return m
  }

  it('says NO_READER / NO_CARD before connecting to nothing', async () => {
    const pcsc = new FakePcsc()
    const m = managerOn(pcsc)
    await expect(m.connect()).rejects.toMatchObject({ code: 'NO_READER' })
    pcsc.plug(READER)
    const err = await m.connect().catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'NO_CARD' })
    expect((err as { messageVi: string }).messageVi).toMatch(/Hãy đặt thẻ CCCD/)
  })

  it('holds the card exclusively: a second connect gets SHARING_VIOLATION until the first closes', async () => {
    const pcsc = new FakePcsc()
    const m = await ready(pcsc)
    const first = await m.connect()
    await expect(m.connect()).rejects.toMatchObject({ code: 'SHARING_VIOLATION' })
    first.close()
    first.close() // idempotent
    const second = await m.connect()
    second.close()
  })

  it('reuses one PC/SC context for reads one after another, and replaces it after a service restart', async () => {
    const pcsc = new FakePcsc()
    const m = await ready(pcsc)
    const before = pcsc.establishCalls
    for (let i = 0; i < 3; i++) {
      const s = await m.connect()
      expect(Array.from(await s.transmit(Uint8Array.of(0, 0x84, 0, 0, 8)))).toEqual([0x90, 0x00])
      s.close()
    }
    expect(pcsc.establishCalls).toBe(before + 1)
    pcsc.stopService()
    pcsc.startService()
    const after = await m.connect()
    expect(Array.from(await after.transmit(Uint8Array.of(0, 0x84, 0, 0, 8)))).toEqual([0x90, 0x00])
    after.close()
  })

  it('opens the next read on the kept context without listing readers again, and a card pulled meanwhile is reported', async () => {
    const pcsc = new FakePcsc()
    const m = await ready(pcsc)
    ;(await m.connect()).close()
    const before = pcsc.listings
    const s = await m.connect()
    expect(pcsc.listings).toBe(before)
    expect(Array.from(await s.transmit(Uint8Array.of(0, 0x84, 0, 0, 8)))).toEqual([0x90, 0x00])
    s.close()
    // Gone between the monitor's last look and the connect: the clerk hears the card left, and nothing is stuck.
    pcsc.readers.get(READER)!.atr = null
    await expect(m.connect()).rejects.toMatchObject({ code: 'CARD_REMOVED' })
    pcsc.insert(READER)
    await new Promise((r) => setTimeout(r, 20))
    const again = await m.connect()
    expect(Array.from(await again.transmit(Uint8Array.of(0, 0x84, 0, 0, 8)))).toEqual([0x90, 0x00])
    again.close()
  })

  it('follows 61xx with GET RESPONSE and joins the data', async () => {
    const pcsc = new FakePcsc()
    const m = await ready(pcsc)
    const seen: string[] = []
    pcsc.respond = (apdu) => {
      seen.push(Buffer.from(apdu).toString('hex'))
      if (apdu[1] === 0xc0 && apdu[4] === 0x03) return Uint8Array.of(4, 5, 6, 0x90, 0x00)
      if (apdu[1] === 0xc0) return Uint8Array.of(3, 0x61, 0x03)
      return Uint8Array.of(1, 2, 0x61, 0x01)
    }
    const s = await m.connect()
    expect(Array.from(await s.transmit(Uint8Array.of(0x00, 0xb0, 0x00, 0x00, 0x00)))).toEqual([
      1, 2, 3, 4, 5, 6, 0x90, 0x00
    ])
    expect(seen).toEqual(['00b0000000', '00c0000001', '00c0000003'])
    s.close()
  })

  it('re-issues a command with the Le a 6Cxx asks for', async () => {
    const pcsc = new FakePcsc()
    const m = await ready(pcsc)
    const seen: string[] = []
    pcsc.respond = (apdu) => {
      seen.push(Buffer.from(apdu).toString('hex'))
      return apdu[4] === 0x04 ? Uint8Array.of(9, 9, 9, 9, 0x90, 0x00) : Uint8Array.of(0x6c, 0x04)
    }
    const s = await m.connect()
    expect(Array.from(await s.transmit(Uint8Array.of(0x00, 0xca, 0x01, 0x01, 0x00)))).toEqual([
      9, 9, 9, 9, 0x90, 0x00
    ])
    expect(seen).toEqual(['00ca010100', '00ca010104'])
    s.close()
  })

  it('turns an empty R-APDU, a removed card and a silent card into CARD_REMOVED / TIMEOUT', async () => {
    const pcsc = new FakePcsc()
    const m = await ready(pcsc)
    pcsc.respond = () => new Uint8Array(0)
    const s = await m.connect({ apduTimeoutMs: 50 })
    await expect(s.transmit(Uint8Array.of(0, 0x84, 0, 0, 8))).rejects.toMatchObject({ code: 'CARD_REMOVED' })
    pcsc.respond = () => new Promise(() => {})
    await expect(s.transmit(Uint8Array.of(0, 0x84, 0, 0, 8))).rejects.toMatchObject({ code: 'TIMEOUT' })
    pcsc.remove(READER)
    await expect(s.transmit(Uint8Array.of(0, 0x84, 0, 0, 8))).rejects.toMatchObject({ code: 'CARD_REMOVED' })
    expect(await s.cardPresent()).toBe(false)
    s.close()
  })
})

describe('reader choice and error mapping', () => {
  it('prefers the contactless interface of dual readers and honours the configured reader', () => {
    const acr1252 = [
      'ACS ACR1252 Dual Reader [ACR1252 Dual Reader SAM] 00 00',
      'ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 01'
    ]
    expect(chooseReader(acr1252)).toBe(acr1252[1])
    expect(chooseReader(['Generic Smart Card Reader 00 00', 'Sony FeliCa Port/PaSoRi 3.0 00 00'])).toBe(
      'Sony FeliCa Port/PaSoRi 3.0 00 00'
    )
    expect(chooseReader(['Generic Smart Card Reader 00 00'])).toBe('Generic Smart Card Reader 00 00')
    expect(chooseReader(acr1252, 'sam')).toBe(acr1252[0])
    expect(chooseReader([])).toBeNull()
  })

  it('maps pcsc-lite failures to the AppError codes the UI understands', () => {
    expect(mapPcscError(new Error('PC/SC service not running')).code).toBe('NO_SERVICE')
    expect(mapPcscError(new Error('Invalid handle')).code).toBe('NO_SERVICE')
    expect(mapPcscError(new Error('Unknown reader')).code).toBe('NO_READER')
    expect(mapPcscError(new Error('Transaction failed')).code).toBe('CARD_REMOVED')
    expect(mapPcscError(new Error('Card was removed')).code).toBe('CARD_REMOVED')
    expect(mapPcscError(new Error('Sharing violation')).code).toBe('SHARING_VIOLATION')
    expect(mapPcscError(new Error('Operation timed out')).code).toBe('TIMEOUT')
    const other = mapPcscError(new Error('Insufficient buffer'))
    expect(other.code).toBe('INTERNAL')
    expect(other.messageVi).toMatch(/đầu đọc/)
  })
})

describe('APDU helpers (property-based)', () => {
  const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max })

  it('withLe keeps header and data of short APDUs and ends with the new Le', () => {
    fc.assert(
      fc.property(
        bytes(4, 4),
        bytes(0, 255),
        fc.boolean(),
        fc.integer({ min: 0, max: 255 }),
        (head, data, hasLe, le) => {
          const apdu = Uint8Array.from([
            ...head,
            ...(data.length ? [data.length, ...data] : []),
            ...(hasLe ? [0x10] : [])
          ])
          const out = withLe(apdu, le)
          const prefix = data.length ? 5 + data.length : 4
          expect(Array.from(out.subarray(0, prefix))).toEqual(Array.from(apdu.subarray(0, prefix)))
          expect(out.length).toBe(prefix + 1)
          expect(out[out.length - 1]).toBe(le)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('transmitApdu never loses response bytes across any split into 61xx chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bytes(0, 40), { minLength: 1, maxLength: 6 }), async (chunks) => {
        let i = 0
        const raw = async () => {
          const c = chunks[i++]!
          const last = i === chunks.length
          return Uint8Array.from([...c, ...(last ? [0x90, 0x00] : [0x61, chunks[i]!.length || 0x00])])
        }
        const out = await transmitApdu(raw, Uint8Array.of(0, 0xb0, 0, 0, 0))
        expect(Array.from(out)).toEqual([...chunks.flatMap((c) => Array.from(c)), 0x90, 0x00])
      }),
      { numRuns: 200 }
    )
  })
})

describe('pcscd socket selection', () => {
  it('uses an explicit socket, keeps a set one, and drops an empty PCSCLITE_CSOCK_NAME', () => {
    expect(socketEnvValue(undefined, '/tmp/x/pcscd.comm')).toBe('/tmp/x/pcscd.comm')
    expect(socketEnvValue('/run/a.comm', '/tmp/x/pcscd.comm')).toBe('/tmp/x/pcscd.comm')
    expect(socketEnvValue('/run/a.comm')).toBe('/run/a.comm')
    expect(socketEnvValue('')).toBeUndefined()
    expect(socketEnvValue(undefined, null)).toBeUndefined()
  })
})

describe('listener failures', () => {
  it('do not make the manager drop its PC/SC context', async () => {
    const pcsc = new FakePcsc()
    pcsc.plug(READER)
    const m = managerOn(pcsc)
    m.on('card-inserted', () => {
      throw new Error('UI listener bug')
    })
    m.start()
    await m.waitForState('ready', 2000)
    const calls = pcsc.establishCalls
    pcsc.insert(READER)
    await m.waitForState('card-present', 2000)
    pcsc.remove(READER)
    await m.waitForState('ready', 2000)
    expect(pcsc.establishCalls).toBe(calls)
  })
})
