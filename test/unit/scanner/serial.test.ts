import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  SerialScanner,
  listSerialPorts,
  pickScannerPort,
  type SerialScan,
  type SerialState
} from '../../../devices/scanner/serial'
import { SerialFramer, type SerialTerminator } from '../../../devices/scanner/serial-framing'
import { symbolBytesToText } from '../../../devices/scanner/symbol-text'
import { FakeSerialBackend } from './fakes'

const qr =
  '022185000123|101234567|Phạm Đức Hưng|20081979|Nam|Tổ 3, Khu 5, Phường Cẩm Phả, Tỉnh Quảng Ninh|01022022'
const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const texts = (frames: Uint8Array[]): string[] => frames.map(symbolBytesToText)

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const chunks: Uint8Array[] = []
  let prev = 0
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.slice(prev, p))
    prev = p
  }
  return chunks
}

describe('SerialFramer', () => {
  it.each<[SerialTerminator, string]>([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['auto', '\r\n'],
    ['auto', '\r'],
    ['auto', '\n']
  ])('%s terminator %j: two scans in one chunk give two frames', (terminator, suffix) => {
    const framer = new SerialFramer(terminator)
    expect(texts(framer.push(enc(qr + suffix + 'Nguyễn Văn Ánh' + suffix)))).toEqual([qr, 'Nguyễn Văn Ánh'])
    expect(framer.pending).toBe(false)
  })

  it('CRLF mode waits when a chunk ends between CR and LF', () => {
    const framer = new SerialFramer('CRLF')
    expect(framer.push(enc('Hồ Chí Minh\r'))).toEqual([])
    expect(texts(framer.push(enc('\n')))).toEqual(['Hồ Chí Minh'])
  })

  it('no terminator: the idle gap hands over the pending bytes', () => {
    const framer = new SerialFramer('none')
    expect(framer.push(enc(qr.slice(0, 40)))).toEqual([])
    expect(framer.push(enc(qr.slice(40)))).toEqual([])
    expect(symbolBytesToText(framer.takePending()!)).toBe(qr)
    expect(framer.takePending()).toBeNull()
  })

  it('fuzz: UTF-8 text split at arbitrary byte offsets (inside characters) reassembles exactly', () => {
    const vietnamese = fc.constantFrom(
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ |0123456789,'
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.array(vietnamese, { minLength: 1, maxLength: 60 }).map((a) => a.join('').trim()),
          {
            minLength: 1,
            maxLength: 4
          }
        ),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom<SerialTerminator>('CR', 'LF', 'CRLF', 'auto'),
        (symbols, cuts, terminator) => {
          const wanted = symbols.filter((s) => s.length > 0)
          const suffix = terminator === 'CR' ? '\r' : terminator === 'LF' ? '\n' : '\r\n'
          const stream = enc(wanted.map((s) => s + suffix).join(''))
          const framer = new SerialFramer(terminator)
          const frames = splitAt(stream, cuts).flatMap((c) => framer.push(c))
          expect(texts(frames)).toEqual(wanted)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('drops an endless frame (wrong baud rate garbage) instead of growing without bound', () => {
    const framer = new SerialFramer('CR', 100)
    framer.push(new Uint8Array(150).fill(0x41))
    expect(framer.pending).toBe(false)
    expect(texts(framer.push(enc('OK\r')))).toEqual(['OK'])
  })
})

describe('port selection', () => {
  const ports = [
    { path: '/dev/ttyS0' },
    { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng' },
    { path: '/dev/ttyACM0', vendorId: '0C2E', productId: '0b61', manufacturer: 'Honeywell' }
  ]
  it('auto picks a known scanner maker, never a generic USB-serial chip or a built-in port', () => {
    expect(pickScannerPort(ports)?.path).toBe('/dev/ttyACM0')
    expect(pickScannerPort(ports.slice(0, 2))).toBeNull()
  })
  it('lists ports with labels for the settings screen', async () => {
    const backend = new FakeSerialBackend()
    backend.ports = ports
    const listed = await listSerialPorts(backend)
    expect(listed.map((p) => [p.label, p.likelyScanner])).toEqual([
      ['/dev/ttyS0', false],
      ['/dev/ttyUSB0 (QinHeng)', false],
      ['/dev/ttyACM0 (Honeywell)', true]
    ])
  })
})

describe('SerialScanner', () => {
  let backend: FakeSerialBackend
  let reader: SerialScanner
  let scans: SerialScan[]
  let states: SerialState[]

  function make(options: Partial<ConstructorParameters<typeof SerialScanner>[0]> = {}): void {
    reader = new SerialScanner({
      backend,
      path: 'COM5',
      backoff: { initialMs: 500, maxMs: 4000 },
      ...options
    })
    reader.on('scan', (s) => scans.push(s))
    reader.on('state', (s) => states.push(s))
  }

  beforeEach(() => {
    vi.useFakeTimers()
    backend = new FakeSerialBackend()
    scans = []
    states = []
  })
  afterEach(async () => {
    await reader.stop()
    vi.useRealTimers()
  })

  it('emits scans split over chunks, and reconnects after an unplug', async () => {
    backend.present.add('COM5')
    make()
    reader.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(reader.state).toEqual({ connected: true, path: 'COM5' })
    const bytes = enc(qr + '\r\n')
    backend.last.write(bytes.slice(0, 33)) // cuts inside "Đ"
    backend.last.write(bytes.slice(33))
    expect(scans.map((s) => [s.text, s.path])).toEqual([[qr, 'COM5']])

    backend.present.delete('COM5')
    backend.last.unplug()
    expect(reader.state).toMatchObject({ connected: false, path: 'COM5', error: 'disconnected' })
    await vi.advanceTimersByTimeAsync(500)
    expect(reader.state.connected).toBe(false)
    backend.present.add('COM5')
    await vi.advanceTimersByTimeAsync(1000)
    expect(reader.state).toEqual({ connected: true, path: 'COM5' })
    backend.last.write('Vũ Thị Thuỷ\r')
    expect(scans.at(-1)?.text).toBe('Vũ Thị Thuỷ')
  })

  it('backs off exponentially up to the maximum while the port is missing', async () => {
    make()
    reader.start()
    await vi.advanceTimersByTimeAsync(20_000)
    const gaps = backend.openAttempts.slice(1).map((a, i) => a.at - backend.openAttempts[i]!.at)
    expect(gaps.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 4000])
    expect(reader.state).toMatchObject({ connected: false, path: 'COM5', retryInMs: 4000 })
  })

  it('without a terminator, a scan is complete after the idle gap', async () => {
    backend.present.add('COM5')
    make({ terminator: 'none', idleMs: 40 })
    reader.start()
    await vi.advanceTimersByTimeAsync(0)
    backend.last.write(qr.slice(0, 50))
    await vi.advanceTimersByTimeAsync(20)
    backend.last.write(qr.slice(50))
    expect(scans).toEqual([])
    await vi.advanceTimersByTimeAsync(40)
    expect(scans.map((s) => s.text)).toEqual([qr])
  })

  it("'auto' waits quietly for a known scanner port to appear", async () => {
    make({ path: 'auto' })
    reader.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(reader.state).toMatchObject({ connected: false, path: null, error: null })
    backend.ports = [{ path: '/dev/ttyACM0', vendorId: '05e0', productId: '1900' }]
    backend.present.add('/dev/ttyACM0')
    await vi.advanceTimersByTimeAsync(4000)
    expect(reader.state).toEqual({ connected: true, path: '/dev/ttyACM0' })
  })
})

describe('SerialFramer robustness', () => {
  it('fuzz: random bytes in random chunks: no throw, no invented bytes, no terminator left inside a frame', () => {
    fc.assert(
      fc.property(
        // Bytes drawn mostly from CR, LF and pieces of "ễ" so terminators meet data in every arrangement.
        fc.array(
          fc
            .array(
              fc.oneof(fc.constantFrom(0x0d, 0x0a, 0x41, 0xe1, 0xbb, 0x85), fc.integer({ min: 0, max: 255 })),
              {
                maxLength: 40
              }
            )
            .map((a) => Uint8Array.from(a)),
          { maxLength: 20 }
        ),
        fc.constantFrom<SerialTerminator>('CR', 'LF', 'CRLF', 'auto', 'none'),
        (chunks, terminator) => {
          const framer = new SerialFramer(terminator)
          const frames = chunks.flatMap((c) => framer.push(c))
          const rest = framer.takePending()
          const produced = frames.reduce((n, f) => n + f.length, 0) + (rest?.length ?? 0)
          expect(produced).toBeLessThanOrEqual(chunks.reduce((n, c) => n + c.length, 0))
          const hasTerminator = (f: Uint8Array): boolean => {
            const hasCr = f.includes(0x0d)
            const hasLf = f.includes(0x0a)
            if (terminator === 'CR') return hasCr
            if (terminator === 'LF') return hasLf
            if (terminator === 'auto') return hasCr || hasLf
            return f.some((b, i) => b === 0x0d && f[i + 1] === 0x0a)
          }
          if (terminator === 'none') expect(frames).toEqual([])
          for (const f of frames) {
            expect(f.length).toBeGreaterThan(0)
            expect(hasTerminator(f)).toBe(false)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
