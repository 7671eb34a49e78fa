import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { SaveAsk } from '../../form/reception-state'

/**
 * The one question before a save goes through (no commune, a second visit today, a tampered chip), in the
 * action bar where the clerk is looking. Escape answers no. The focus starts on the safe answer: "Không" for a
 * second visit today or a tampered chip (a double Enter must not confirm them), "Vẫn lưu" for a missing commune.
 */
export function SaveQuestion({
  ask,
  answer
}: {
  ask: SaveAsk
  answer: (yes: boolean) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const yes = useRef<HTMLButtonElement>(null)
  const no = useRef<HTMLButtonElement>(null)
  useEffect(() => (ask.kind === 'noCommune' ? yes : no).current?.focus(), [ask])
  const text =
    ask.kind === 'sameDay'
      ? t('desk.askSameDay', { time: ask.time })
      : ask.kind === 'tamperedChip'
        ? t('desk.askTamperedChip')
        : t('desk.askNoCommune')
  return (
    <div
      className={`banner ${ask.kind === 'tamperedChip' ? 'error' : 'warn'} save-question`}
      role="alertdialog"
      aria-label={text}
      data-testid="save-question"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          answer(false)
        }
      }}
    >
      <span>{text}</span>{' '}
      <button type="button" ref={yes} className="primary" onClick={() => answer(true)}>
        {t(ask.kind === 'noCommune' ? 'desk.saveAnyway' : 'desk.confirmYes')}
      </button>{' '}
      <button type="button" ref={no} onClick={() => answer(false)}>
        {t('desk.confirmNo')}
      </button>
    </div>
  )
}
