import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium, openApp } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { writeQrVideo } from './support/qr-video'
import { hasSocat, PtyPair } from '../harness/pty'

const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'
if (!hasSocat) console.log('skipped: serial-scanner e2e needs socat (apt install socat)')

describe.skipIf(!(chromiumAvailable && rendererBuilt && hasSocat))(
  'QR scanners other than the keyboard',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'reception-scanners-'))
    const pty = new PtyPair()
    let app: Awaited<ReturnType<typeof startWebApp>>
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      await pty.plug()
      const video = join(dir, 'qr.y4m')
      writeQrVideo(video, QR)
      app = await startWebApp({
        devices: {
          pcsc: false,
          scanner: {
            hid: { enabled: false },
            serial: { enabled: true, path: pty.app, baudRate: 9600, terminator: 'auto' }
          }
        }
      })
      ;({ context, page } = await launchChromium([
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`
      ]))
      await openApp(page, app.server.launchUrl)
      await page.getByLabel('Họ và tên').waitFor()
    }, 60_000)

    afterAll(async () => {
      await context?.close()
      await app?.stop()
      await pty.dispose()
      rmSync(dir, { recursive: true, force: true })
    })

    it('a USB-COM scanner fills the form and shows in the status bar', async () => {
      await expect
        .poll(() => page.getByTestId('status-scanner').textContent(), { timeout: 10_000 })
        .toContain('USB-COM')
      await pty.scannerWrites([Buffer.from(`${QR}\r\n`, 'utf8')])
      await expect
        .poll(() => page.getByLabel('Họ và tên').inputValue(), { timeout: 10_000 })
        .toBe('Nguyễn Thị Hồng Nhung')
      expect(await page.getByLabel('Số CCCD / định danh').inputValue()).toBe('022195001234')
      const reads = app.services.db.prepare('SELECT source FROM identity_reads').all()
      expect(reads).toEqual([{ source: 'qr' }])
    })

    it('the webcam fallback reads a QR held up to the camera', async () => {
      await page.getByRole('button', { name: 'Nhập mới' }).click()
      expect(await page.getByLabel('Họ và tên').inputValue()).toBe('')
      await page.getByRole('button', { name: 'Quét QR bằng webcam' }).click()
      await expect
        .poll(() => page.getByLabel('Họ và tên').inputValue(), { timeout: 20_000 })
        .toBe('Nguyễn Thị Hồng Nhung')
      expect(await page.getByTestId('webcam').count()).toBe(0)
      expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('14/03/1995')
    })
  }
)
