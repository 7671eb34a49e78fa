// The HIS as the facility's shared memory on screen (docs/adr/0024): a card another desk registered says so,
// the save keeps the HIS's Patient id; with the HIS down the desk says it searched this computer only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { wedgeType } from './support/wedge'
import { startHisServer, type HisServer } from '../harness/his-server/server'
import { createHisFhirConnector } from '../../core/sync/connectors'
import { createHttpClient } from '../../core/sync/http-client'
import { openSyncConfig } from '../../core/sync/config/open-config'
import { makeSubmission, motherForm } from '../unit/sync/submission-fixtures'

const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'
const OTHER_QR =
  '022190004321||Trần Văn Bình|02021990|Nam|Số 8, Phường Bãi Cháy, Thành phố Hạ Long, Quảng Ninh|10042021'
// RECEPTION_SCREENSHOTS=1 refreshes the README's picture; otherwise it goes to test-results.
const SHOTS = process.env.RECEPTION_SCREENSHOTS
  ? resolve(__dirname, '../../docs/screenshots')
  : resolve(__dirname, '../../test-results')

describe.skipIf(!(chromiumAvailable && rendererBuilt))('a patient another desk registered', () => {
  let app: Awaited<ReturnType<typeof startWebApp>>
  let his: HisServer
  let hisId: string
  let hisUp = true
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    his = await startHisServer()
    // Desk 1 already registered and sent this patient.
    const desk1 = createHisFhirConnector(createHttpClient({ baseUrl: `${his.url}/fhir`, timeoutMs: 30_000 }))
    const sub = makeSubmission()
    const form = motherForm({
      idNumber: '022195001234',
      fullName: 'Nguyễn Thị Hồng Nhung',
      dateOfBirth: '1995-03-14'
    })
    expect((await desk1.send(makeSubmission({ patient: { ...sub.patient, form } }))).kind).toBe('sent')
    desk1.close()
    hisId = his.stored().fhir.find((r) => r.resourceType === 'Patient')!.id
    app = await startWebApp()
    openSyncConfig(app.services).set('his.url', `${his.url}/fhir`)
    ;({ context, page } = await launchChromium())
    await page.setViewportSize({ width: 1366, height: 768 })
    await app.openSignedIn(page)
    await page.getByLabel('Họ và tên').waitFor()
  }, 90_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
    if (hisUp) await his?.close()
  })

  it('says the patient is already in the HIS, and the save keeps the HIS Patient id', async () => {
    await page.getByLabel('Điện thoại').click()
    await wedgeType(page, QR)
    await expect.poll(() => page.getByTestId('returning-patient').isVisible()).toBe(true)
    expect(await page.getByTestId('returning-patient').textContent()).toContain(
      'Đã có trong HIS (đăng ký ở quầy khác): Nguyễn Thị Hồng Nhung'
    )
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hồng Nhung')
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: resolve(SHOTS, 'his-returning.png') })
    const chosen = await page.getByLabel('Xã/phường').inputValue()
    if (chosen === '') await page.getByTestId('address-candidates').getByRole('button').first().click()
    // No service is assumed (ADR 0026).
    await page.locator('#f-serviceType').selectOption('general')
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
    await expect.poll(() => page.getByTestId('save-notice').textContent()).toContain('Đã tạo hồ sơ mới')
    expect(app.services.db.prepare('SELECT his_patient_id FROM patients').all()).toEqual([
      { his_patient_id: hisId }
    ])
  })

  it('with the HIS down, the desk fills the form and says it searched this computer only', async () => {
    await his.close()
    hisUp = false
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await page.getByLabel('Điện thoại').click()
    await wedgeType(page, OTHER_QR)
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Trần Văn Bình')
    await expect
      .poll(() => page.getByTestId('reading-warning').allTextContents())
      .toContain('Không hỏi được HIS — chỉ tìm trong máy này.')
    expect(await page.getByTestId('returning-patient').count()).toBe(0)
  })
})
