import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorValue } from '../../../contract/errors'
import { trustOf, type CardState } from '../form/card-state'
import { useMessageText } from '../i18n/format'

export { idleCard, trustOf, type CardState } from '../form/card-state'

/**
 * A card lies on the reader and nothing opens it (no keys yet, or the last QR's keys were refused): card-only
 * desks type the CAN or the whole ID number.
 */
export function needsKeys(error: AppErrorValue | null): boolean {
  const reason = (error?.details as { reason?: string } | undefined)?.reason
  return reason === 'no-keys' || reason === 'key-refused' || reason === 'no-pace'
}

function CanField({ onCan }: { onCan: (can: string) => void }): React.JSX.Element {
  const { t } = useTranslation()
  const [value, setValue] = useState('')
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.focus(), [])
  const digits = value.replace(/\D/g, '')
  const ready = digits.length === 6 || digits.length === 12
  const submit = (): void => {
    if (ready) onCan(digits.slice(-6))
  }
  // Not a <form>: the panel sits inside the reception form, whose submit would register the patient.
  return (
    <div className="can-field">
      <label>
        {t('card.canLabel')}
        <input
          ref={input}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault()
            e.stopPropagation()
            submit()
          }}
          data-testid="card-can"
        />
      </label>
      <button type="button" disabled={!ready} onClick={submit}>
        {t('card.canOpen')}
      </button>
    </div>
  )
}

/** Photo, read progress and the chip's verdict (trust mark, anti-clone check), beside the form. */
export function CardPanel({
  card,
  onCan
}: {
  card: CardState
  onCan?: (can: string) => void
}): React.JSX.Element | null {
  const { t } = useTranslation()
  const text = useMessageText()
  if (!card.reading && !card.photo && !card.verification && !card.error) return null
  const v = card.verification
  const trust = v ? trustOf(v) : null
  const clone = v?.activeAuthentication?.status === 'invalid' || v?.chipAuthentication?.status === 'invalid'
  return (
    <aside className="card-panel" aria-label={t('card.title')}>
      {card.photo ? (
        <img className="photo" src={card.photo} alt={t('card.photo')} data-testid="card-photo" />
      ) : (
        <div className="photo placeholder">{card.reading ? t('card.photoLoading') : ''}</div>
      )}
      {card.reading ? (
        <div className="progress" data-testid="card-progress">
          <div>{t(`card.step.${card.step ?? 'connect'}`)}</div>
          <progress max={100} value={card.percent} />
        </div>
      ) : null}
      {clone ? (
        // As loud as altered data: the chip is not the one the data was signed for.
        <div className="banner error" role="alert" data-testid="card-clone">
          {t('card.clone')}
        </div>
      ) : null}
      {v && trust ? (
        <div
          className={`banner ${trust === 'verified' ? 'ok' : trust === 'altered' ? 'error' : 'info'}`}
          role={trust === 'altered' ? 'alert' : undefined}
          data-testid="card-verification"
        >
          <strong>{t(`card.mark.${trust}`)}</strong> {t(`card.trust.${trust}`)}
          {v.activeAuthentication?.status === 'valid' ? ` · ${t('card.aaValid')}` : ''}
          {v.newSignerIssuer ? <div data-testid="card-new-issuer">{t('card.newIssuer')}</div> : null}
        </div>
      ) : null}
      {card.error ? (
        <div className="banner error" role="alert" data-testid="card-error">
          {text(card.error)}
        </div>
      ) : null}
      {needsKeys(card.error) && onCan ? <CanField onCan={onCan} /> : null}
    </aside>
  )
}
