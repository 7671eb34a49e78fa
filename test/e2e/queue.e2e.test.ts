import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium, openApp } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { startHisServer, type HisServer } from '../harness/his-server/server'
import { registration } from '../support/fixtures'

const ARTIFACTS = resolve(__dirname, '../../test-results')
const REFUSAL = 'Mã tỉnh cư trú không hợp lệ'

/** The send queue screen against loopback HIS/eMCH test servers: send now, see why a record was refused, resend. */
describe.skipIf(!(chromiumAvailable && rendererBuilt))('send queue in browser mode', () => {
  let his: HisServer
  let emch: HisServer
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    his = await startHisServer()
    emch = await startHisServer()
    app = await startWebApp({ sync: {} })
    const config = app.runtime.sync!.config
    config.set('his.url', `${his.url}/fhir`)
    config.set('emch.url', `${emch.url}/fhir`)
    config.set('facility.code', '22001')
    app.services.register(registration({}, { fullName: 'Lê Thị Mai', idNumber: '022190000111' }))
    app.services.register(registration({}, { fullName: 'Vũ Văn Nam', idNumber: '022090000222', sex: 'male' }))
    ;({ context, page } = await launchChromium())
    await openApp(page, app.server.launchUrl)
    await page.getByRole('tab', { name: 'Hàng đợi gửi' }).click()
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
    await his?.close()
    await emch?.close()
  })

  it('shows what waits and sends it now; a refused record shows the HIS reason in Vietnamese', async () => {
    expect(await page.getByTestId('queue-his-pending').textContent()).toBe('2')
    his.injectFault(
      {
        kind: 'status',
        status: 400,
        contentType: 'application/fhir+json',
        body: JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'invalid', diagnostics: REFUSAL }]
        })
      },
      // The batch is refused, then each record on its own (the worker isolates the bad one).
      3,
      '/fhir'
    )
    await page.getByRole('button', { name: 'Gửi ngay' }).click()
    await expect
      .poll(() => page.getByTestId('flush-result').textContent(), { timeout: 20_000 })
      .toContain('Đã gửi')
    await expect.poll(() => page.getByTestId('queue-emch-sent').textContent()).toBe('2')
    expect(Number(await page.getByTestId('queue-his-failed').textContent())).toBeGreaterThan(0)
    const problems = page.getByTestId('queue-problems')
    expect(await problems.textContent()).toContain(REFUSAL)
    expect(await problems.textContent()).toMatch(/Lê Thị Mai|Vũ Văn Nam/)
    expect(await page.getByTestId('status-queue').textContent()).toMatch(/hồ sơ chờ gửi|hồ sơ gửi lỗi/)
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: resolve(ARTIFACTS, 'queue-refused.png'), fullPage: true })
  })

  it('a refused record is fixed in the form and resent, the other resent as is; the HIS holds each once', async () => {
    await page.getByRole('button', { name: 'Sửa hồ sơ' }).first().click()
    await expect.poll(() => page.getByTestId('editing-banner').textContent()).toContain('bị nơi nhận từ chối')
    await page.getByLabel('Điện thoại').fill('0987654321')
    await page.getByRole('button', { name: 'Lưu và gửi lại' }).click()
    await expect.poll(() => page.getByTestId('save-notice').textContent()).toContain('xếp lại 1 bản gửi')
    expect(app.services.db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 2 })

    await page.getByRole('tab', { name: 'Hàng đợi gửi' }).click()
    await expect.poll(() => page.getByTestId('queue-his-failed').textContent()).toBe('1')
    await page.getByRole('button', { name: 'Gửi lại', exact: true }).click()
    await expect.poll(() => page.getByTestId('queue-his-failed').textContent()).toBe('0')
    await page.getByRole('button', { name: 'Gửi ngay' }).click()
    await expect.poll(() => page.getByTestId('queue-his-sent').textContent(), { timeout: 20_000 }).toBe('2')
    const patients = his.stored().fhir.filter((r) => r.resourceType === 'Patient')
    expect(patients).toHaveLength(2)
    expect(JSON.stringify(patients.map((p) => p.resource))).toContain('0987654321')
    expect(await page.getByTestId('status-queue').textContent()).toContain('Không có hồ sơ chờ gửi')
  })
})
