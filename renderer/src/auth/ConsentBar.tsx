import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { bridge } from '../bridge'

type ConsentState = { kind: 'none' } | { kind: 'given'; notice: string } | { kind: 'error'; message: string }

/**
 * The chip is read only after the clerk confirms the patient agreed (Luật Căn cước 2023 Đ22): one key, F2. The
 * core records it with the notice version and opens the reader for one read; the bar says so until the read ends.
 */
export function ConsentBar(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [state, setState] = useState<ConsentState>({ kind: 'none' })
  const give = useCallback(() => {
    void bridge.call('consent:chip', {}).then((r) => {
      if (r.ok) setState({ kind: 'given', notice: r.value.noticeVersion })
      else setState({ kind: 'error', message: i18n.language === 'en' ? r.error.messageEn : r.error.message })
    })
  }, [i18n.language])
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'F2') {
        e.preventDefault()
        give()
      }
    }
    window.addEventListener('keydown', onKey)
    const off = bridge.on('card:event', (e) => {
      if (e.type === 'done' || e.type === 'removed') setState({ kind: 'none' })
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      off()
    }
  }, [give])
  return (
    <div className={`consent-bar ${state.kind}`} data-testid="consent-bar">
      {state.kind === 'given' ? (
        <span>{t('consent.given', { notice: state.notice })}</span>
      ) : (
        <>
          <button type="button" onClick={give}>
            {t('consent.ask')}
          </button>
          <span className="consent-hint">{t('consent.hint')}</span>
          {state.kind === 'error' && <span role="alert">{state.message}</span>}
        </>
      )}
    </div>
  )
}
