import { useTranslation } from 'react-i18next'
import { useMessageText } from '../../i18n/format'
import type { ReceptionAction, ReceptionState } from '../../form/reception-state'
import { labelKey } from './labels'

/** What the last card or scan brought: the record being edited, scan errors, conflicts and warnings. */
export function IntakeBanners({
  state,
  openedName,
  correcting,
  dispatch
}: {
  state: ReceptionState
  /** Name on the opened record, when the form edits one. */
  openedName: string | null
  correcting: boolean
  dispatch: (a: ReceptionAction) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const messageText = useMessageText()
  const { patientId, scanError, intakeNote, returning, conflicts, warnings } = state
  return (
    <>
      {state.tampered ? (
        <div className="banner tampered" role="alert" data-testid="tampered-chip">
          <strong>{t('desk.tamperedTitle')}</strong>
          {t('desk.tamperedBody')}
        </div>
      ) : null}
      {state.locked ? (
        <div className="banner info" role="status" data-testid="locked-note">
          {t('desk.lockedNote')}
        </div>
      ) : null}
      {patientId && openedName !== null ? (
        <div className="banner info" data-testid="editing-banner">
          {t(correcting ? 'form.correcting' : 'form.editing', { name: openedName })}
        </div>
      ) : null}
      {scanError ? (
        <div className="banner error" role="alert" data-testid="scan-error">
          <strong>{t('intake.scanError')}:</strong> {messageText(scanError)}
        </div>
      ) : null}
      {intakeNote ? (
        <div className="banner ok" role="status" data-testid="intake-note">
          {intakeNote}
        </div>
      ) : null}
      {returning ? (
        <div className="banner info" data-testid="returning-patient" data-source={returning.source}>
          {t(returning.source === 'his' ? 'his.returning' : 'intake.returning', { name: returning.fullName })}
          {returning.visitedTodayAt ? (
            <strong data-testid="visited-today">
              {' '}
              {t('desk.visitedToday', { time: returning.visitedTodayAt })}
            </strong>
          ) : null}
          {returning.changes.length > 0 ? (
            <ul>
              {returning.changes.map((c) => (
                <li key={c.field}>{messageText(c)}</li>
              ))}
            </ul>
          ) : (
            ` ${t('intake.noChanges')}`
          )}
        </div>
      ) : null}
      {conflicts.map((c) => (
        <div key={c.field} className="banner warn" role="alert" data-testid="field-conflict">
          {t('intake.conflict', { field: t(labelKey[c.field]), value: c.cardValue })}{' '}
          <button
            type="button"
            onClick={() => dispatch({ type: 'resolveConflict', conflict: c, useCard: true })}
          >
            {t('intake.useCard')}
          </button>{' '}
          <button
            type="button"
            onClick={() => dispatch({ type: 'resolveConflict', conflict: c, useCard: false })}
          >
            {t('intake.keepTyped')}
          </button>
        </div>
      ))}
      {warnings.map((w, i) => (
        <div
          key={`${w.code}-${i}`}
          className={`banner ${w.blocking ? 'error' : 'warn'}`}
          data-testid="reading-warning"
        >
          {messageText(w)}
        </div>
      ))}
    </>
  )
}
