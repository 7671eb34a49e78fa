import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const chromiumAvailable = existsSync(CHROMIUM_PATH)

/** Debian's Chromium, headless, quiet on this closed network (docs/toolchain.md §6). */
export async function launchChromium(
  extraArgs: string[] = []
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'reception-chromium-')), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs
    ]
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return { context, page }
}

/**
 * Opens the app and waits for its first render (the form's heading), not a fixed poll: a fresh or busy
 * machine may take seconds to bring Chromium and the bundle up, and the tests then start from a drawn screen.
 */
/** Opens the app (or, with a null url, waits on the page already open) until its first screen has rendered. */
export async function openApp(page: Page, url: string | null, timeoutMs = 30_000): Promise<void> {
  if (url !== null) await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })
  await page
    .getByRole('heading', { name: /Tiếp đón bệnh nhân|Patient reception/ })
    .waitFor({ timeout: timeoutMs })
}
