import QRCode from 'qrcode'
import { ticketLabel, type QueueTicket, type SlipFormat } from '../../contract/desk'
import { formatMessage, type Lang, type MessageKey } from '../../contract/messages'

/**
 * The queue slip (docs/desk-duties.md §4): number, room or service, time, patient name and a QR of the patient
 * code (MA_BN) the room scans. One HTML page sized for 58 mm and 80 mm receipt printers or A5; Electron prints it,
 * browser mode uses the same page with its print stylesheet, and the CLI renders it to PDF.
 */
export { slipFormats, type SlipFormat } from '../../contract/desk'

export interface SlipData {
  facilityName: string | null
  ticket: QueueTicket
  /** What the room or service is called on the slip. */
  queueName: string
  patientName: string
  patientCode: string
  /** Local time the visit was registered, ISO with offset. */
  visitedAt: string
}

const PAGE: Record<SlipFormat, { size: string; width: string; font: number; number: number; qr: number }> = {
  '58mm': { size: '58mm 100mm', width: '50mm', font: 10, number: 34, qr: 28 },
  '80mm': { size: '80mm 120mm', width: '72mm', font: 12, number: 44, qr: 34 },
  a5: { size: 'A5', width: '128mm', font: 16, number: 72, qr: 50 }
}

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The QR as an SVG path: no image file, no network, crisp at any printer resolution. */
export function qrSvg(text: string, sizeMm: number): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = modules.size
  const quiet = 2
  let path = ''
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) if (modules.get(x, y)) path += `M${x + quiet} ${y + quiet}h1v1h-1z`
  }
  const dim = n + quiet * 2
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${dim} ${dim}" width="${sizeMm}mm" height="${sizeMm}mm" ` +
    `shape-rendering="crispEdges" role="img" aria-label="${escape(text)}"><rect width="100%" height="100%" fill="#fff"/>` +
    `<path d="${path}" fill="#000"/></svg>`
  )
}

function time(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)
  return m ? `${m[4]}:${m[5]} ${m[3]}/${m[2]}/${m[1]}` : iso
}

export function renderSlipHtml(slip: SlipData, format: SlipFormat, lang: Lang = 'vi'): string {
  const p = PAGE[format]
  const t = (key: MessageKey, params?: Record<string, string>) => escape(formatMessage(lang, key, params))
  const priority = slip.ticket.priority
    ? `<div class="priority">${t('slip.priority')}: ${t(`slip.priority.${slip.ticket.priority}` as MessageKey)}</div>`
    : ''
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${t('slip.title')} ${escape(ticketLabel(slip.ticket))}</title>
<style>
@page { size: ${p.size}; margin: 3mm; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: ${p.font}pt; width: ${p.width}; color: #000; }
.facility { font-weight: bold; text-align: center; }
.title { text-align: center; margin-top: 1mm; }
.number { font-size: ${p.number}pt; font-weight: bold; text-align: center; line-height: 1.1; }
.priority { text-align: center; font-weight: bold; border: 1px solid #000; padding: 0.5mm; }
.queue, .time, .name, .code { text-align: center; margin-top: 1mm; }
.name { font-weight: bold; }
.qr { text-align: center; margin-top: 2mm; }
</style></head>
<body>
${slip.facilityName ? `<div class="facility">${escape(slip.facilityName)}</div>` : ''}
<div class="title">${t('slip.title')}</div>
<div class="number" data-testid="slip-number">${escape(ticketLabel(slip.ticket))}</div>
${priority}
<div class="queue">${escape(slip.queueName)}</div>
<div class="time">${t('slip.time')}: ${escape(time(slip.visitedAt))}</div>
<div class="name">${escape(slip.patientName)}</div>
<div class="code">${t('slip.patientCode')}: ${escape(slip.patientCode)}</div>
<div class="qr">${qrSvg(slip.patientCode, p.qr)}</div>
</body></html>
`
}
