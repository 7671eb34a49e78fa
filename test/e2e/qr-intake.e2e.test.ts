import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { wedgeType } from './support/wedge'

const ARTIFACTS = resolve(__dirname, '../../test-results')
const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'

describe.skipIf(!(chromiumAvailable && rendererBuilt))('QR intake in browser mode', () => {
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    ;({ context, page } = await launchChromium())
    await app.openSignedIn(page)
    await page.getByLabel('Họ và tên').waitFor()
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
  })

  it('fills the form from a wedge scan without leaking it into the focused field', async () => {
    await page.getByLabel('Điện thoại').click()
    await wedgeType(page, QR)
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hồng Nhung')
    expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('14/03/1995')
    expect(await page.getByLabel('Số CCCD / định danh').inputValue()).toBe('022195001234')
    expect(await page.getByLabel('Số CMND cũ').inputValue()).toBe('100123456')
    expect(await page.getByLabel('Giới tính').inputValue()).toBe('female')
    expect(await page.getByLabel('Điện thoại').inputValue()).toBe('')
    expect(await page.getByTestId('intake-note').textContent()).toContain('Đã điền từ mã QR')
    expect(await page.getByTestId('f-fullName-mark').textContent()).toBe('QR')
    const reads = app.services.db.prepare('SELECT source FROM identity_reads').all()
    expect(reads).toEqual([{ source: 'qr' }])
  })

  it('codes the old 2021 address to the new commune or asks the clerk to choose', async () => {
    const chosen = await page.getByLabel('Xã/phường').inputValue()
    if (chosen === '') {
      expect(await page.getByTestId('address-candidates').isVisible()).toBe(true)
      await page.getByTestId('address-candidates').getByRole('button').first().click()
    }
    expect(await page.getByLabel('Xã/phường').inputValue()).toMatch(/^\d{5}$/)
    expect(await page.getByLabel('Tỉnh/thành').inputValue()).toBe('22')
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: resolve(ARTIFACTS, 'qr-filled.png'), fullPage: true })
  })

  it('saves with the QR read as evidence', async () => {
    // No service is assumed: the clerk picks one (ADR 0026).
    await page.locator('#f-serviceType').selectOption('general')
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
    await expect.poll(() => page.getByTestId('save-notice').textContent()).toContain('Đã tạo hồ sơ mới')
    const row = app.services.db.prepare('SELECT source, patient_id FROM identity_reads').get() as {
      source: string
      patient_id: string | null
    }
    expect(row.source).toBe('qr')
    expect(row.patient_id).not.toBeNull()
  })

  it('a re-scan of the same card finds the record on file, shows what changed and updates it', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await page.getByLabel('Điện thoại').click()
    await wedgeType(
      page,
      QR.replace('Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long', 'Số 8, Phường Bãi Cháy')
    )
    await expect.poll(() => page.getByTestId('returning-patient').isVisible()).toBe(true)
    expect(await page.getByTestId('returning-patient').textContent()).toContain('Bãi Cháy')
    // No service is assumed: the clerk picks one (ADR 0026).
    await page.locator('#f-serviceType').selectOption('general')
    // She was registered a moment ago: the banner says so, and a second visit today needs a yes.
    expect(await page.getByTestId('visited-today').textContent()).toMatch(/Đã khám hôm nay lúc \d{2}:\d{2}/)
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
    await expect
      .poll(() => page.getByTestId('save-question').textContent())
      .toMatch(/Bệnh nhân đã đăng ký hôm nay lúc \d{2}:\d{2} — vẫn đăng ký lượt mới\?/)
    expect(app.services.db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 1 })
    await page.getByRole('button', { name: 'Có, vẫn lưu' }).click()
    await expect.poll(() => page.getByTestId('save-notice').textContent()).toContain('Đã cập nhật hồ sơ cũ')
    expect(app.services.db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 2 })
    expect(app.services.db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 1 })
    expect(app.services.db.prepare('SELECT count(*) AS n FROM patient_history').get()).toEqual({ n: 1 })
  })

  it('refuses a damaged scan and says how to fix the scanner, filling nothing', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await wedgeType(page, QR.replace('Nguyễn', 'Nguy?n'))
    await expect.poll(() => page.getByTestId('scan-error').isVisible()).toBe(true)
    expect(await page.getByTestId('scan-error').textContent()).toMatch(/HID|COM|Unicode/)
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('')
  })

  it('never overwrites what the clerk typed: the difference is shown to resolve', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await page.getByLabel('Họ và tên').fill('Nguyen Thi Hong Nhung')
    await page.getByLabel('Điện thoại').click()
    await wedgeType(page, QR)
    await expect.poll(() => page.getByTestId('field-conflict').count()).toBe(1)
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyen Thi Hong Nhung')
    await page.getByRole('button', { name: 'Dùng giá trị trên thẻ' }).click()
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hồng Nhung')
  })

  it('lets a person type quickly into a field without it being taken for a scan', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await page.getByLabel('Họ và tên').click()
    await page.keyboard.type('Tran Van Binh', { delay: 90 })
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Tran Van Binh')
  })
})
