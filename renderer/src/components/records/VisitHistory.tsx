import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VisitHistoryEntryValue } from '../../../../contract/records'
import { bridge } from '../../bridge'

const when = (iso: string): string => {
  const [date, time] = [iso.slice(0, 10), iso.slice(11, 16)]
  return `${date.split('-').reverse().join('/')} ${time}`
}

/** The opened record's visits: date, service, department and where each HIS/eMCH submission stands. */
export function VisitHistory({ patientId }: { patientId: string }): React.JSX.Element {
  const { t } = useTranslation()
  const [visits, setVisits] = useState<VisitHistoryEntryValue[] | null>(null)
  useEffect(() => {
    let live = true
    void bridge.call('patients:visits', { patientId }).then((r) => {
      if (live) setVisits(r.ok ? r.value : [])
    })
    return () => {
      live = false
    }
  }, [patientId])
  if (visits === null) return <section className="record-tools" aria-busy="true" />
  return (
    <section className="record-tools" data-testid="visit-history">
      <h3>{t('records.history')}</h3>
      {visits.length === 0 ? (
        <p className="muted">{t('records.historyEmpty')}</p>
      ) : (
        <table className="results">
          <thead>
            <tr>
              <th>{t('records.colDate')}</th>
              <th>{t('records.colService')}</th>
              <th>{t('records.colDepartment')}</th>
              <th>{t('records.colSent')}</th>
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => (
              <tr key={v.id}>
                <td>{when(v.visitedAt)}</td>
                <td>{t(`visit.${v.serviceType}`, { defaultValue: v.serviceType })}</td>
                <td>{v.department ?? '—'}</td>
                <td>
                  {v.sends.length === 0
                    ? t('records.sentState.none')
                    : v.sends
                        .map(
                          (s) =>
                            `${s.target === 'his' ? 'HIS' : 'eMCH'}: ${t(`records.sentState.${s.status}`)}`
                        )
                        .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
