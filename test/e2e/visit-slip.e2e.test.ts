import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { slipForVisit } from '../../core/desk/slip-for-visit'

const ready = chromiumAvailable && rendererBuilt
if (!ready) console.log('skipped: browser-mode e2e needs /usr/bin/chromium and a build (npm run build)')
const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')

/** Issue #14 items 3–5 at the desk: no default service, the service warning, the queue number and the slip. */
describe.skipIf(!ready)('visit, queue number and slip in browser mode (Chromium, real services)', () => {
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    ;({ context, page } = await launchChromium())
    await page.setViewportSize({ width: 1366, height: 768 })
    page.setDefaultTimeout(8000)
    await app.openSignedIn(page)
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
  })

  const visits = () => (app.services.db.prepare('SELECT count(*) AS n FROM visits').get() as { n: number }).n
  const service = () => page.locator('#f-serviceType')

  async function typePatient(name: string, dob: string, sex: 'male' | 'female'): Promise<void> {
    await page.getByLabel('Họ và tên').fill(name)
    await page.getByLabel('Ngày sinh').fill(dob)
    await page.getByLabel('Giới tính').selectOption(sex)
    await page.getByLabel('Địa chỉ').fill('Tổ 5, Khu 3, Phường Hạ Long, Quảng Ninh')
  }

  /** The typed addresses here name no commune: the form asks once, and the clerk saves anyway (ADR 0025). */
  async function saveWithoutCommune(): Promise<void> {
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
    await page.getByRole('button', { name: 'Vẫn lưu', exact: true }).click()
  }

  it('assumes no service, and a man with "Khám thai" is saved only after the warning is confirmed', async () => {
    await typePatient('Trần Văn Nam', '01/06/1988', 'male')
    expect(await service().inputValue()).toBe('')
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
    expect(await page.locator('#f-serviceType-error').textContent()).toBe('Không được để trống')
    expect(visits()).toBe(0)

    await service().selectOption('antenatal')
    const warning = page.getByTestId('visit-checks')
    await expect.poll(() => warning.textContent()).toContain('dành cho phụ nữ')
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
    expect(await page.locator('#f-confirmedChecks-error').textContent()).toContain('xác nhận')
    expect(visits()).toBe(0)
    // The focus goes to what blocks the save: the confirmation.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-confirmedChecks')
    await page.locator('#f-confirmedChecks').check()
    await saveWithoutCommune()
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('STT 001 — Khám thai')
    const row = app.services.db.prepare('SELECT confirmed_checks FROM visits').get() as {
      confirmed_checks: string
    }
    expect(JSON.parse(row.confirmed_checks)).toEqual(['womenOnly'])
  })

  it('shows the day’s number per service with the priority class the record suggests', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    expect(await page.getByTestId('saved-ticket').count()).toBe(0)
    await typePatient('Nguyễn Minh Khôi', '10/01/2023', 'male')
    await service().selectOption('general')
    expect(await page.getByLabel('Ưu tiên (STT)').locator('option:checked').textContent()).toBe(
      'Theo hồ sơ: Trẻ dưới 6 tuổi'
    )
    await saveWithoutCommune()
    await expect
      .poll(() => page.getByTestId('ticket-number').textContent())
      .toBe('STT UT-001 — Khám bệnh, ưu tiên: trẻ dưới 6 tuổi')
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: resolve(SCREENSHOTS, 'visit-ticket.png') })

    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await typePatient('Lê Thị Hoa', '02/02/1990', 'female')
    await service().selectOption('general')
    await page.getByLabel('Số giấy chuyển tuyến / giấy hẹn').fill('GCT-2026/0042')
    await page.getByLabel('Nơi chuyển đến (mã cơ sở)').fill('22015')
    await saveWithoutCommune()
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('STT 002 — Khám bệnh')
    const v = app.services.db
      .prepare(
        'SELECT referral_number, referring_facility, care_type_code, object_code FROM visits ORDER BY created_at DESC LIMIT 1'
      )
      .get()
    expect(v).toEqual({
      referral_number: 'GCT-2026/0042',
      referring_facility: '22015',
      care_type_code: '01',
      object_code: '9'
    })
  })

  it('F8 prints the slip from a hidden frame: number, name and the QR of the patient code', async () => {
    await page.keyboard.press('F8')
    const frame = page.frameLocator('[data-testid="slip-print-frame"]')
    await expect.poll(() => frame.locator('[data-testid="slip-number"]').textContent()).toBe('002')
    expect(await frame.locator('.name').textContent()).toBe('Lê Thị Hoa')
    expect(await frame.locator('.qr svg').count()).toBe(1)
    // The @page size and the layout arrived despite the page's CSP (no inline <style> allowed).
    const align = await frame.locator('.number').evaluate((el) => getComputedStyle(el).textAlign)
    expect(align).toBe('center')
  })

  it('renders the slip at its page size for the docs (docs/screenshots/slip.png)', async () => {
    const { visit_id } = app.services.db
      .prepare('SELECT id AS visit_id FROM visits ORDER BY created_at DESC LIMIT 1')
      .get() as { visit_id: string }
    const { html } = slipForVisit(
      { db: app.services.db, clock: app.services.clock },
      { visitId: visit_id, facilityName: 'Trạm Y tế Phường Hạ Long', format: '80mm' }
    )
    const slip = await context.newPage()
    try {
      // 80 mm paper at 96 dpi; the height follows the content.
      await slip.setViewportSize({ width: 302, height: 400 })
      await slip.setContent(html, { waitUntil: 'load' })
      mkdirSync(SCREENSHOTS, { recursive: true })
      await slip.screenshot({ path: resolve(SCREENSHOTS, 'slip.png'), fullPage: true })
    } finally {
      await slip.close()
    }
  })
})
