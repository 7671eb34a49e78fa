import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { slipFormats, type SlipFormat } from '../../core/desk/slip-html'
import { slipForVisit } from '../../core/desk/slip-for-visit'
import { openSyncConfig } from '../../core/sync/config/open-config'
import type { Command } from '../context'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** The page is handed to Chromium in memory (setContent): no temp file and no command line carries the name. */
async function htmlToPdf(html: string, format: SlipFormat): Promise<Buffer> {
  if (!existsSync(CHROMIUM)) throw AppError.of('INTERNAL', 'error.PDF_RENDERER_MISSING', { path: CHROMIUM })
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      ...(format === 'a5' ? { format: 'A5' } : {})
    })
  } finally {
    await browser.close()
  }
}

/** reception print slip --visit ID --out slip.pdf [--format 58mm|80mm|a5] — the queue slip the desk prints. */
export const print: Command = async (ctx, args) => {
  const [what, ...rest] = args
  if (what !== 'slip')
    throw AppError.of('VALIDATION', 'error.cli.usage', {
      usage: 'reception print slip --visit ID --out FILE'
    })
  const { values } = parseArgs({
    args: rest,
    options: {
      visit: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string', default: '80mm' }
    },
    strict: true
  })
  const format = values.format as SlipFormat
  if (!values.visit || !values.out || !slipFormats.includes(format)) {
    throw AppError.of('VALIDATION', 'error.cli.usage', {
      usage: 'reception print slip --visit ID --out FILE [--format 58mm|80mm|a5]'
    })
  }
  const services = ctx.services()
  const facilityName = openSyncConfig(services).get('facility.name').value
  const { html, ticket } = slipForVisit(
    { db: services.db, clock: services.clock },
    {
      visitId: values.visit,
      facilityName: typeof facilityName === 'string' ? facilityName : null,
      format
    }
  )
  const pdf = await htmlToPdf(html, format)
  // The slip carries a name: owner-only, like every file the app writes.
  writeFileSync(values.out, pdf, { mode: 0o600 })
  chmodSync(values.out, 0o600)
  ctx.out.result({
    visitId: values.visit,
    number: ticket.number,
    priority: ticket.priority,
    out: values.out,
    bytes: pdf.length
  })
}
