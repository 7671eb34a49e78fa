import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus } from '../../../contract/status'
import { useMessageText } from '../i18n/format'
import { bridge } from '../bridge'

const readerTone: Record<AppStatus['reader']['state'], string> = {
  unavailable: 'off',
  'no-reader': 'off',
  ready: 'ok',
  'card-present': 'ok',
  reading: 'busy',
  error: 'bad'
}

/** IT's 'copy diagnostics': to the clipboard, or shown to copy by hand where the clipboard is refused. */
function CopyDiagnostics(): React.JSX.Element {
  const { t } = useTranslation()
  const [note, setNote] = useState<string | null>(null)
  const [manual, setManual] = useState<string | null>(null)
  const copy = async (): Promise<void> => {
    const r = await bridge.call('app:diagnostics', {})
    if (!r.ok) return setNote(r.error.message)
    try {
      await navigator.clipboard.writeText(r.value.text)
      setManual(null)
      setNote(t('status.diagnosticsCopied'))
    } catch {
      setManual(r.value.text)
      setNote(t('status.diagnosticsManual'))
    }
  }
  return (
    <span className="status-tools">
      <button type="button" data-testid="copy-diagnostics" onClick={() => void copy()}>
        {t('status.copyDiagnostics')}
      </button>
      {note ? <span data-testid="diagnostics-note"> {note}</span> : null}
      {manual ? (
        <textarea
          readOnly
          data-testid="diagnostics-text"
          value={manual}
          rows={8}
          cols={80}
          onFocus={(e) => e.target.select()}
        />
      ) : null}
    </span>
  )
}

/** Reader, scanner and queue, each saying honestly what is known. */
export function StatusBar({ status }: { status: AppStatus | null }): React.JSX.Element {
  const { t } = useTranslation()
  const text = useMessageText()
  if (!status) return <footer className="status-bar" role="status" />
  const q = status.queue
  return (
    <footer className="status-bar" role="status">
      <span
        className={`status-item tone-${readerTone[status.reader.state]}`}
        data-testid="status-reader"
        title={text(status.reader)}
      >
        {text(status.reader)}
      </span>
      <span
        className={`status-item tone-${status.scanner.state === 'error' ? 'bad' : 'ok'}`}
        data-testid="status-scanner"
        title={text(status.scanner)}
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
      <CopyDiagnostics />
    </footer>
  )
}
