import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { pressWithGaps } from './support/real-keys'
import { LOADED_MACHINE_GAPS } from '../unit/scanner/wedge-timings'

const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'

/** Every text field and select on the form, with its value. */
async function fieldValues(page: Page): Promise<string[]> {
  return page.$$eval('form input, form select, form textarea', (els) =>
    els.map((e) => (e as HTMLInputElement).value)
  )
}

/**
 * Real key presses (trusted keydown/keypress/input through Chromium's input pipeline, not synthetic events),
 * with the gaps recorded on a loaded 2-core machine and with a fast scanner's 2 ms.
 */
describe.skipIf(!(chromiumAvailable && rendererBuilt))('scanner bursts as real key presses', () => {
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

  const clear = async (): Promise<void> => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('')
  }

  for (const [name, gaps] of [
    ['the slowest recorded loaded-machine burst (gaps up to 179 ms)', LOADED_MACHINE_GAPS[0] as number[]],
    ['another loaded-machine burst', LOADED_MACHINE_GAPS[3] as number[]],
    ['a fast scanner (2 ms)', [2]]
  ] as const) {
    it(`${name} fills the form and never puts '|' into a field`, async () => {
      await clear()
      await page.getByLabel('Điện thoại').focus()
      const seen = await pressWithGaps(page, `${QR}\n`.replace('\n', ''), gaps)
      await page.keyboard.press('Enter')
      console.log(`scan-bursts: ${name}: widest gap seen by the page ${Math.round(Math.max(...seen))} ms`)
      await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hồng Nhung')
      expect(await page.getByLabel('Số CCCD / định danh').inputValue()).toBe('022195001234')
      expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('14/03/1995')
      expect(await page.getByLabel('Điện thoại').inputValue()).toBe('')
      for (const v of await fieldValues(page)) expect(v).not.toContain('|')
      // The scanner's Enter did not submit the form.
      expect(await page.getByTestId('save-notice').count()).toBe(0)
      expect(await page.getByTestId('scan-error').count()).toBe(0)
    }, 60_000)
  }

  it('a split old commune: the choices say which part of the old unit went where, with one note', async () => {
    await clear()
    await page.getByLabel('Họ và tên').focus()
    const split = QR.replace(
      'Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh',
      'Thôn Khe Lặc, xã Hải Lạng, huyện Tiên Yên, tỉnh Quảng Ninh'
    )
    await pressWithGaps(page, split, [3])
    await page.keyboard.press('Enter')
    const choices = page.getByTestId('address-candidates').getByRole('button')
    await expect.poll(() => choices.count()).toBeGreaterThanOrEqual(3)
    for (const text of await choices.allTextContents()) {
      expect(text).toContain('nhận một phần của Xã Hải Lạng')
      expect(text).not.toMatch(/%/)
    }
    // One note: the split warning; no "mapped to A / B / C" line that reads like a decision.
    expect(await page.getByTestId('address-note').count()).toBe(0)
    const notes = await page.getByTestId('reading-warning').allTextContents()
    expect(notes.filter((n) => n.includes('Hải Lạng'))).toHaveLength(1)
    await choices.first().focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByLabel('Xã/phường').inputValue()).toMatch(/^\d{5}$/)
    expect(await page.getByTestId('reading-warning').filter({ hasText: 'Hải Lạng' }).count()).toBe(0)
  }, 60_000)

  it('a scan that breaks off says "Quét chưa trọn, hãy quét lại" and leaks nothing', async () => {
    await clear()
    await page.getByLabel('Họ và tên').focus()
    const cut = QR.indexOf('Tổ 5')
    await pressWithGaps(page, QR.slice(0, cut), [3])
    // The scanner stalls longer than any loaded PC gap, then sends the rest and its Enter.
    await new Promise((r) => setTimeout(r, 600))
    await pressWithGaps(page, QR.slice(cut), [3])
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByTestId('scan-error').textContent())
      .toContain('Quét chưa trọn, hãy quét lại')
    for (const v of await fieldValues(page)) expect(v).not.toContain('|')
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('')
    expect(await page.getByTestId('save-notice').count()).toBe(0)
    // Nothing was submitted: no validation round either.
    expect(await page.locator('.field-error').count()).toBe(0)
  }, 60_000)
})
