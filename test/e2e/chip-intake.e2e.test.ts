import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium, openApp } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { waitUntil, wedgeType } from './support/wedge'
import { startStack, stopStack, stackUnavailableReason, type PcscStack } from '../harness/stack'
import { virtualCard } from '../harness/virtual-chip'
import { fixtureCard, type FixtureName } from '../harness/fixtures'
import type { VirtualCardHandle } from '../harness/virtual-chip'
import { encodeCccdQr } from '../../protocol/cccd'

const ARTIFACTS = resolve(__dirname, '../../test-results')
const stackProblem = stackUnavailableReason()
if (stackProblem) console.log(`chip e2e ${stackProblem}`)
const ready = chromiumAvailable && rendererBuilt && !stackProblem

/**
 * The whole desk on the real PC/SC stack: Chromium ↔ loopback transport ↔ services ↔ pcscd ↔ vpcd ↔ virtual chip.
 * The clerk never types a key to open the chip: the QR gives it.
 */
describe.skipIf(!ready)('chip reading in browser mode (real pcscd + virtual chip)', () => {
  let stack: PcscStack
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page
  let card: VirtualCardHandle | null = null

  const qrOf = async (name: FixtureName): Promise<string> =>
    encodeCccdQr({ ...(await fixtureCard(name)).identity, source: 'qr' })
  const readerSays = async (text: string): Promise<boolean> =>
    ((await page.getByTestId('status-reader').textContent()) ?? '').includes(text)
  /** Takes the card away and waits until the app has seen it go (pcscd polls every 400 ms). */
  const remove = async (): Promise<void> => {
    if (!card?.inserted) return
    await card.remove()
    await waitUntil(() => readerSays('Đầu đọc sẵn sàng'))
  }
  const insert = async (name: FixtureName): Promise<void> => {
    await remove()
    card = await virtualCard(name, { port: stack.port })
    await card.insert()
  }

  beforeAll(async () => {
    stack = await startStack()
    app = await startWebApp({ devices: { pcsc: true, scanner: false } })
    ;({ context, page } = await launchChromium())
    await openApp(page, app.server.launchUrl)
    await waitUntil(async () =>
      ((await page.getByTestId('status-reader').textContent()) ?? '').includes('Đầu đọc sẵn sàng')
    )
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
    if (stack) await stopStack(stack)
    await card?.remove()
  })

  it('card first: asks for the QR, then reads the chip as soon as it is scanned', async () => {
    await insert('card-2021')
    await expect
      .poll(() => page.getByTestId('card-error').textContent(), { timeout: 10_000 })
      .toContain('quét mã QR')
    await page.getByLabel('Điện thoại').click()
    await wedgeType(page, await qrOf('card-2021'))
    await expect
      .poll(() => page.getByTestId('card-verification').textContent(), { timeout: 10_000 })
      .toContain('toàn vẹn')
    await expect.poll(() => page.getByTestId('card-photo').isVisible()).toBe(true)
    const expected = (await fixtureCard('card-2021')).identity
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(expected.fullName)
    expect(await page.getByTestId('f-fullName-mark').textContent()).toBe('Chip ✓')
    expect(await page.getByLabel('Dân tộc').inputValue()).toMatch(/^\d{2}$/)
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: resolve(ARTIFACTS, 'chip-verified.png'), fullPage: true })
    const reads = app.services.db
      .prepare('SELECT source, verification_json FROM identity_reads ORDER BY read_at')
      .all() as {
      source: string
      verification_json: string | null
    }[]
    expect(reads.map((r) => r.source)).toEqual(['qr', 'chip'])
    expect(JSON.parse(reads[1]!.verification_json!)).toMatchObject({ status: 'valid' })
  })

  it('QR first: laying the card on the reader afterwards opens the chip with no typing', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await remove()
    await wedgeType(page, await qrOf('all-diacritics'))
    const expected = (await fixtureCard('all-diacritics')).identity
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe(expected.fullName)
    await insert('all-diacritics')
    await expect
      .poll(() => page.getByTestId('card-verification').textContent(), { timeout: 10_000 })
      .toContain('toàn vẹn')
    expect(await page.getByTestId('f-fullName-mark').textContent()).toBe('Chip ✓')
  })

  it('warns loudly when the chip data does not match its signature', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await remove()
    await wedgeType(page, await qrOf('tampered-dg13'))
    await insert('tampered-dg13')
    await expect
      .poll(() => page.getByTestId('card-verification').textContent(), { timeout: 10_000 })
      .toContain('CẢNH BÁO')
  })
})
