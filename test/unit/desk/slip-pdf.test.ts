import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliJson } from '../../support/run-cli'
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { registration, tempDir, testServices } from '../../support/fixtures'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { renderSlipHtml } from '../../../core/desk/slip-html'
import type { Services } from '../../../core'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
const hasPdftotext = existsSync('/usr/bin/pdftotext')
if (!hasChromium || !hasPdftotext)
  console.warn('skipped: slip PDF tests need /usr/bin/chromium and pdftotext (poppler-utils)')

let services: Services
let dir: string
let cleanup: () => void
beforeEach(() => {
  ;({ dir, cleanup } = tempDir('reception-slip-'))
  services = testServices({
    dir,
    key: loadOrCreateKeyFile(dir),
    now: () => new Date(2026, 11, 2, 7, 45)
  }).services
})
afterEach(() => {
  services.close()
  cleanup()
})

const cli = (...args: string[]) => runCliJson<Record<string, unknown>>(dir, ...args)

describe.skipIf(!hasChromium || !hasPdftotext)('printed queue slip', () => {
  it('reception print slip renders the number, the name and the patient code to an owner-only PDF', async () => {
    const saved = services.register(registration())
    const { code: patientCode } = services.db
      .prepare('SELECT code FROM patients WHERE id = ?')
      .get(saved.patientId) as {
      code: string
    }
    services.close()
    const out = join(dir, 'slip.pdf')
    const r = await cli('print', 'slip', '--visit', saved.visitId, '--out', out, '--format', '80mm')
    expect(r.code).toBe(0)
    expect(r.out).toMatchObject({ number: 1 })
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' })
    expect(text).toContain('001')
    expect(text).toContain('Nguyễn Thị Hồng Nhung')
    expect(text).toContain(patientCode)
    // A second print of the same visit keeps its number.
    expect((await cli('print', 'slip', '--visit', saved.visitId, '--out', out)).out).toMatchObject({
      number: 1
    })
  })

  it("the slip's QR decodes to the patient code (MA_BN)", async () => {
    const html = renderSlipHtml(
      {
        facilityName: 'Trạm Y tế Phường Hồng Hải',
        ticket: {
          visitId: 'v1',
          day: '2026-12-02',
          queue: 'P101',
          number: 12,
          priority: 'aged-75',
          issuedAt: '2026-12-02T07:45:00+07:00'
        },
        queueName: 'Phòng khám 101',
        patientName: 'Nguyễn Văn Ánh',
        patientCode: 'BN2026000123',
        visitedAt: '2026-12-02T07:45:00+07:00'
      },
      '58mm'
    )
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
    try {
      const page = await browser.newPage()
      await page.setContent(html)
      await page.addScriptTag({ path: resolve(__dirname, '../../../node_modules/jsqr/dist/jsQR.js') })
      expect(await page.textContent('[data-testid=slip-number]')).toBe('UT-012')
      const decoded = await page.evaluate(async () => {
        const svg = document.querySelector('.qr svg')!
        const img = new Image()
        img.src = 'data:image/svg+xml;base64,' + btoa(new XMLSerializer().serializeToString(svg))
        await img.decode()
        const canvas = document.createElement('canvas')
        canvas.width = 400
        canvas.height = 400
        const g = canvas.getContext('2d')!
        g.drawImage(img, 0, 0, 400, 400)
        const data = g.getImageData(0, 0, 400, 400)
        const jsQR = (
          window as unknown as {
            jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null
          }
        ).jsQR
        return jsQR(data.data, 400, 400)?.data ?? null
      })
      expect(decoded).toBe('BN2026000123')
    } finally {
      await browser.close()
    }
  })
})
