import type { Page } from 'playwright-core'

/**
 * A keyboard-wedge scanner: one keydown per character, then Enter. Dispatched in one go (scanners type a
 * character every 1–5 ms), so a loaded CI machine cannot stretch the gaps into human typing speed.
 */
export async function wedgeType(page: Page, text: string): Promise<void> {
  await page.evaluate((chars) => {
    const target = document.activeElement ?? document.body
    for (const key of [...chars, 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    }
  }, text)
}

/** Polls until `check` holds (for hooks, where expect.poll is not allowed). */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 100))
  }
}
