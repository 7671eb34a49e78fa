import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The same reception flow in the real Electron app. The binary cannot be downloaded on the build machines, so
 * this looks for it on disk (never require('electron'), which would try to download it) and says so when absent.
 */
const electronDir = resolve(__dirname, '../../node_modules/electron')
function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH
  const pathFile = resolve(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const bin = resolve(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? bin : null
}
const binary = electronBinary()
if (!binary) console.log('skipped: no Electron binary (node_modules/electron/dist is absent on this machine)')

describe.skipIf(!binary)('reception flow in the Electron app', () => {
  it('opens the window with window.reception and the first-run or sign-in screen', async () => {
    const { _electron } = await import('playwright-core')
    const app = await _electron.launch({
      executablePath: binary!,
      args: [resolve(__dirname, '../../out/main/index.js')]
    })
    try {
      const page = await app.firstWindow()
      expect(await page.evaluate(() => typeof (window as { reception?: unknown }).reception)).toBe('object')
      expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe('undefined')
      // A fresh profile opens on the first-run screen; the session then lives in the main process.
      // (Saving a patient needs a clerk account, which only IT creates: the CLI cannot open the safeStorage-sealed
      // database, and there is no user screen yet — see docs/adr/0020.)
      if (await page.getByRole('heading', { name: 'Tạo tài khoản CNTT đầu tiên' }).isVisible()) {
        await page.getByLabel('Tên đăng nhập').fill('cntt')
        await page.getByLabel('Họ và tên').fill('Trần Văn Tin Học')
        await page.getByLabel('Số CCCD của bạn').fill('022190002222')
        await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-thu-nghiem-14')
        await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-thu-nghiem-14')
        await page.getByLabel('Mã PIN mở khoá màn hình (4–8 chữ số)').fill('1357')
        await page.getByRole('button', { name: 'Tạo tài khoản và đăng nhập' }).click()
        await page.getByTestId('session-bar').waitFor()
      }
      expect(await page.getByRole('heading').first().textContent()).toBeTruthy()
    } finally {
      await app.close()
    }
  })
})
