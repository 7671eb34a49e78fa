import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { formatMessage } from '../../contract/messages'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { wedgeType } from './support/wedge'

// ID digit 4 = 0 (a man born 19xx, digits 5–6 = 93) on a card of a woman born 1995: two problems.
const MISMATCHED_QR =
  '022093001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'
const BHYT_QR = 'DN4220123456789|4e677579e1bb856e|05/01/1993|1|48e1baa1204c6f6e67|22001|01/01/2026'

describe.skipIf(!(chromiumAvailable && rendererBuilt))('the screen in English (browser mode)', () => {
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    ;({ context, page } = await launchChromium())
    await app.openSignedIn(page)
    await page.getByLabel('Họ và tên').waitFor()
    await page.getByLabel('Ngôn ngữ').selectOption('en')
    await page.getByLabel('Full name').waitFor()
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
  })

  it('shows the reader status in English', async () => {
    await expect
      .poll(() => page.getByTestId('status-reader').textContent())
      .toBe(formatMessage('en', 'status.reader.notConnected'))
  })

  it('shows an ID number that contradicts the card as one English warning per problem', async () => {
    await page.getByLabel('Phone').click()
    await wedgeType(page, MISMATCHED_QR)
    await expect.poll(() => page.getByLabel('Full name').inputValue()).toBe('Nguyễn Thị Hồng Nhung')
    const warnings = await page.getByTestId('reading-warning').allTextContents()
    const sex = formatMessage('en', 'warning.ID_SEX_MISMATCH', {
      givenSex: 'label.sex.female',
      idSex: 'label.sex.male'
    })
    const year = formatMessage('en', 'warning.ID_BIRTH_YEAR_MISMATCH', { birthYear: 1995, idYear: 1993 })
    expect(warnings.filter((w) => w === sex)).toHaveLength(1)
    expect(warnings.filter((w) => w === year)).toHaveLength(1)
    expect(warnings.filter((w) => /ID number/.test(w))).toHaveLength(2)
    // Nothing in Vietnamese slipped through.
    expect(warnings.filter((w) => /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựđ]/.test(w))).toEqual([])
  })

  it('shows a rejected scan as an English error', async () => {
    await page.getByLabel('Phone').click()
    await wedgeType(page, BHYT_QR)
    await expect.poll(() => page.getByTestId('scan-error').isVisible()).toBe(true)
    expect(await page.getByTestId('scan-error').textContent()).toContain(
      formatMessage('en', 'error.QR_INVALID', { reason: 'qr.reason.BHYT_CARD' })
    )
  })

  it('goes back to Vietnamese for everything when switched back', async () => {
    await page.getByLabel('Language').selectOption('vi')
    await expect
      .poll(() => page.getByTestId('status-reader').textContent())
      .toBe(formatMessage('vi', 'status.reader.notConnected'))
    expect(await page.getByTestId('scan-error').textContent()).toContain(
      formatMessage('vi', 'error.QR_INVALID', { reason: 'qr.reason.BHYT_CARD' })
    )
  })
})
