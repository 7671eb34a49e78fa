import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ticketLabel, type QueueTicket } from '../../../../contract/desk'
import { useMessageText } from '../../i18n/format'
import { printSlip } from '../../desk/print-slip'

/** What the desk shows after a save: the visit's queue number, big, and the slip print button (F8). */
export interface SavedVisit {
  visitId: string
  ticket: QueueTicket
  /** The room or service the number is for, as the clerk reads it. */
  queueName: string
}

export function SavedTicket({ saved }: { saved: SavedVisit }): React.JSX.Element {
  const { t } = useTranslation()
  const messageText = useMessageText()
  const [printing, setPrinting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { ticket } = saved
  const box = useRef<HTMLDivElement>(null)
  // The number is what the clerk reads out: bring it into view when it appears.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'center' })
  }, [saved])

  const print = useCallback(async (): Promise<void> => {
    setPrinting(true)
    setError(null)
    const r = await printSlip(saved.visitId)
    setPrinting(false)
    if (!r.ok) setError(t('visit.printFailed', { reason: messageText(r.error) }))
  }, [saved.visitId, t, messageText])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'F8') return
      e.preventDefault()
      void print()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [print])

  const priority = ticket.priority
    ? t('visit.ticketPriority', {
        label: messageText({
          key: `slip.priority.${ticket.priority}`,
          message: ticket.priority
        }).toLowerCase()
      })
    : null
  return (
    <div className="saved-ticket" role="status" data-testid="saved-ticket" ref={box}>
      <div className="saved-ticket-number" data-testid="ticket-number">
        {t('visit.ticket', { label: ticketLabel(ticket), queue: saved.queueName })}
        {priority ? `, ${priority}` : ''}
      </div>
      <button type="button" onClick={() => void print()} disabled={printing} aria-keyshortcuts="F8">
        {printing ? t('visit.printing') : t('visit.print')}
      </button>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  )
}
