import { useTranslation } from 'react-i18next'
import type { QualityReportValue } from '../../../../contract/report'

const dash = (n: number | null): string => (n === null ? '—' : String(n))
const targetName = { his: 'HIS', emch: 'eMCH' } as const

/** "Sống": per day and receiver, how long the visits took to be confirmed received. */
export function TimelinessTable({ rows }: { rows: QualityReportValue['timeliness'] }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <table className="results wide" data-testid="report-timeliness">
      <caption>{t('report.timeliness')}</caption>
      <thead>
        <tr>
          <th>{t('report.day')}</th>
          <th>{t('report.target')}</th>
          <th>{t('report.received')}</th>
          <th>{t('report.median')}</th>
          <th>{t('report.p90')}</th>
          <th>{t('report.max')}</th>
          <th>{t('report.late')}</th>
          <th>{t('report.notReceived')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.day}:${r.target}`}>
            <td>{r.day.split('-').reverse().join('/')}</td>
            <td>{targetName[r.target]}</td>
            <td>
              {r.received} / {r.queued}
            </td>
            <td>{dash(r.medianMinutes)}</td>
            <td>{dash(r.p90Minutes)}</td>
            <td>{dash(r.maxMinutes)}</td>
            <td>{r.lateOver24h}</td>
            <td>{r.notReceived}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
