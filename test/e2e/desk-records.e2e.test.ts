import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { registration } from '../support/fixtures'
import { openSyncConfig } from '../../core/sync/config/open-config'

const ready = chromiumAvailable && rendererBuilt
const SHOTS = resolve(__dirname, '../../docs/screenshots')

describe.skipIf(!ready)('desk record tools and the CDC report in browser mode', () => {
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    openSyncConfig(app.services).set('facility.code', '22001')
    openSyncConfig(app.services).set('facility.name', 'Trạm Y tế Phường Hạ Long')
    const { visitId } = app.services.register(registration({}, { phone: '0912345678' }))
    // HIS confirmed the visit 7 minutes after it; eMCH has not yet.
    const visit = app.services.db.prepare('SELECT visited_at FROM visits WHERE id = ?').get(visitId) as {
      visited_at: string
    }
    app.services.db
      .prepare(
        "UPDATE outbox SET status = 'sent', receipt = 'Encounter/1', updated_at = ? WHERE visit_id = ? AND target = 'his'"
      )
      .run(new Date(Date.parse(visit.visited_at) + 7 * 60_000).toISOString(), visitId)
    ;({ context, page } = await launchChromium())
    await page.setViewportSize({ width: 1366, height: 768 })
    await app.openSignedIn(page, 'clerk')
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
  })

  it('finds a record by phone and shows its visit history with the send states', async () => {
    await page.getByRole('tab', { name: 'Tìm bệnh nhân' }).click()
    await page.getByRole('searchbox').fill('+84 912 345 678')
    await page.getByRole('searchbox').press('Enter')
    const row = page.getByRole('row', { name: /Nguyễn Thị Hồng Nhung/ })
    await row.waitFor()
    await row.getByRole('button', { name: 'Mở hồ sơ' }).click()
    const history = page.getByTestId('visit-history')
    await history.waitFor()
    expect(await history.textContent()).toContain('Lịch sử khám')
    expect(await history.textContent()).toContain('HIS: Đã nhận')
    expect(await history.textContent()).toContain('eMCH: Chờ gửi')
    expect(await history.getByRole('row').count()).toBe(2)
  })

  it('a record typed by hand that matches one on file offers "mở hồ sơ đó"', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    expect(await page.getByTestId('visit-history').count()).toBe(0)
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hồng Nhung')
    await page.getByLabel('Ngày sinh').fill('14/03/1995')
    const prompt = page.getByTestId('duplicate-prompt')
    await prompt.waitFor({ timeout: 10_000 })
    expect(await prompt.textContent()).toContain('Có thể đã có hồ sơ')
    expect(await prompt.textContent()).toContain('cùng họ tên và ngày sinh')
    await prompt.getByRole('button', { name: 'Mở hồ sơ đó' }).click()
    await expect.poll(() => page.getByText('Đang mở hồ sơ có sẵn').isVisible()).toBe(true)
    expect(await page.getByLabel('Số CCCD / định danh').inputValue()).toBe('022195001234')
    await page.getByTestId('visit-history').waitFor()
  })

  it('"vẫn tạo mới" hides the offer for what was typed', async () => {
    await page.getByRole('button', { name: 'Nhập mới' }).click()
    await page.getByLabel('Điện thoại', { exact: true }).first().fill('0912345678')
    const prompt = page.getByTestId('duplicate-prompt')
    await prompt.waitFor({ timeout: 10_000 })
    expect(await prompt.textContent()).toContain('cùng số điện thoại')
    await prompt.getByRole('button', { name: 'Vẫn tạo mới' }).click()
    expect(await prompt.count()).toBe(0)
  })

  it('the officer sees the facility and the Sống table, merges a duplicate group and undoes it', async () => {
    // A twin typed without the ID number: the report's duplicate group.
    app.services.register(registration({}, { idNumber: null, phone: null }))
    await app.switchUser(page, 'officer')
    await page.getByRole('tab', { name: 'Báo cáo' }).click()
    await page.getByRole('button', { name: 'Xem báo cáo' }).click()
    await expect.poll(() => page.getByTestId('report-facility').textContent()).toContain('22001')
    const timely = page.getByTestId('report-timeliness')
    // Two visits queued (the record and its twin); HIS confirmed the first one after 7 minutes.
    const cells = async (name: RegExp): Promise<string[]> =>
      timely.getByRole('row', { name }).getByRole('cell').allTextContents()
    expect((await cells(/HIS/)).slice(1)).toEqual(['HIS', '1 / 2', '7', '7', '7', '0', '1'])
    expect((await cells(/eMCH/)).slice(1)).toEqual(['eMCH', '0 / 2', '—', '—', '—', '0', '2'])
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: resolve(SHOTS, 'report.png') })

    const merge = page.getByTestId('duplicate-merge')
    await merge.getByRole('button', { name: /Gộp vào BN/ }).click()
    await page.getByRole('button', { name: 'Xác nhận gộp' }).click()
    await expect.poll(() => page.getByTestId('merge-note').textContent()).toContain('Đã gộp')
    const merges = app.services.db.prepare("SELECT actor FROM audit_log WHERE action = 'merge'").all()
    expect(merges).toEqual([{ actor: 'nv-officer' }])
    await page.getByRole('button', { name: 'Hoàn tác gộp' }).click()
    await expect.poll(() => page.getByTestId('merge-note').textContent()).toContain('Đã hoàn tác')
    const live = app.services.db.prepare('SELECT count(*) AS n FROM patients WHERE merged_into IS NULL').get()
    expect(live).toEqual({ n: 2 })
  })
})
