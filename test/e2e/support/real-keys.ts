import type { CDPSession, Page } from 'playwright-core'

let cdp: CDPSession | null = null

/**
 * Types `chars` as real key presses (Chromium's input pipeline, trusted events: what a keyboard-wedge scanner
 * or a clerk produces), waiting `gapsMs[i]` before character i+1. Returns the gaps the page actually saw.
 * Sent over CDP Input.dispatchKeyEvent: Playwright's keyboard.down knows only US-layout keys, and a CCCD QR
 * has Vietnamese letters, which a Unicode-capable scanner sends as keys with that text.
 */
export async function pressWithGaps(page: Page, chars: string, gapsMs: readonly number[]): Promise<number[]> {
  cdp ??= await page.context().newCDPSession(page)
  const session = cdp
  await page.evaluate(() => {
    const w = window as unknown as { __keyTimes?: number[] }
    if (!w.__keyTimes)
      window.addEventListener('keydown', (e) => w.__keyTimes?.push(e.timeStamp), { capture: true })
    w.__keyTimes = []
  })
  const list = [...chars]
  // Each key is due at the sum of the gaps before it, so the driver's own latency does not add up.
  const start = performance.now()
  const sent: Promise<unknown>[] = []
  const burst = gapsMs.every((g) => g === 0)
  let due = 0
  for (let i = 0; i < list.length; i++) {
    due += i > 0 ? (gapsMs[(i - 1) % gapsMs.length] ?? 0) : 0
    const wait = start + due - performance.now()
    if (wait > 1) await new Promise((r) => setTimeout(r, wait))
    const ch = list[i] as string
    const down = session.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key: ch,
      text: ch,
      unmodifiedText: ch
    })
    // With no gaps (a scanner as fast as the driver can go) the keys are pipelined: CDP keeps their order, and a
    // round trip per key would stretch the gaps on a loaded machine. With gaps, each key is delivered before the wait.
    if (burst) sent.push(down)
    else await down
    sent.push(session.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch }))
  }
  await Promise.all(sent)
  return page.evaluate(() => {
    const times = (window as unknown as { __keyTimes: number[] }).__keyTimes
    return times.slice(1).map((t, i) => t - (times[i] as number))
  })
}

/** Counts the keys a person presses (keydown events that are not auto-repeat), for the keyboard-only flow. */
export class KeyCounter {
  count = 0
  constructor(private readonly page: Page) {}
  async press(key: string): Promise<void> {
    this.count++
    await this.page.keyboard.press(key)
  }
  /** Each character is one key press (Shift chords count once, as a person thinks of them). */
  async type(text: string): Promise<void> {
    for (const ch of text) await this.press(ch)
  }
}
