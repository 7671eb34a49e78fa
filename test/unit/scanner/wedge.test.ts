import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  WedgeDetector,
  type WedgeKeyEvent,
  type WedgeOptions,
  type WedgeScanInfo
} from '../../../renderer/src/scan/wedge'
import { bindWedge } from '../../../renderer/src/scan/wedge-dom'
import { LOADED_MACHINE_GAPS } from './wedge-timings'

const qr =
  '022303001234|022123456|Nguyễn Thị Hương Giang|05011993|Nữ|Tổ 7, Khu 3, Phường Hạ Long, Tỉnh Quảng Ninh|10052021'

type Key = Omit<WedgeKeyEvent, 'timeStamp'> & { at: number }

/** Plays a key timeline into the detector and a model of the focused text field. */
class Desk {
  field = ''
  scans: Array<{ text: string; info: WedgeScanInfo }> = []
  readonly detector: WedgeDetector
  private now = 0

  constructor(options: Partial<WedgeOptions> = {}) {
    this.detector = new WedgeDetector({
      onScan: (text, info) => this.scans.push({ text, info }),
      onRelease: (text) => (this.field += text),
      ...options
    })
  }

  async play(keys: Key[]): Promise<void> {
    for (const k of keys) {
      await vi.advanceTimersByTimeAsync(k.at - this.now)
      this.now = k.at
      const decision = this.detector.feed({ ...k, timeStamp: k.at })
      if (decision === 'pass') {
        if (k.key === 'Backspace') this.field = this.field.slice(0, -1)
        else if (k.key === 'Enter') this.field += '⏎'
        else if ([...k.key].length === 1 && !k.ctrlKey) this.field += k.key
      }
    }
    await vi.advanceTimersByTimeAsync(1000)
    this.now += 1000
  }
}

function typed(text: string, start: number, gaps: (i: number) => number): Key[] {
  let at = start
  return [...text].map((key, i) => {
    if (i > 0) at += gaps(i)
    return { key, at }
  })
}

const lastAt = (keys: Key[]): number => keys.at(-1)!.at

describe('WedgeDetector', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('takes a fast scan amid slow typing: the scan does not leak, the typing arrives intact and in order', async () => {
    const desk = new Desk()
    const before = typed('Ha', 0, () => 160)
    const scan = typed(qr, lastAt(before) + 400, () => 8)
    const enter: Key = { key: 'Enter', at: lastAt(scan) + 8 }
    const after = typed('nh', enter.at + 700, () => 180)
    await desk.play([...before, ...scan, enter, ...after])

    expect(desk.scans.map((s) => s.text)).toEqual([qr])
    expect(desk.scans[0]!.info).toMatchObject({ terminator: 'Enter', damage: null, keys: [...qr].length })
    expect(desk.field).toBe('Hanh')
  })

  it('a person typing fast-ish (with key rollover) is never taken for a scanner', async () => {
    const desk = new Desk()
    // 45–90 ms between keys, and every fifth key rolled over 12 ms after the previous one.
    const keys = typed('Nguyen Van Thanh 0912345678', 0, (i) => (i % 5 === 0 ? 12 : 45 + ((i * 37) % 46)))
    await desk.play([...keys, { key: 'Enter', at: lastAt(keys) + 120 }])
    expect(desk.scans).toEqual([])
    expect(desk.field).toBe('Nguyen Van Thanh 0912345678⏎')
  })

  it('property: any human timeline (bursts shorter than minLength) reaches the field unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            key: fc.constantFrom(...'abcdeghiklmnoqrstuvxyăâđêôơư0123456789 '),
            gap: fc.oneof(fc.integer({ min: 40, max: 400 }), fc.integer({ min: 0, max: 25 }))
          }),
          { minLength: 1, maxLength: 40 }
        ),
        async (strokes) => {
          // A person cannot keep < 30 ms gaps for 8 keys in a row: cap fast runs at 3 keys.
          let run = 0
          let at = 0
          const keys: Key[] = strokes.map(({ key, gap }) => {
            run = gap <= 30 ? run + 1 : 0
            at += run >= 3 ? 60 : gap
            if (run >= 3) run = 0
            return { key, at }
          })
          const desk = new Desk()
          await desk.play(keys)
          expect(desk.scans).toEqual([])
          expect(desk.field).toBe(keys.map((k) => k.key).join(''))
        }
      ),
      { numRuns: 60 }
    )
  })

  it('a scan without a terminator completes after the idle gap', async () => {
    const desk = new Desk()
    await desk.play(typed(qr, 0, () => 5))
    expect(desk.scans.map((s) => [s.text, s.info.terminator])).toEqual([[qr, null]])
    expect(desk.field).toBe('')
  })

  it('Tab ends a scan too and is swallowed; requireTerminator turns an unterminated burst back into text', async () => {
    const desk = new Desk()
    const scan = typed('079190001234', 0, () => 6)
    await desk.play([...scan, { key: 'Tab', at: lastAt(scan) + 6 }])
    expect(desk.scans.map((s) => [s.text, s.info.terminator])).toEqual([['079190001234', 'Tab']])

    const strict = new Desk({ requireTerminator: true })
    await strict.play(typed('079190001234', 0, () => 6))
    expect(strict.scans).toEqual([])
    expect(strict.field).toBe('079190001234')
  })

  it('flags a US-layout scan that lost the diacritics ("Nguy?n") with a hint to switch to USB-COM / HID-POS', async () => {
    const damaged = qr.replace('ễ', '?').replace('ị', '?').replace('ư', '?').replace('ơ', '?')
    const desk = new Desk()
    const scan = typed(damaged, 0, () => 7)
    await desk.play([...scan, { key: 'Enter', at: lastAt(scan) + 7 }])
    const damage = desk.scans[0]!.info.damage
    expect(damage?.kind).toBe('replacement')
    expect(damage?.hint).toContain('USB-COM')
    expect(damage?.hint).toContain('HID-POS')
  })

  it('recognises Unikey rewriting the scanner keys (backspaces inside the burst)', async () => {
    // Telex turns "aa" into "â": the IME eats the second "a" and sends Backspace + "â" instead.
    const keys: Key[] = [...typed('022303001234|Tran Thi La', 0, () => 6)]
    let at = lastAt(keys)
    for (const key of ['Backspace', 'â', 'n', 'Enter']) keys.push({ key, at: (at += 3) })
    const desk = new Desk()
    await desk.play(keys)
    expect(desk.scans).toHaveLength(1)
    expect(desk.scans[0]!.text).toBe('022303001234|Tran Thi Lân')
    expect(desk.scans[0]!.info.damage?.kind).toBe('ime')
    expect(desk.scans[0]!.info.damage?.hint).toMatch(/Unikey/)
    expect(desk.field).toBe('')
  })

  it('recognises Alt+numpad sequences in a burst and keeps them out of the field', async () => {
    const keys: Key[] = typed('022303001234|Nguy', 0, () => 5)
    let at = lastAt(keys)
    keys.push({ key: 'Alt', at: (at += 2) })
    for (const d of '7877') keys.push({ key: d, altKey: true, at: (at += 2) })
    for (const c of 'n|') keys.push({ key: c, at: (at += 5) })
    keys.push({ key: 'Enter', at: at + 5 })
    const desk = new Desk()
    await desk.play(keys)
    expect(desk.scans[0]!.info.damage?.kind).toBe('alt-code')
    expect(desk.field).toBe('')
  })

  it('shortcuts and navigation keys pass through and release held keys first', async () => {
    const desk = new Desk()
    await desk.play([
      { key: '1', at: 0 },
      { key: '2', at: 10 },
      { key: 'ArrowLeft', at: 20 },
      { key: 'v', ctrlKey: true, at: 300 },
      { key: 'Backspace', at: 500 }
    ])
    expect(desk.field).toBe('1') // "12" released before the arrow, then Backspace removed "2"
    expect(desk.scans).toEqual([])
  })

  it('startKey keeps non-starting keys instant (never held back)', () => {
    const released: string[] = []
    const detector = new WedgeDetector({
      onScan: () => undefined,
      onRelease: (t) => released.push(t),
      startKey: (k) => /\d/.test(k)
    })
    expect(detector.feed({ key: ' ', timeStamp: 0 })).toBe('pass')
    expect(detector.feed({ key: 'a', timeStamp: 100 })).toBe('pass')
    expect(detector.feed({ key: '0', timeStamp: 200 })).toBe('swallow')
    expect(detector.capturing).toBe(true)
    detector.flush()
    expect(released).toEqual(['0'])
    detector.dispose()
  })
})

describe('WedgeDetector with a dead-key layout', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('keeps a burst containing dead keys together and calls it a keyboard-layout problem', async () => {
    const scans: Array<[string, string | undefined]> = []
    const released: string[] = []
    const detector = new WedgeDetector({
      onScan: (text, info) => scans.push([text, info.damage?.kind]),
      onRelease: (t) => released.push(t)
    })
    let at = 0
    for (const key of [...'022303001234|Nguy', 'Dead', 'e', 'n', '|', 'Enter']) {
      expect(detector.feed({ key, timeStamp: (at += 6) })).toBe('swallow')
      await vi.advanceTimersByTimeAsync(6)
    }
    expect(scans).toEqual([['022303001234|Nguyen|', 'keyboard-layout']])
    expect(released).toEqual([])
    // Outside a burst a dead key is a person typing an accent: it passes.
    await vi.advanceTimersByTimeAsync(500)
    expect(detector.feed({ key: 'Dead', timeStamp: at + 500 })).toBe('pass')
  })
})

describe('WedgeDetector and auto-repeat', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('a held key repeating every 25 ms is a person, not a scan', async () => {
    const desk = new Desk()
    const keys: Key[] = [{ key: 'a', at: 0 }]
    for (let i = 1; i <= 20; i++) keys.push({ key: 'a', at: 300 + i * 25, repeat: true })
    await desk.play(keys)
    expect(desk.scans).toEqual([])
    expect(desk.field).toBe('a'.repeat(21))
  })
})

describe('bindWedge', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  /** A keydown as the browser would dispatch it (Node has Event/EventTarget, not KeyboardEvent). */
  function keydown(key: string, timeStamp: number): Event {
    const e = new Event('keydown', { cancelable: true, bubbles: true })
    Object.defineProperties(e, { key: { value: key }, timeStamp: { value: timeStamp } })
    return e
  }

  it('swallows a scan at window level so page handlers never see it, and stops listening on dispose', async () => {
    const host = new EventTarget()
    const scans: string[] = []
    const released: string[] = []
    const binding = bindWedge(host, { onScan: (t) => scans.push(t), onRelease: (t) => released.push(t) })
    const pageSaw: string[] = []
    host.addEventListener('keydown', (e) => pageSaw.push((e as unknown as { key: string }).key))

    let at = 0
    const prevented: boolean[] = []
    for (const k of [...'079190001234', 'Enter']) {
      const e = keydown(k, (at += 5))
      host.dispatchEvent(e)
      prevented.push(e.defaultPrevented)
      await vi.advanceTimersByTimeAsync(5)
    }
    expect(scans).toEqual(['079190001234'])
    expect(prevented.every(Boolean)).toBe(true)
    expect(pageSaw).toEqual([])

    const input = new Event('beforeinput', { cancelable: true })
    host.dispatchEvent(keydown('1', (at += 500)))
    host.dispatchEvent(input)
    expect(input.defaultPrevented).toBe(true) // held as a possible scan
    host.dispatchEvent(new Event('blur'))
    expect(released).toEqual(['1'])

    binding.dispose()
    const after = keydown('2', at + 500)
    host.dispatchEvent(after)
    expect(after.defaultPrevented).toBe(false)
    expect(pageSaw).toEqual(['2'])
  })
})

describe('WedgeDetector conservation', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('property: no printable key is lost, duplicated or reordered, whatever the timing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            key: fc.constantFrom(...'a1|ễ ', 'Enter', 'Tab', 'ArrowLeft', 'Shift'),
            gap: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 300 }))
          }),
          { maxLength: 60 }
        ),
        async (strokes) => {
          const out: string[] = []
          const released: string[] = []
          const detector = new WedgeDetector({
            onScan: (text) => out.push(text),
            onPartial: (text) => out.push(text),
            onRelease: (text) => {
              out.push(text)
              released.push(text)
            }
          })
          let at = 0
          for (const { key, gap } of strokes) {
            await vi.advanceTimersByTimeAsync(gap)
            at += gap
            const decision = detector.feed({ key, timeStamp: at })
            if (decision === 'pass' && [...key].length === 1) out.push(key)
          }
          await vi.advanceTimersByTimeAsync(1000)
          const printable = strokes.map((s) => s.key).filter((k) => [...k].length === 1)
          expect(out.join('')).toBe(printable.join(''))
          expect(detector.capturing).toBe(false)
          // Scanner text ('|') is never typed into a field.
          expect(released.filter((t) => t.includes('|'))).toEqual([])
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('WedgeDetector on a loaded machine', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())
  const QR =
    '022303001234|022123456|Nguyen Thi Huong Giang|05011993|Nu|To 7, Khu 3, Phuong Ha Long, Tinh Quang Ninh|10052021'

  function replay(gaps: number[], text = QR): Key[] {
    const keys = typed(text, 100, (i) => gaps[i - 1] ?? 3)
    keys.push({ key: 'Enter', at: lastAt(keys) + (gaps[text.length - 1] ?? 3) })
    return keys
  }

  it.each(LOADED_MACHINE_GAPS.map((g, i) => [i, g] as const))(
    'recorded run %i (gaps up to 180 ms) fills one scan and puts nothing in the field',
    async (_i, gaps) => {
      const partials: string[] = []
      const desk = new Desk({ minLength: 20, onPartial: (t) => partials.push(t) })
      await desk.play(replay(gaps))
      expect(desk.scans.map((s) => s.text)).toEqual([QR])
      expect(partials).toEqual([])
      expect(desk.field).toBe('')
    }
  )

  it('a fast scanner (3 ms gaps) still scans', async () => {
    const desk = new Desk({ minLength: 20 })
    await desk.play(replay([]))
    expect(desk.scans.map((s) => s.text)).toEqual([QR])
  })

  it('a scan that breaks off is one partial scan: no "|" reaches the field and its Enter does not submit', async () => {
    const partials: string[] = []
    const desk = new Desk({ minLength: 20, onPartial: (t) => partials.push(t) })
    const head = typed('022090001234|1', 0, () => 4)
    const tail = typed('00123456|Nguyen Van A|01011990|Nam|Ha Long|01012021', lastAt(head) + 400, () => 4)
    await desk.play([...head, ...tail, { key: 'Enter', at: lastAt(tail) + 4 }])
    expect(desk.scans).toEqual([])
    expect(partials.join('')).toBe('022090001234|100123456|Nguyen Van A|01011990|Nam|Ha Long|01012021')
    expect(desk.field).toBe('')
  })

  it('the Enter a scanner sends after an idle-closed scan is swallowed', async () => {
    const desk = new Desk({ minLength: 20 })
    const keys = typed(QR, 0, () => 3)
    await desk.play([...keys, { key: 'Enter', at: lastAt(keys) + 250 }])
    expect(desk.scans.map((s) => s.text)).toEqual([QR])
    expect(desk.field).toBe('')
  })

  it('a person typing an ID number by hand is typing, not a scan, even with quick keys now and then', async () => {
    const desk = new Desk({ minLength: 8 })
    const gaps = [140, 90, 160, 25, 180, 120, 95, 150, 130, 110, 170]
    await desk.play([...typed('022195001234', 0, (i) => gaps[i - 1]!), { key: 'Enter', at: 3000 }])
    expect(desk.scans).toEqual([])
    expect(desk.field).toBe('022195001234⏎')
  })
})
