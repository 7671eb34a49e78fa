import { useTranslation } from 'react-i18next'
import type { AppStatus } from '../../../contract/status'
import { useMessageText } from '../i18n/format'

const readerTone: Record<AppStatus['reader']['state'], string> = {
  unavailable: 'off',
  'no-reader': 'off',
  ready: 'ok',
  'card-present': 'ok',
  reading: 'busy',
  error: 'bad'
}

/** Reader, scanner and queue, each saying honestly what is known. */
export function StatusBar({ status }: { status: AppStatus | null }): React.JSX.Element {
  const { t } = useTranslation()
  const text = useMessageText()
  if (!status) return <footer className="status-bar" role="status" />
  const q = status.queue
  return (
    <footer className="status-bar" role="status">
      <span className={`status-item tone-${readerTone[status.reader.state]}`} data-testid="status-reader">
        {text(status.reader)}
      </span>
      <span
        className={`status-item tone-${status.scanner.state === 'error' ? 'bad' : 'ok'}`}
        data-testid="status-scanner"
      >
        {text(status.scanner)}
      </span>
      <span
        className={`status-item tone-${q.total.failed + q.total.dead > 0 ? 'bad' : 'ok'}`}
        data-testid="status-queue"
      >
        {q.waiting > 0 ? t('status.queueWaiting', { count: q.waiting }) : t('status.queueEmpty')}
        {q.total.failed + q.total.dead > 0
          ? ` · ${t('status.queueFailed', { count: q.total.failed + q.total.dead })}`
          : ''}
      </span>
    </footer>
  )
}
