import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorValue } from '../../../contract/errors'
import type { QualityReportValue } from '../../../contract/report'
import { bridge } from '../bridge'
import { useMessageText } from '../i18n/format'
import { TimelinessTable } from './report/TimelinessTable'
import { DuplicateMerge } from './records/DuplicateMerge'

const isoDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

/** "Đúng – Đủ – Sạch – Sống": the data-quality report for a date range, and its spreadsheet for the province. */
export function ReportView({ canMerge = false }: { canMerge?: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const text = useMessageText()
  const today = new Date()
  const [from, setFrom] = useState(isoDay(new Date(today.getFullYear(), today.getMonth(), 1)))
  const [to, setTo] = useState(isoDay(today))
  const [report, setReport] = useState<QualityReportValue | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)

  const run = async (): Promise<void> => {
    const r = await bridge.call('report:quality', { from, to })
    if (r.ok) {
      setReport(r.value)
      setError(null)
    } else setError(r.error)
  }

  const download = async (detailed: boolean): Promise<void> => {
    const r = await bridge.call('report:xlsx', { from, to, detailed })
    if (!r.ok) return setError(r.error)
    const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0))
    const url = URL.createObjectURL(
      new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    )
    const a = document.createElement('a')
    a.href = url
    a.download = r.value.fileName
    a.click()
    URL.revokeObjectURL(url)
  }

  return (
    <section className="report">
      <h2>{t('report.title')}</h2>
      <div className="search-bar">
        <label>
          {t('report.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('report.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" className="primary" onClick={() => void run()}>
          {t('report.run')}
        </button>
        {report ? (
          <>
            <button type="button" onClick={() => void download(false)}>
              {t('report.xlsxAggregate')}
            </button>
            <button type="button" onClick={() => void download(true)}>
              {t('report.xlsxDetailed')}
            </button>
          </>
        ) : null}
      </div>
      {report ? <p className="muted">{t('report.xlsxAggregateNote')}</p> : null}
      {error ? (
        <div className="banner error" role="alert">
          {text(error)}
        </div>
      ) : null}
      {report ? (
        <div className="report-grid" data-testid="quality-report">
          <table className="results">
            <tbody>
              <tr>
                <th>{t('report.facility')}</th>
                <td data-testid="report-facility">
                  {report.facility.code ? (
                    `${report.facility.code} — ${report.facility.name ?? ''}`
                  ) : (
                    <span className="warn">{t('report.noFacility')}</span>
                  )}
                </td>
              </tr>
              <tr>
                <th>{t('report.visits')}</th>
                <td data-testid="report-visits">{report.visits}</td>
              </tr>
              <tr>
                <th>{t('report.perPatient')}</th>
                <td>
                  {t('report.perPatientValue', {
                    patients: report.perPatient.patients,
                    once: report.perPatient.seenOnce,
                    several: report.perPatient.seenSeveral,
                    invalid: report.perPatient.withInvalid
                  })}
                </td>
              </tr>
              <tr>
                <th>{t('report.bySource')}</th>
                <td>
                  Chip {report.visitsBySource.chip} · QR {report.visitsBySource.qr} · {t('report.manual')}{' '}
                  {report.visitsBySource.manual}
                </td>
              </tr>
              <tr>
                <th>{t('report.chipVerified')}</th>
                <td>
                  {report.chipVerification.valid} /{' '}
                  {report.chipVerification.valid +
                    report.chipVerification.invalid +
                    report.chipVerification.unchecked}
                </td>
              </tr>
              <tr>
                <th>{t('report.codedAddresses')}</th>
                <td>
                  {report.codedAddresses.coded} / {report.codedAddresses.total} (
                  {report.codedAddresses.percent}%)
                </td>
              </tr>
              <tr>
                <th>{t('report.duplicates')}</th>
                <td>{report.duplicates.length}</td>
              </tr>
              <tr>
                <th>{t('report.sync')}</th>
                <td>
                  {t('queue.sent')} {report.sync.sent} · {t('queue.pending')} {report.sync.pending} ·{' '}
                  {t('queue.failed')} {report.sync.failed + report.sync.dead}
                </td>
              </tr>
            </tbody>
          </table>
          <table className="results">
            <thead>
              <tr>
                <th>{t('report.field')}</th>
                <th>{t('report.complete')}</th>
              </tr>
            </thead>
            <tbody>
              {report.completeness.map((c) => (
                <tr key={c.field}>
                  <td>{c.label}</td>
                  <td>
                    {c.filled} / {c.total} ({c.percent}%)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TimelinessTable rows={report.timeliness} />
          {canMerge ? <DuplicateMerge groups={report.duplicates} onChanged={() => void run()} /> : null}
          {report.invalid.length > 0 ? (
            <table className="results wide">
              <thead>
                <tr>
                  <th>{t('queue.patient')}</th>
                  <th>{t('queue.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.invalid.map((r) => (
                  <tr key={r.visitId}>
                    <td>{r.fullName}</td>
                    <td className="reason">
                      {r.reasons.map((message, i) => text({ ...r.reasonRefs?.[i], message })).join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
