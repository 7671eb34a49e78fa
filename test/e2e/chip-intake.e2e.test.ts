import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
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
    await app.openSignedIn(page)
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

  /** Answers "Vẫn lưu" to the commune question if asked, until `question` is asked (null: until saved). */
  const answerUntil = async (question: string | null): Promise<void> => {
    for (let i = 0; i < 50; i++) {
      const q = page.getByTestId('save-question')
      if (question && (await q.count()) > 0 && ((await q.textContent()) ?? '').includes(question)) return
      if (!question && (await page.getByTestId('save-notice').count()) > 0) return
      if ((await q.count()) > 0 && ((await q.textContent()) ?? '').includes('Chưa có xã/phường'))
        await page.getByRole('button', { name: 'Vẫn lưu' }).click()
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error(`question not asked: ${question ?? 'save'}`)
  }

  /** The clerk's one keystroke: the patient agreed to the chip being read (recorded before any read). */
  const consent = async (): Promise<void> => {
    await page.keyboard.press('F2')
    await expect.poll(() => page.getByTestId('consent-bar').textContent()).toContain('Đã ghi nhận')
  }

  it('card first: asks for the QR, then reads the chip as soon as it is scanned', async () => {
    await consent()
    await insert('card-2021')
    await expect
      .poll(() => page.getByTestId('card-error').textContent(), { timeout: 10_000 })
      .toContain('quét mã QR')
    await page.getByLabel('Điện thoại').click()
    await wedgeType(page, await qrOf('card-2021'))
    await expect
      .poll(() => page.getByTestId('card-verification').textContent(), { timeout: 10_000 })
      .toContain('toàn vẹn')
    // DG2 (the photo) is read after the identity is verified: on a loaded machine that takes seconds.
    await expect.poll(() => page.getByTestId('card-photo').isVisible(), { timeout: 15_000 }).toBe(true)
    const expected = (await fixtureCard('card-2021')).identity
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(expected.fullName)
    // No CSCA imported: data intact, signer not verified, so 'Chip' and never the ✓ of a verified chain.
    expect(await page.getByTestId('f-fullName-mark').textContent()).toBe('Chip')
    expect(await page.getByTestId('card-verification').textContent()).toContain('chưa xác minh được người ký')
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
    // The consent came first, names the clerk and the notice, and points at the read it allowed.
    const consentRow = app.services.db
      .prepare(
        "SELECT c.recorded_by, c.notice_version, c.recorded_at <= r.read_at AS before FROM consents c JOIN identity_reads r ON r.id = c.read_id WHERE c.purpose = 'chip_read'"
      )
      .get()
    expect(consentRow).toEqual({ recorded_by: 'nv-clerk', notice_version: 'TB-2026-01', before: 1 })
  })

  it("does not read the chip without the patient's consent", async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await remove()
    await wedgeType(page, await qrOf('card-2021'))
    await insert('card-2021')
    await expect
      .poll(() => page.getByTestId('card-error').textContent(), { timeout: 10_000 })
      .toContain('đồng ý')
    const chipReads = app.services.db
      .prepare("SELECT count(*) AS n FROM identity_reads WHERE source = 'chip'")
      .get()
    expect(chipReads).toEqual({ n: 1 })
  })

  it('QR first: laying the card on the reader afterwards opens the chip with no typing', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await remove()
    await consent()
    await wedgeType(page, await qrOf('all-diacritics'))
    const expected = (await fixtureCard('all-diacritics')).identity
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe(expected.fullName)
    await insert('all-diacritics')
    await expect
      .poll(() => page.getByTestId('card-verification').textContent(), { timeout: 10_000 })
      .toContain('toàn vẹn')
    expect(await page.getByTestId('f-fullName-mark').textContent()).toBe('Chip')
  })

  it('card only: a PACE card laid down with no keys gets a focused field; the typed ID number opens it', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await remove()
    await consent()
    await insert('pace-only')
    const field = page.getByTestId('card-can')
    await expect.poll(() => field.isVisible(), { timeout: 10_000 }).toBe(true)
    const expected = (await fixtureCard('pace-only')).identity
    await field.fill(expected.idNumber!)
    await field.press('Enter')
    await expect
      .poll(() => page.getByLabel('Họ và tên').inputValue(), { timeout: 10_000 })
      .toBe(expected.fullName)
    await expect
      .poll(() => page.getByTestId('card-verification').textContent(), { timeout: 10_000 })
      .toContain('toàn vẹn')
  })

  it('is as loud about a cloned chip as about altered data', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await remove()
    await consent()
    await insert('aa-clone')
    const field = page.getByTestId('card-can')
    await expect.poll(() => field.isVisible(), { timeout: 10_000 }).toBe(true)
    await field.fill((await fixtureCard('aa-clone')).identity.idNumber!.slice(6))
    await field.press('Enter')
    await expect
      .poll(() => page.getByTestId('card-clone').textContent(), { timeout: 10_000 })
      .toContain('bản sao')
    expect(await page.getByTestId('f-fullName-mark').textContent()).toBe('Chip ✗')
  })

  it('warns loudly when the chip data does not match its signature', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await remove()
    await consent()
    await wedgeType(page, await qrOf('tampered-dg13'))
    await insert('tampered-dg13')
    await expect
      .poll(() => page.getByTestId('card-verification').textContent(), { timeout: 10_000 })
      .toContain('CẢNH BÁO')
    // Red at the top of the form, and the save needs an explicit yes that the access log keeps.
    await expect.poll(() => page.getByTestId('tampered-chip').isVisible()).toBe(true)
    expect(await page.getByTestId('tampered-chip').textContent()).toContain('có thể bị sửa hoặc bị sao chép')
    await page.locator('#f-serviceType').selectOption('general')
    await page.keyboard.press('F9')
    await answerUntil('Chip không qua kiểm tra')
    expect(app.services.db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 0 })
    await page.getByRole('button', { name: 'Có, vẫn lưu' }).click()
    await expect.poll(() => page.getByTestId('save-notice').isVisible()).toBe(true)
    const audit = app.services.db
      .prepare("SELECT detail_json AS d FROM audit_log WHERE entity = 'visit' ORDER BY id DESC LIMIT 1")
      .get() as { d: string }
    expect(JSON.parse(audit.d)).toMatchObject({ tamperedChipConfirmed: true })
  })

  it("after a save the next patient's card is not tried with the previous QR's keys", async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await remove()
    await wedgeType(page, await qrOf('card-2021'))
    const first = (await fixtureCard('card-2021')).identity
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe(first.fullName)
    await page.locator('#f-serviceType').selectOption('general')
    await page.keyboard.press('F9')
    await answerUntil(null)
    await expect.poll(() => page.getByTestId('save-notice').isVisible()).toBe(true)
    // The next patient lays her own card without scanning: asked for her QR, never "wrong keys".
    await consent()
    await insert('card-2024')
    await expect
      .poll(() => page.getByTestId('card-error').textContent(), { timeout: 10_000 })
      .toContain('quét mã QR')
    expect(await page.getByTestId('card-error').textContent()).not.toContain('từ chối khoá')
  })
})
