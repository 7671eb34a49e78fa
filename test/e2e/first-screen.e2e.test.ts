import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { wedgeType } from './support/wedge'

const ready = chromiumAvailable && rendererBuilt
const SHOTS = resolve(__dirname, '../../docs/screenshots')
const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'

describe.skipIf(!ready)('first screen and browser mode opened the wrong way', () => {
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    ;({ context, page } = await launchChromium())
    await page.setViewportSize({ width: 1366, height: 768 })
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
  })

  it('without #token: a page that says how to open the app, not a form that can never save', async () => {
    await page.goto(`${app.server.url}/`, { waitUntil: 'load' })
    const help = page.getByTestId('launch-help')
    await help.waitFor({ timeout: 30_000 })
    expect(await help.textContent()).toContain('Chưa mở ứng dụng đúng cách')
    expect(await help.textContent()).toContain('bash scripts/app.sh')
    expect(await help.textContent()).toContain(`Open: ${app.server.url}/#token=`)
    expect(await page.getByLabel('Họ và tên').count()).toBe(0)
    expect(await page.getByLabel('Tên đăng nhập').count()).toBe(0)
  })

  it('with the token of an earlier launch: says the session is no longer valid', async () => {
    // A new tab: a hash-only navigation would keep the page (and its bridge) of the test before.
    page = await context.newPage()
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(`${app.server.url}/#token=stale-token-of-another-launch`, { waitUntil: 'load' })
    const help = page.getByTestId('launch-help')
    await help.waitFor({ timeout: 30_000 })
    expect(await help.textContent()).toContain('Phiên làm việc này đã hết hiệu lực')
    expect(await page.getByLabel('Họ và tên').count()).toBe(0)
  })

  it('the empty reception screen says "scan the QR or lay the card" with the device states, until a scan', async () => {
    page = await context.newPage()
    await page.setViewportSize({ width: 1366, height: 768 })
    await app.openSignedIn(page, 'clerk')
    const prompt = page.getByTestId('start-prompt')
    await prompt.waitFor()
    expect(await prompt.textContent()).toContain('Quét mã QR hoặc đặt thẻ CCCD lên đầu đọc')
    // The same honest reader state as the status bar (no reader in this run).
    const reader = await page.getByTestId('status-reader').textContent()
    expect(await page.getByTestId('start-reader').textContent()).toContain(reader ?? '—')
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: resolve(SHOTS, 'first-screen.png') })

    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await wedgeType(page, QR)
    await expect
      .poll(() => page.getByLabel('Họ và tên').inputValue(), { timeout: 10_000 })
      .toBe('Nguyễn Thị Hồng Nhung')
    expect(await prompt.count()).toBe(0)
  })
})
