import { useTranslation } from 'react-i18next'
import type { CardState } from '../form/card-state'
import { useMessageText } from '../i18n/format'

export { idleCard, type CardState } from '../form/card-state'

/** Photo, read progress and the chip's verification verdict, beside the form. */
export function CardPanel({ card }: { card: CardState }): React.JSX.Element | null {
  const { t } = useTranslation()
  const text = useMessageText()
  if (!card.reading && !card.photo && !card.verification && !card.error) return null
  const v = card.verification
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
      {v ? (
        <div
          className={`banner ${v.status === 'valid' ? 'ok' : v.status === 'invalid' ? 'error' : 'info'}`}
          data-testid="card-verification"
        >
          {t(`card.pa.${v.status}`)}
          {v.status !== 'invalid' ? ` · ${t(`card.chain.${v.chain}`)}` : ''}
        </div>
      ) : null}
      {card.error ? (
        <div className="banner error" role="alert" data-testid="card-error">
          {text(card.error)}
        </div>
      ) : null}
    </aside>
  )
}
