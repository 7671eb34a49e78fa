// QR, then the chip of a patient another desk registered: the chip's identity keeps the HIS's answer (asked once,
// at the QR), so the form still says "already in the HIS" after the chip is read (docs/adr/0024).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { waitUntil, wedgeType } from './support/wedge'
import { startStack, stopStack, stackUnavailableReason, type PcscStack } from '../harness/stack'
import { virtualCard, type VirtualCardHandle } from '../harness/virtual-chip'
import { fixtureCard } from '../harness/fixtures'
import { encodeCccdQr } from '../../protocol/cccd'
import { startHisServer, type HisServer } from '../harness/his-server/server'
import { createHisFhirConnector } from '../../core/sync/connectors'
import { createHttpClient } from '../../core/sync/http-client'
import { openSyncConfig } from '../../core/sync/config/open-config'
import { makeSubmission, motherForm } from '../unit/sync/submission-fixtures'

const ready = chromiumAvailable && rendererBuilt && !stackUnavailableReason()

describe.skipIf(!ready)('chip of a patient the HIS knows', () => {
  let stack: PcscStack
  let app: Awaited<ReturnType<typeof startWebApp>>
  let his: HisServer
  let context: BrowserContext
  let page: Page
  let card: VirtualCardHandle | null = null

  beforeAll(async () => {
    const fixture = (await fixtureCard('card-2021')).identity
    his = await startHisServer()
    const desk1 = createHisFhirConnector(createHttpClient({ baseUrl: `${his.url}/fhir`, timeoutMs: 30_000 }))
    const sub = makeSubmission()
    const form = motherForm({ idNumber: fixture.idNumber, fullName: fixture.fullName })
    expect((await desk1.send(makeSubmission({ patient: { ...sub.patient, form } }))).kind).toBe('sent')
    desk1.close()
    stack = await startStack()
    app = await startWebApp({ devices: { pcsc: true, scanner: false } })
    openSyncConfig(app.services).set('his.url', `${his.url}/fhir`)
    ;({ context, page } = await launchChromium())
    await app.openSignedIn(page)
    await waitUntil(async () =>
      ((await page.getByTestId('status-reader').textContent()) ?? '').includes('Đầu đọc sẵn sàng')
    )
  }, 90_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
    if (stack) await stopStack(stack)
    await card?.remove()
    await his?.close()
  })

  it('still says "already in the HIS" once the chip is read, and asked the HIS once', async () => {
    const fixture = await fixtureCard('card-2021')
    await page.keyboard.press('F2')
    await expect.poll(() => page.getByTestId('consent-bar').textContent()).toContain('Đã ghi nhận')
    await page.getByLabel('Điện thoại').click()
    await wedgeType(page, encodeCccdQr({ ...fixture.identity, source: 'qr' }))
    await expect
      .poll(() => page.getByTestId('returning-patient').textContent())
      .toContain('Đã có trong HIS (đăng ký ở quầy khác)')
    card = await virtualCard('card-2021', { port: stack.port })
    await card.insert()
    await expect
      .poll(() => page.getByTestId('card-verification').textContent(), { timeout: 15_000 })
      .toContain('toàn vẹn')
    expect(await page.getByTestId('f-fullName-mark').textContent()).toBe('Chip')
    expect(await page.getByTestId('returning-patient').textContent()).toContain(
      'Đã có trong HIS (đăng ký ở quầy khác)'
    )
    expect(his.requests().filter((r) => r.method === 'GET')).toHaveLength(1)
  })
})
