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
  it('opens the window with window.reception and saves a patient', async () => {
    const { _electron } = await import('playwright-core')
    const app = await _electron.launch({
      executablePath: binary!,
      args: [resolve(__dirname, '../../out/main/index.js')]
    })
    try {
      const page = await app.firstWindow()
      expect(await page.evaluate(() => typeof (window as { reception?: unknown }).reception)).toBe('object')
      expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe('undefined')
      await page.getByLabel('Họ và tên').fill('Nguyễn Văn Electron')
      await page.getByLabel('Ngày sinh').fill('1990')
      await page.getByLabel('Giới tính').selectOption('male')
      await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
      await expect.poll(() => page.getByTestId('save-notice').textContent()).toContain('Đã tạo hồ sơ mới')
    } finally {
      await app.close()
    }
  })
})
