import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'

const ready = chromiumAvailable && rendererBuilt
if (!ready) {
  console.log(
    `skipped: browser-mode e2e needs ${chromiumAvailable ? '' : '/usr/bin/chromium (apt install chromium) '}${rendererBuilt ? '' : 'a build (npm run build)'}`
  )
}
const ARTIFACTS = resolve(__dirname, '../../test-results')

describe.skipIf(!ready)('reception screen in browser mode (Chromium, real services)', () => {
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    ;({ context, page } = await launchChromium())
    await app.openSignedIn(page)
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
  })

  it('shows the Vietnamese form and an honest status bar', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Tiếp đón bệnh nhân' }).isVisible()).toBe(true)
    expect(await page.getByLabel('Họ và tên').isVisible()).toBe(true)
    expect(await page.getByTestId('status-reader').textContent()).toContain('Chưa kết nối đầu đọc')
    expect(await page.getByTestId('status-queue').textContent()).toContain('Không có hồ sơ chờ gửi')
  })

  it('validates as the clerk types, in Vietnamese', async () => {
    await page.getByLabel('Số CCCD / định danh').fill('02219500123')
    expect(await page.locator('#f-idNumber-error').textContent()).toBe('Số CCCD gồm đúng 12 chữ số')
    await page.getByLabel('Ngày sinh').fill('31/02/1995')
    expect(await page.locator('#f-dob-error').textContent()).toBe('Ngày sinh không có thật')
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
    expect(await page.getByRole('alert').filter({ hasText: 'trường cần sửa' }).isVisible()).toBe(true)
    // The focus leaves the button for the first field to fix (the empty name, at the top).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-fullName')
    const count = await app.services.db.prepare('SELECT count(*) AS n FROM patients').get()
    expect(count).toEqual({ n: 0 })
  })

  it('saves a typed patient, finds it without diacritics and reopens it', async () => {
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hồng Nhung')
    await page.getByLabel('Ngày sinh').fill('14/03/1995')
    await page.getByLabel('Giới tính').selectOption('female')
    await page.getByLabel('Số CCCD / định danh').fill('022195001234')
    await page.getByLabel('Điện thoại').fill('0912345678')
    await page.getByLabel('Địa chỉ').fill('Tổ 5, Khu 3, Phường Hạ Long, Quảng Ninh')
    await page.getByLabel('Dịch vụ').selectOption('antenatal')
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
    // A typed address has no commune picked: the save asks once.
    await expect
      .poll(() => page.getByTestId('save-question').textContent())
      .toContain('Chưa có xã/phường — vẫn lưu?')
    await page.getByRole('button', { name: 'Vẫn lưu' }).click()
    await expect.poll(() => page.getByTestId('save-notice').textContent()).toContain('Đã tạo hồ sơ mới')
    await expect.poll(() => page.getByTestId('status-queue').textContent()).toContain('2 hồ sơ chờ gửi')

    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: resolve(ARTIFACTS, 'reception-saved.png'), fullPage: true })

    await page.getByRole('tab', { name: 'Tìm bệnh nhân' }).click()
    await page.getByRole('searchbox').fill('nguyen thi hong')
    await page.getByRole('button', { name: 'Tìm', exact: true }).click()
    const row = page.getByRole('row').filter({ hasText: 'Nguyễn Thị Hồng Nhung' })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.textContent()).toContain('14/03/1995')
    await page.screenshot({ path: resolve(ARTIFACTS, 'reception-search.png'), fullPage: true })

    // Start from an empty form so the reopened values can only come from the saved record.
    await page.getByRole('tab', { name: 'Tiếp đón' }).click()
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('')
    await page.getByRole('tab', { name: 'Tìm bệnh nhân' }).click()
    await row.getByRole('button', { name: 'Mở hồ sơ' }).click()
    await expect.poll(() => page.getByText('Đang mở hồ sơ có sẵn').isVisible()).toBe(true)
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hồng Nhung')
    expect(await page.getByLabel('Số CCCD / định danh').inputValue()).toBe('022195001234')
    expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('14/03/1995')
  })

  it('shows the data-quality report for the saved visit and exports it to Excel', async () => {
    // The report is the data officer's: the clerk has no such tab, so switch user.
    expect(await page.getByRole('tab', { name: 'Báo cáo' }).count()).toBe(0)
    await app.switchUser(page, 'officer')
    await page.getByRole('tab', { name: 'Báo cáo' }).click()
    await page.getByRole('button', { name: 'Xem báo cáo' }).click()
    await expect.poll(() => page.getByTestId('report-visits').textContent()).toBe('1')
    expect(await page.getByTestId('quality-report').textContent()).toContain('Nhập tay 1')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Tải bản tổng hợp gửi CDC (Excel)' }).click()
    const file = await (await download).path()
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK')
    const audit = app.services.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get()
    expect(audit).toEqual({ n: 1 })
    const who = app.services.db.prepare("SELECT actor FROM audit_log WHERE action = 'export'").get()
    expect(who).toEqual({ actor: 'nv-officer' })
    await app.switchUser(page, 'clerk')
    await page.getByRole('tab', { name: 'Tiếp đón' }).click()
  })

  it('switches to English and back', async () => {
    await page.getByLabel('Ngôn ngữ').selectOption('en')
    expect(await page.getByLabel('Full name').isVisible()).toBe(true)
    await page.getByLabel('Language').selectOption('vi')
    expect(await page.getByLabel('Họ và tên').isVisible()).toBe(true)
  })

  it('refuses API calls without the launch token, from another origin, or without a session', async () => {
    const call = (headers: Record<string, string>): Promise<Response> =>
      fetch(`${app.server.url}/api/call/queue:status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{}'
      })
    expect((await call({})).status).toBe(401)
    expect((await call({ Authorization: 'Bearer wrong' })).status).toBe(401)
    expect(
      (await call({ Authorization: `Bearer ${app.server.token}`, Origin: 'http://evil.example' })).status
    ).toBe(403)
    // The token alone reaches the transport, not the data: without the session cookie the gate refuses.
    const tokenOnly = await call({ Authorization: `Bearer ${app.server.token}` })
    expect(tokenOnly.status).toBe(200)
    expect(await tokenOnly.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})
