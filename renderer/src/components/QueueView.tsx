import { useTranslation } from 'react-i18next'
import { outboxStatuses, syncTargets, type QueueStatus } from '../../../electron/contract/status'

/** Counts per target and status; the worker and resend controls arrive with the sync queue. */
export function QueueView({ status }: { status: QueueStatus | null }): React.JSX.Element {
  const { t } = useTranslation()
  if (!status) return <section className="queue" />
  return (
    <section className="queue">
      <h2>{t('queue.title')}</h2>
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
      <p>
        {t('queue.nextFlush')}: {status.nextFlushAt ?? t('queue.never')} · {t('queue.lastFlush')}:{' '}
        {status.lastFlush ? status.lastFlush.at : t('queue.never')}
      </p>
    </section>
  )
}
