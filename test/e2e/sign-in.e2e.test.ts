import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { registration } from '../support/fixtures'
import { TEST_PASSWORD } from '../support/accounts'

const ARTIFACTS = resolve(__dirname, '../../test-results')

/** First run, sign-in, the lock and switch user, keyboard only, in the real page over the real transport. */
describe.skipIf(!chromiumAvailable || !rendererBuilt)('sign-in and lock screens (Chromium)', () => {
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    app.services.register(registration())
    ;({ context, page } = await launchChromium())
    await page.goto(app.server.launchUrl)
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
  })

  it('a new machine asks for the first IT account, and shows no patient data before it', async () => {
    await page.getByRole('heading', { name: 'Tạo tài khoản CNTT đầu tiên' }).waitFor()
    expect(await page.getByRole('tab').count()).toBe(0)
    expect(await page.content()).not.toContain('Nhung')
    await page.keyboard.type('cntt')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Trần Văn Tin Học')
    await page.keyboard.press('Tab')
    await page.keyboard.type('022190002222')
    await page.keyboard.press('Tab')
    await page.keyboard.type(TEST_PASSWORD)
    await page.keyboard.press('Tab')
    await page.keyboard.type(TEST_PASSWORD)
    await page.keyboard.press('Tab')
    await page.keyboard.type('1357')
    await page.keyboard.press('Enter')
    await page.getByTestId('session-bar').waitFor()
    expect(await page.getByTestId('session-bar').textContent()).toContain('Trần Văn Tin Học · CNTT')
    // IT runs the machine: no reception form, no report.
    expect(await page.getByLabel('Họ và tên').count()).toBe(0)
    expect(await page.getByRole('tab', { name: 'Báo cáo' }).count()).toBe(0)
  })

  it('signs in by keyboard; a wrong password says so in Vietnamese', async () => {
    await app.runtime.gate.accounts.add(
      {
        username: 'tiepdon',
        fullName: 'Lê Thị Tiếp Đón',
        idNumber: '022190001111',
        role: 'clerk',
        password: TEST_PASSWORD,
        pin: '2468'
      },
      'test'
    )
    await page.getByRole('button', { name: 'Đổi người dùng' }).click()
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: resolve(ARTIFACTS, 'sign-in.png') })
    await page.keyboard.type('tiepdon')
    await page.keyboard.press('Tab')
    await page.keyboard.type('khong-dung-mat-khau')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByTestId('auth-error').textContent())
      .toBe('Tên đăng nhập hoặc mật khẩu không đúng.')
    await page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD)
    await page.keyboard.press('Enter')
    await page.getByLabel('Họ và tên').waitFor()
  })

  it('Ctrl+L locks the screen, keeps what was typed, and the PIN opens it again', async () => {
    await page.getByLabel('Họ và tên').fill('Nguyễn Văn Đang Nhập')
    await page.keyboard.press('Control+l')
    await page.getByRole('heading', { name: 'Màn hình đã khoá' }).waitFor()
    expect(await page.getByLabel('Họ và tên').isVisible()).toBe(false)
    await page.screenshot({ path: resolve(ARTIFACTS, 'lock.png') })
    // Locked on the server too: the API refuses the page's session.
    expect(app.services.desk.current()).toBeNull()
    await page.keyboard.type('2468')
    await page.keyboard.press('Enter')
    await page.getByLabel('Họ và tên').waitFor()
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn Đang Nhập')
    const actions = app.services.db
      .prepare("SELECT action FROM audit_log WHERE actor = 'tiepdon' ORDER BY id")
      .all()
      .map((r) => (r as { action: string }).action)
    expect(actions).toEqual(['sign-in-failed', 'sign-in', 'lock', 'unlock'])
  })

  it('switch user starts the next person on a clean screen', async () => {
    await page.getByRole('button', { name: 'Đổi người dùng' }).click()
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
    await page.keyboard.type('tiepdon')
    await page.keyboard.press('Tab')
    await page.keyboard.type(TEST_PASSWORD)
    await page.keyboard.press('Enter')
    await page.getByLabel('Họ và tên').waitFor()
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('')
  })
})
