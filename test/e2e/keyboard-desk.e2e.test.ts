import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { vi } from '../../contract/messages/vi'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { KeyCounter, pressWithGaps } from './support/real-keys'

const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')
const QR_1 =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'
const QR_2 =
  '022090004321|100765432|Trần Văn Bình|02071990|Nam|Số 8, Phường Bãi Cháy, Thành phố Hạ Long, Quảng Ninh|15062022'

/** What the clerk's keyboard focus is on: the control's id (f-<field>) or its text for a button. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return el?.id || el?.textContent?.trim() || el?.tagName || ''
  })

/** Tab until the focus is on `id`, counting each Tab as a key the clerk pressed. */
async function tabTo(page: Page, keys: KeyCounter, id: string): Promise<void> {
  for (let i = 0; i < 40 && (await focused(page)) !== id; i++) await keys.press('Tab')
  expect(await focused(page)).toBe(id)
}

/** The element's box is inside the viewport and above the fixed status bar. */
async function clearOfStatusBar(page: Page, selector: string): Promise<{ bottom: number; barTop: number }> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement
    const bar = document.querySelector('.status-bar') as HTMLElement
    return { bottom: el.getBoundingClientRect().bottom, barTop: bar.getBoundingClientRect().top }
  }, selector)
}

/**
 * The whole desk flow with the keyboard only, at 1366×768: QR scan (real key events) → fill what the
 * QR lacks → pick the service by typing → F9 → next patient. Sign-in is excluded from the count (done once a
 * shift); the scanner's keys are not the clerk's and are not counted. No chip is read (no reader in browser mode),
 * so no consent is asked.
 */
describe.skipIf(!(chromiumAvailable && rendererBuilt))('the desk flow with the keyboard only', () => {
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    ;({ context, page } = await launchChromium())
    await page.setViewportSize({ width: 1366, height: 768 })
    await app.openSignedIn(page)
    await page.getByLabel('Họ và tên').waitFor()
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
  })

  it('two patients from scan to saved visit, counting the keys the clerk pressed', async () => {
    const keys = new KeyCounter(page)
    const visits = (): number =>
      (app.services.db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n
    await page.getByLabel('Họ và tên').focus()
    // The status bar stays one line with the longest reader and scanner messages the desk can show (their full
    // text is the item's title), so the save bar that sits on it never covers it.
    const status = await page.evaluate(
      ([reader, scanner]) => {
        ;(document.querySelector('[data-testid="status-reader"]') as HTMLElement).textContent = reader!
        ;(document.querySelector('[data-testid="status-scanner"]') as HTMLElement).textContent = scanner!
        const bar = document.querySelector('.status-bar') as HTMLElement
        const actions = document.querySelector('[data-testid="action-bar"]') as HTMLElement
        return {
          height: bar.getBoundingClientRect().height,
          actionsBottom: actions.getBoundingClientRect().bottom,
          barTop: bar.getBoundingClientRect().top
        }
      },
      [vi['status.reader.unavailable'], vi['status.scanner.none']]
    )
    expect(status.height).toBeLessThanOrEqual(46)
    expect(status.actionsBottom).toBeLessThanOrEqual(status.barTop + 1)
    expect(await page.getByTestId('status-reader').getAttribute('title')).toBeTruthy()

    // Patient 1: the scanner types the QR as fast as the driver can (the loaded-machine gaps are replayed in
    // scan-bursts.e2e.test.ts), then its Enter.
    const seen = await pressWithGaps(page, QR_1, [0])
    await page.keyboard.press('Enter')
    console.log(`keyboard-desk: first gaps seen ${seen.slice(0, 6).map(Math.round).join(', ')} ms`)
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hồng Nhung')
    await expect.poll(() => page.getByLabel('Xã/phường').inputValue()).toMatch(/^\d{5}$/)

    // What the QR lacks: ethnicity (typed by name), occupation (code), phone.
    await tabTo(page, keys, 'f-ethnicityCode')
    await keys.type('kinh')
    expect(await page.getByLabel('Dân tộc').inputValue()).toBe('01')
    await tabTo(page, keys, 'f-occupationCode')
    await keys.type('00000')
    await expect
      .poll(() => page.getByTestId('occupation-name').textContent())
      .toContain('Không có nghề nghiệp')
    await keys.press('Tab')
    expect(await focused(page)).toBe('f-phone')
    await keys.type('0912345678')
    await expect.poll(() => page.getByLabel('Điện thoại').inputValue()).toBe('0912345678')

    // The service by typing its name on the select; the focused field is not under the bars.
    await tabTo(page, keys, 'f-serviceType')
    await keys.type('kh')
    expect(await page.locator('#f-serviceType').inputValue()).toBe('general')
    const service = await clearOfStatusBar(page, '#f-serviceType')
    expect(service.bottom).toBeLessThanOrEqual(service.barTop)

    await keys.press('F9')
    await expect.poll(() => page.getByTestId('save-notice').textContent()).toContain('Đã tạo hồ sơ mới')
    expect(visits()).toBe(1)
    // The confirmation and the save bar are in view at 768 px, above the status bar.
    expect(await page.getByTestId('save-notice').isVisible()).toBe(true)
    const bar = await clearOfStatusBar(page, '[data-testid="action-bar"]')
    expect(bar.bottom).toBeLessThanOrEqual(bar.barTop + 1)
    expect(bar.bottom).toBeLessThanOrEqual(768)
    // Locked with "Nhập mới" focused: a second F9 or Enter cannot save twice.
    expect(await focused(page)).toBe('Nhập mới')
    await page.keyboard.press('F9')
    await new Promise((r) => setTimeout(r, 300))
    expect(visits()).toBe(1)
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: resolve(SCREENSHOTS, 'reception-keyboard.png') })

    // Patient 2: Enter on "Nhập mới", then the next scan.
    await keys.press('Enter')
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('')
    expect(await focused(page)).toBe('f-fullName')
    await pressWithGaps(page, QR_2, [0])
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Trần Văn Bình')
    await expect.poll(() => page.getByLabel('Xã/phường').inputValue()).toMatch(/^\d{5}$/)
    await tabTo(page, keys, 'f-ethnicityCode')
    await keys.type('kinh')
    await tabTo(page, keys, 'f-serviceType')
    await keys.type('kh')
    expect(await page.locator('#f-serviceType').inputValue()).toBe('general')
    await keys.press('F9')
    await expect.poll(() => visits()).toBe(2)
    console.log(
      `keyboard-desk: the clerk pressed ${keys.count} keys for two patients (scanner bursts excluded)`
    )
    expect(keys.count).toBeLessThanOrEqual(50)
  }, 120_000)

  it('Space and Enter work on the child checkbox and on buttons; typing picks in a select', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await expect.poll(() => page.locator('#f-isChild').isEnabled()).toBe(true)
    await page.locator('#f-isChild').focus()
    await page.keyboard.press('Space')
    await expect.poll(() => page.locator('#f-isChild').isChecked()).toBe(true)
    expect(await page.getByLabel('Họ tên mẹ/người giám hộ').isVisible()).toBe(true)
    await page.locator('#f-isChild').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('#f-isChild').isChecked()).toBe(false)
    await page.getByLabel('Giới tính').focus()
    await page.keyboard.press('n')
    await expect.poll(() => page.getByLabel('Giới tính').inputValue()).toBe('male')
    await page.getByLabel('Họ và tên').fill('Lê Thị Mai')
    await page.getByRole('button', { name: 'Nhập mới' }).focus()
    await page.keyboard.press('Space')
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('')
  })
})
