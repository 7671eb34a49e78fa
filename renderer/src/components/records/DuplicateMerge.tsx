import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppErrorValue } from '../../../../contract/errors'
import type { QualityReportValue } from '../../../../contract/report'
import { bridge } from '../../bridge'
import { formatDob } from '../../form/form-state'
import { useMessageText } from '../../i18n/format'

type Group = QualityReportValue['duplicates'][number]
type Member = Group['members'][number]

/** The record to keep: one with an ID number (the other takes nothing it could contradict), else the first. */
const keepOf = (g: Group): Member => g.members.find((m) => m.idNumber !== null) ?? g.members[0]!

const label = (m: Member): string => `${m.code} ${m.fullName}${m.idNumber ? ` (${m.idNumber})` : ''}`

/**
 * Merge for the people who answer for the data (IT, officer; docs/adr/0027): each group of possible duplicates
 * from the report, pick the record to keep, confirm, and undo if it was wrong. The core refuses two different ID
 * numbers and records every merge and undo in the access log.
 */
export function DuplicateMerge({
  groups,
  onChanged
}: {
  groups: readonly Group[]
  onChanged: () => void
}): React.JSX.Element | null {
  const { t } = useTranslation()
  const text = useMessageText()
  const [pending, setPending] = useState<{ keep: Member; other: Member } | null>(null)
  const [done, setDone] = useState<{ mergedId: string; visits: number } | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<AppErrorValue | null>(null)
  if (groups.length === 0 && !done) return null

  const merge = async (): Promise<void> => {
    if (!pending) return
    const r = await bridge.call('patients:merge', { keepId: pending.keep.id, mergeId: pending.other.id })
    setPending(null)
    if (!r.ok) return setError(r.error)
    setError(null)
    setDone({ mergedId: r.value.mergedId, visits: r.value.visitsMoved })
    setNote(t('records.merged', { visits: r.value.visitsMoved }))
    onChanged()
  }
  const undo = async (): Promise<void> => {
    if (!done) return
    const r = await bridge.call('patients:unmerge', { mergedId: done.mergedId })
    if (!r.ok) return setError(r.error)
    setDone(null)
    setNote(t('records.unmerged', { visits: r.value.visitsMoved }))
    onChanged()
  }

  return (
    <section className="record-tools" data-testid="duplicate-merge">
      <h3>{t('records.merge')}</h3>
      <p className="muted">{t('records.mergeHint')}</p>
      {error ? (
        <div className="banner error" role="alert">
          {text(error)}
        </div>
      ) : null}
      {note ? (
        <p role="status" data-testid="merge-note">
          {note}{' '}
          {done ? (
            <button type="button" onClick={() => void undo()}>
              {t('records.undo')}
            </button>
          ) : null}
        </p>
      ) : null}
      {pending ? (
        <div className="duplicate-prompt" role="alertdialog">
          {t('records.mergeConfirm', { other: label(pending.other), keep: label(pending.keep) })}{' '}
          <button type="button" className="primary" onClick={() => void merge()}>
            {t('records.mergeYes')}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {t('records.mergeCancel')}
          </button>
        </div>
      ) : null}
      {groups.map((g) => (
        <table className="results" key={`${g.fullName}:${g.dateOfBirth}`}>
          <caption>
            {g.fullName} · {formatDob(g.dateOfBirth)}
          </caption>
          <tbody>
            {g.members.map((m) => (
              <tr key={m.id}>
                <td>{label(m)}</td>
                <td>
                  {m.id === keepOf(g).id ? (
                    t('records.kept')
                  ) : (
                    <button type="button" onClick={() => setPending({ keep: keepOf(g), other: m })}>
                      {t('records.mergeInto', { code: keepOf(g).code })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  )
}
