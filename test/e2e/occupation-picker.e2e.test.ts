import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium } from './browser'
import { rendererBuilt, startWebApp } from './web-app'
import { parseOccupationsImport } from '../../core/coding/importer/occupations-import'
import { occupations } from '../../core/coding/catalog/occupation'
import { storeImportedOccupations } from '../../core/catalogs/stored-catalog'
import { registration } from '../support/fixtures'

const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')
// Made-up test rows (9000x), not the official QĐ 34/2020/QĐ-TTg list.
const SAMPLE = resolve(__dirname, '../fixtures/occupations-sample.csv')

/**
 * The occupation picker with an imported list: the code this desk uses most comes first, a name typed without accents
 * finds it, ↓ and Enter take the code.
 */
describe.skipIf(!(chromiumAvailable && rendererBuilt))('the occupation picker', () => {
  let app: Awaited<ReturnType<typeof startWebApp>>
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    app = await startWebApp()
    const list = parseOccupationsImport(readFileSync(SAMPLE, 'utf8'), 'csv', occupations).list
    storeImportedOccupations(app.services.db, list, new Date().toISOString())
    expect(app.services.catalog.occupations.entries).toHaveLength(4)
    app.services.register(registration({}, { idNumber: '022090001111', occupationCode: '90002' }))
    app.services.register(registration({}, { idNumber: '022090002222', occupationCode: '90002' }))
    ;({ context, page } = await launchChromium())
    await page.setViewportSize({ width: 1366, height: 768 })
    await app.openSignedIn(page)
    await page.getByLabel('Họ và tên').waitFor()
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    await app?.stop()
  })

  it('lists the most used first, searches names without accents, and Enter takes the code', async () => {
    const box = page.locator('#f-occupationCode')
    await box.focus()
    await page.keyboard.type('nghe thu')
    const options = page.getByTestId('occupation-options').getByRole('option')
    await expect.poll(() => options.count()).toBe(3)
    expect(await options.first().textContent()).toContain('90002')
    expect(await box.getAttribute('aria-expanded')).toBe('true')
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: resolve(SCREENSHOTS, 'occupation-picker.png') })
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    // Second in the list: the unused ones follow by name ("… ba" before "… một").
    await expect.poll(() => box.inputValue()).toBe('90003')
    const picked = await box.inputValue()
    expect(await page.getByTestId('occupation-name').textContent()).toContain('Nghề thử nghiệm ba')

    // Esc gives back the code; digits still go straight in.
    await page.keyboard.type('x')
    await page.keyboard.press('Escape')
    expect(await box.inputValue()).toBe(picked)
    await box.fill('')
    await page.keyboard.type('00000')
    await expect
      .poll(() => page.getByTestId('occupation-name').textContent())
      .toContain('Không có nghề nghiệp')
  })
})
