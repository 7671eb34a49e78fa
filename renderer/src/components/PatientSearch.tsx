import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PatientRecord, PatientSummary } from '../../../contract/patient'
import type { AppErrorValue } from '../../../contract/errors'
import { bridge } from '../bridge'
import { formatDob } from '../form/form-state'
import { useMessageText } from '../i18n/format'

export function PatientSearch({ onOpen }: { onOpen: (record: PatientRecord) => void }): React.JSX.Element {
  const { t } = useTranslation()
  const text = useMessageText()
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<PatientSummary[] | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)

  const search = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (!query.trim()) return
    const r = await bridge.call('patients:search', { text: query, limit: 50 })
    if (r.ok) {
      setResults(r.value)
      setError(null)
    } else setError(r.error)
  }

  const open = async (id: string): Promise<void> => {
    const r = await bridge.call('patients:get', { id })
    if (r.ok) onOpen(r.value)
    else setError(r.error)
  }

  return (
    <section className="search">
      <form onSubmit={(e) => void search(e)} className="search-bar" role="search">
        <input
          type="search"
          aria-label={t('search.placeholder')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('search.button')}
        </button>
      </form>
      {error ? (
        <div className="banner error" role="alert">
          {text(error)}
        </div>
      ) : null}
      {results === null ? null : results.length === 0 ? (
        <p className="empty">{t('search.none')}</p>
      ) : (
        <>
          <p className="muted">{t('search.results', { count: results.length })}</p>
          <table className="results">
            <thead>
              <tr>
                <th>{t('search.colName')}</th>
                <th>{t('search.colDob')}</th>
                <th>{t('search.colId')}</th>
                <th>{t('search.colAddress')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {results.map((p) => (
                <tr key={p.id}>
                  <td>{p.fullName}</td>
                  <td>{formatDob(p.dateOfBirth)}</td>
                  <td>{p.idNumber ?? '—'}</td>
                  <td>{p.addressText}</td>
                  <td>
                    <button type="button" onClick={() => void open(p.id)}>
                      {t('search.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
