import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus } from '../../../../contract/status'
import { intakeBus } from '../../intake/bus'
import { useMessageText } from '../../i18n/format'

const readerOk = new Set<AppStatus['reader']['state']>(['ready', 'card-present', 'reading'])

/**
 * The empty reception screen's first line: what to do ("scan the QR or lay the card"), with the reader and scanner
 * state as the status bar knows it, so a clerk sees at once whether the card can be read here.
 */
export function StartPrompt({ status }: { status: AppStatus | null }): React.JSX.Element {
  const { t } = useTranslation()
  const text = useMessageText()
  const reader = status?.reader ?? null
  const scanner = status?.scanner ?? null
  return (
    <section className="start-prompt" data-testid="start-prompt" aria-live="polite">
      <p className="start-prompt-title">{t('start.prompt')}</p>
      <p className="muted">{t('start.promptHint')}</p>
      <ul className="start-prompt-devices">
        <li
          className={reader && readerOk.has(reader.state) ? 'tone-ok' : 'tone-off'}
          data-testid="start-reader"
        >
          {t('start.reader')}: {reader ? text(reader) : '…'}
        </li>
        <li className={scanner?.state === 'error' ? 'tone-bad' : 'tone-ok'} data-testid="start-scanner">
          {t('start.scanner')}: {scanner ? text(scanner) : '…'}
        </li>
      </ul>
    </section>
  )
}

/**
 * Whether the screen is still "empty": true until a QR or card fills the form, true again after `reset` (a save,
 * "Nhập mới"). The form owns its state; this only listens to the same intake bus it does.
 */
export function useStartPromptVisible(): { visible: boolean; reset: () => void } {
  const [visible, setVisible] = useState(true)
  useEffect(
    () =>
      intakeBus.subscribe((m) => {
        if (m.kind === 'qr' || (m.kind === 'card' && m.event.type === 'identity')) setVisible(false)
      }),
    []
  )
  return { visible, reset: () => setVisible(true) }
}
