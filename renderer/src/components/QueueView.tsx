import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorValue } from '../../../contract/errors'
import {
  outboxStatuses,
  syncTargets,
  type FlushResultValue,
  type QueueItem,
  type QueueStatus
} from '../../../contract/status'
import { bridge } from '../bridge'
import type { PatientRecord } from '../../../contract/patient'
import { useMessageText } from '../i18n/format'

/** Rows a person must look at (refused, dead) and rows waiting to retry with the reason of their last try. */
async function fetchLists(): Promise<{ problems: QueueItem[]; waiting: QueueItem[] }> {
  const [failed, dead, pending] = await Promise.all([
    bridge.call('queue:list', { status: 'failed', limit: 200 }),
    bridge.call('queue:list', { status: 'dead', limit: 200 }),
    bridge.call('queue:list', { status: 'pending', limit: 50 })
  ])
  return {
    problems: [...(failed.ok ? failed.value : []), ...(dead.ok ? dead.value : [])],
    waiting: pending.ok ? pending.value.filter((i) => i.lastError) : []
  }
}

const formatTime = (iso: string | null | undefined): string | null =>
  iso ? new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' }) : null

/** Counts per target and status, the records that need a person (with the target's reason), send now and resend. */
export function QueueView({
  status,
  onChanged,
  onCorrect
}: {
  status: QueueStatus | null
  onChanged: () => void
  /** Opens a refused record in the form to be fixed and resent. */
  onCorrect: (record: PatientRecord) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const text = useMessageText()
  const [problems, setProblems] = useState<QueueItem[]>([])
  const [waiting, setWaiting] = useState<QueueItem[]>([])
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<FlushResultValue | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)

  const [reloads, setReloads] = useState(0)

  useEffect(() => {
    // Reload whenever the counts move (a flush ran, a record was saved) or a resend was asked for.
    let live = true
    void fetchLists().then((lists) => {
      if (!live) return
      setProblems(lists.problems)
      setWaiting(lists.waiting)
    })
    return () => {
      live = false
    }
  }, [status, reloads])

  const sendNow = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const r = await bridge.call('queue:flush', { target: null })
    setBusy(false)
    if (r.ok) setResult(r.value)
    else setError(r.error)
    onChanged()
  }

  const correct = async (patientId: string): Promise<void> => {
    const r = await bridge.call('patients:get', { id: patientId })
    if (r.ok) onCorrect(r.value)
    else setError(r.error)
  }

  const resend = async (ids: number[]): Promise<void> => {
    const r = await bridge.call('queue:retry', { ids })
    if (!r.ok) setError(r.error)
    onChanged()
    setReloads((n) => n + 1)
  }

  if (!status) return <section className="queue" />
  return (
    <section className="queue">
      <div className="queue-head">
        <h2>{t('queue.title')}</h2>
        <button type="button" className="primary" onClick={() => void sendNow()} disabled={busy}>
          {busy ? t('queue.sending') + '…' : t('queue.sendNow')}
        </button>
      </div>
      {result ? (
        <div className="banner ok" role="status" data-testid="flush-result">
          {t('queue.result', result)}
          {result.unconfigured.length > 0
            ? ` ${t('queue.unconfigured', { targets: result.unconfigured.join(', ') })}`
            : ''}
        </div>
      ) : null}
      {error ? (
        <div className="banner error" role="alert">
          {text(error)}
        </div>
      ) : null}
      <table className="results">
        <thead>
          <tr>
            <th>{t('queue.target')}</th>
            {outboxStatuses.map((s) => (
              <th key={s}>{t(`queue.${s}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {syncTargets.map((target) => (
            <tr key={target}>
              <td>{t(`queue.${target}`)}</td>
              {outboxStatuses.map((s) => (
                <td key={s} data-testid={`queue-${target}-${s}`}>
                  {status.byTarget[target][s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {t('queue.nextFlush')}: {formatTime(status.nextFlushAt) ?? t('queue.never')} · {t('queue.lastFlush')}:{' '}
        {status.lastFlush
          ? `${formatTime(status.lastFlush.at)} (${t('queue.result', { ...status.lastFlush, retrying: 0 })})`
          : t('queue.never')}
      </p>
      {status.bhytUnverified ? (
        <p className="banner warn" data-testid="queue-bhyt-unverified">
          {t('bhyt.queueUnverified', { count: status.bhytUnverified })}
        </p>
      ) : null}

      <div className="queue-head">
        <h3>{t('queue.problems')}</h3>
        {problems.length > 1 ? (
          <button type="button" onClick={() => void resend(problems.map((i) => i.id))}>
            {t('queue.resendAll', { count: problems.length })}
          </button>
        ) : null}
      </div>
      {problems.length === 0 ? (
        <p className="muted">{t('queue.noProblems')}</p>
      ) : (
        <table className="results" data-testid="queue-problems">
          <thead>
            <tr>
              <th>{t('queue.patient')}</th>
              <th>{t('queue.target')}</th>
              <th>{t('queue.status')}</th>
              <th>{t('queue.reason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {problems.map((i) => (
              <tr key={i.id}>
                <td>{i.patientName ?? '—'}</td>
                <td>{t(`queue.${i.target}`)}</td>
                <td>{t(`queue.${i.status}`)}</td>
                <td className="reason">
                  {i.lastError === null ? '—' : text({ ...i.lastErrorRef, message: i.lastError })}
                </td>
                <td>
                  {i.patientId ? (
                    <button type="button" onClick={() => void correct(i.patientId!)}>
                      {t('queue.correct')}
                    </button>
                  ) : null}{' '}
                  <button type="button" onClick={() => void resend([i.id])}>
                    {t('queue.resend')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {waiting.length > 0 ? (
        <>
          <h3>{t('queue.retrying')}</h3>
          <ul className="muted">
            {waiting.map((i) => (
              <li key={i.id}>
                {i.patientName ?? '—'} · {t(`queue.${i.target}`)} ·{' '}
                {i.lastError === null ? '' : text({ ...i.lastErrorRef, message: i.lastError })} ·{' '}
                {t('queue.nextAttempt', { at: formatTime(i.nextAttemptAt) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
