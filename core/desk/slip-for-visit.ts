import type { QueueTicket } from '../../contract/desk'
import { AppError } from '../../contract/errors'
import { formatMessage, type Lang, type MessageKey } from '../../contract/messages'
import type { Db } from '../../db/db-type'
import { slipRow, ticketForVisit } from '../../db/queue-tickets'
import type { Clock } from '../clock'
import { issueQueueNumber } from './queue-numbers'
import { renderSlipHtml, type SlipFormat } from './slip-html'

/**
 * The slip page of a saved visit, for the screen's print button (desk:slip) and `reception print slip`. A visit
 * saved before numbers were issued at registration gets its number now, without priority.
 */
export function slipForVisit(
  deps: { db: Db; clock: Clock },
  v: { visitId: string; facilityName: string | null; format: SlipFormat; lang?: Lang }
): { html: string; ticket: QueueTicket } {
  const row = slipRow(deps.db, v.visitId)
  if (!row) throw AppError.of('NOT_FOUND', 'error.VISIT_NOT_FOUND', { visitId: v.visitId })
  const lang = v.lang ?? 'vi'
  const ticket =
    ticketForVisit(deps.db, row.visitId) ??
    issueQueueNumber(deps, { visitId: row.visitId, queue: row.department ?? row.serviceType, priority: null })
  const service = formatMessage(lang, `visit.service.${row.serviceType}` as MessageKey)
  const html = renderSlipHtml(
    {
      facilityName: v.facilityName,
      ticket,
      queueName: row.department ? `${row.department} — ${service}` : service,
      patientName: row.patientName,
      patientCode: row.patientCode,
      visitedAt: row.visitedAt
    },
    v.format,
    lang
  )
  return { html, ticket }
}
