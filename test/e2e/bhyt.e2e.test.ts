import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { wedgeType } from './support/wedge'
import { startBhxhGateway, type BhxhGatewayServer } from '../harness/bhxh-gateway/server'
import { openSyncConfig } from '../../core/sync/config/open-config'
import { NHUNG_ID, nhungUsableCard } from '../harness/bhxh-gateway/cards'

const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')
const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'
const hex = (s: string): string => Buffer.from(s, 'utf8').toString('hex')
/** A VssID / BHYT card QR: card, name (hex), birth date, sex, address (hex), facility, valid from/to, …, area. */
const BHYT_QR = [
  'GD4222224444444',
  hex('Trần Văn Bảo'),
  '02/09/1988',
  '1',
  hex('Phường Hạ Long, Quảng Ninh'),
  '22 - 001',
  '01/01/2026',
  '31/12/2026',
  '01/01/2026',
  'BHXH Quảng Ninh',
  '',
  'K2',
  '01/01/2030'
].join('|')

/** The BHYT section in browser mode against the loopback test gateway (docs/adr/0023). */
describe.skipIf(!(chromiumAvailable && rendererBuilt))('BHYT card check in browser mode', () => {
  let gw: BhxhGatewayServer
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  const status = () => page.getByTestId('bhyt-status')
  const fillByHand = async (name: string, dob: string, id: string, card = ''): Promise<void> => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await page.getByLabel('Họ và tên').fill(name)
    await page.getByLabel('Ngày sinh').fill(dob)
    await page.getByLabel('Số CCCD / định danh').fill(id)
    if (card) await page.getByLabel('Mã thẻ BHYT').fill(card)
  }

  beforeAll(async () => {
    gw = await startBhxhGateway({
      // The clerk web-app.ts signs in as, registered with BHXH by name and CCCD.
      staff: { '022190001111': 'Nhân viên clerk' },
      cards: {
        [NHUNG_ID]: nhungUsableCard,
        '022190000222': {
          code: '010',
          hoTen: 'Vũ Văn Nam',
          ngaySinh: '1990',
          fields: { maThe: 'HN4222229999999' }
        },
        '022188000333': {
          code: '003',
          hoTen: 'Phạm Thị Thu',
          ngaySinh: '05/06/1988',
          gioiTinh: 'Nữ',
          fields: {
            maThe: 'GD4222220000333',
            maTheMoi: 'GD4222223333333',
            maDKBD: '22001',
            maDKBDMoi: '22002',
            gtTheTuMoi: '01/07/2026',
            gtTheDenMoi: '30/06/2027',
            maKV: 'K3'
          }
        },
        GD4222224444444: {
          hoTen: 'Trần Văn Bảo',
          ngaySinh: '02/09/1988',
          fields: {
            maThe: 'GD4222224444444',
            maDKBD: '22001',
            gtTheTu: '01/01/2026',
            gtTheDen: '31/12/2026',
            maKV: 'K2'
          }
        }
      }
    })
    app = await startWebApp()
    const config = openSyncConfig(app.services)
    config.set('bhxh.url', gw.url)
    config.set('bhxh.username', '22001_BV')
    config.set('bhxh.password', 'mat-khau-thu')
    ;({ context, page } = await launchChromium())
    await page.setViewportSize({ width: 1366, height: 768 })
    await app.openSignedIn(page)
    await page.getByLabel('Họ và tên').waitFor()
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
    await gw?.close()
  })

  it('a CCCD QR scan checks the card; a usable card fills the card fields, marked as from BHXH', async () => {
    await page.getByLabel('Điện thoại').click()
    await wedgeType(page, QR)
    await expect.poll(() => status().getAttribute('data-state'), { timeout: 15_000 }).toBe('usable')
    expect(await status().textContent()).toContain('Thẻ dùng được')
    await expect.poll(() => page.getByLabel('Mã thẻ BHYT').inputValue()).toBe('GD4222221234567')
    expect(await page.getByTestId('bhyt-card-registeredFacility').textContent()).toContain('22001')
    expect(await page.getByTestId('bhyt-card-validTo').textContent()).toContain('31/12/2026')
    expect(await page.getByTestId('bhyt-card-areaCode').textContent()).toContain('K1')
    expect(await page.getByTestId('bhyt-card-cardNumber').textContent()).toContain('Theo BHXH')
    expect(await page.getByTestId('bhyt-differences').count()).toBe(0)
    await page.getByTestId('bhyt-section').scrollIntoViewIfNeeded()
    await page.screenshot({ path: resolve(SCREENSHOTS, 'bhyt-usable.png') })

    // Saved with the check: the visit carries it.
    const commune = page.getByTestId('address-candidates')
    if (await commune.isVisible()) await commune.getByRole('button').first().click()
    // No service is assumed (ADR 0026).
    await page.locator('#f-serviceType').selectOption('general')
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
    await expect.poll(() => page.getByTestId('save-notice').textContent()).toContain('Đã tạo hồ sơ mới')
    const linked = app.services.db
      .prepare("SELECT count(*) AS n FROM bhyt_checks WHERE visit_id IS NOT NULL AND status = 'verified'")
      .get()
    expect(linked).toEqual({ n: 1 })
  })

  it('a refused card shows its action, and fills nothing', async () => {
    await fillByHand('Vũ Văn Nam', '1990', '022190000222')
    await page.getByTestId('bhyt-check').click()
    await expect.poll(() => status().getAttribute('data-state'), { timeout: 15_000 }).toBe('refused')
    expect(await status().textContent()).toContain('Thẻ không dùng được')
    expect(await status().textContent()).toContain('Thẻ BHYT đã hết hạn')
    expect(await page.getByLabel('Mã thẻ BHYT').inputValue()).toBe('')
    await page.getByTestId('bhyt-section').scrollIntoViewIfNeeded()
    await page.screenshot({ path: resolve(SCREENSHOTS, 'bhyt-refused.png') })
  })

  it('a replaced card (003) switches the form to the new card', async () => {
    await fillByHand('Phạm Thị Thu', '05/06/1988', '022188000333', 'GD4222220000333')
    await page.keyboard.press('Alt+b')
    await expect.poll(() => status().getAttribute('data-state'), { timeout: 15_000 }).toBe('usable')
    await expect.poll(() => page.getByLabel('Mã thẻ BHYT').inputValue()).toBe('GD4222223333333')
    expect(await page.getByTestId('bhyt-switched').textContent()).toContain('GD4222223333333')
    expect(await page.getByTestId('bhyt-card-registeredFacility').textContent()).toContain('22002')
  })

  it('a BHYT card QR scanned with the wedge fills the card and checks it, without landing in a field', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await page.getByLabel('Điện thoại').click()
    await wedgeType(page, BHYT_QR)
    await expect.poll(() => page.getByLabel('Mã thẻ BHYT').inputValue()).toBe('GD4222224444444')
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Văn Bảo')
    expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('02/09/1988')
    expect(await page.getByLabel('Điện thoại').inputValue()).toBe('')
    await expect.poll(() => status().getAttribute('data-state'), { timeout: 15_000 }).toBe('usable')
    expect(gw.calls().some((c) => c.maThe === 'GD4222224444444')).toBe(true)
  })
})
