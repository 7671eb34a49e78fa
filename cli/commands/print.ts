import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { issueQueueNumber } from '../../core/desk/queue-numbers'
import { renderSlipHtml, slipFormats, type SlipFormat } from '../../core/desk/slip-html'
import { slipRow, ticketForVisit } from '../../db/queue-tickets'
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
  const row = slipRow(services.db, values.visit)
  if (!row) throw AppError.of('NOT_FOUND', 'error.VISIT_NOT_FOUND', { visitId: values.visit })
  const queue = row.department ?? row.serviceType
  const ticket =
    ticketForVisit(services.db, row.visitId) ??
    issueQueueNumber(
      { db: services.db, clock: services.clock },
      { visitId: row.visitId, queue, priority: null }
    )
  const facilityName = openSyncConfig(services).get('facility.name').value
  const html = renderSlipHtml(
    {
      facilityName: typeof facilityName === 'string' ? facilityName : null,
      ticket,
      queueName: queue,
      patientName: row.patientName,
      patientCode: row.patientCode,
      visitedAt: row.visitedAt
    },
    format
  )
  const pdf = await htmlToPdf(html, format)
  // The slip carries a name: owner-only, like every file the app writes.
  writeFileSync(values.out, pdf, { mode: 0o600 })
  chmodSync(values.out, 0o600)
  ctx.out.result({
    visitId: row.visitId,
    number: ticket.number,
    priority: ticket.priority,
    out: values.out,
    bytes: pdf.length
  })
}
