import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PatientRecord } from '../../../../contract/patient'
import type { PossibleDuplicateValue } from '../../../../contract/records'
import { bridge } from '../../bridge'
import { formatDob, parseDob, type FormState } from '../../form/form-state'
import { useOpenRecord } from './open-record'

/** The few form values the duplicate check reads. */
export type DuplicateQuery = Pick<FormState, 'fullName' | 'dob' | 'phone' | 'idNumber'>

/** What goes to patients:possibleDuplicates, or null while there is not enough to look for a twin. */
export function duplicateCheckInput(
  form: DuplicateQuery,
  today = new Date()
): { fullName: string; dateOfBirth: string; phone: string | null; idNumber: string | null } | null {
  const dob = form.dob.trim() === '' ? null : parseDob(form.dob, today)
  const dateOfBirth = dob && 'iso' in dob ? dob.iso : ''
  const phone = form.phone.replace(/\s+/g, '') || null
  const id = form.idNumber.replace(/\s+/g, '')
  const hasName = form.fullName.trim().split(/\s+/).length >= 2 && dateOfBirth !== ''
  if (!hasName && (phone === null || phone.length < 9)) return null
  return {
    fullName: form.fullName.trim(),
    dateOfBirth,
    phone,
    idNumber: /^\d{12}$/.test(id) ? id : null
  }
}

/** Asks the core for likely twins of the values typed, a moment after the typing stops. */
export function usePossibleDuplicates(form: DuplicateQuery, enabled: boolean): PossibleDuplicateValue[] {
  // Kept with the query it answers: an answer to older values is never shown for newer ones.
  const [answer, setAnswer] = useState<{ key: string; found: PossibleDuplicateValue[] }>({
    key: '',
    found: []
  })
  const input = enabled ? duplicateCheckInput(form) : null
  const key = JSON.stringify(input)
  useEffect(() => {
    if (key === 'null') return
    let live = true
    const timer = setTimeout(() => {
      void bridge.call('patients:possibleDuplicates', JSON.parse(key) as never).then((r) => {
        if (live) setAnswer({ key, found: r.ok ? r.value : [] })
      })
    }, 400)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [key])
  return answer.key === key ? answer.found : []
}

interface Props {
  form: DuplicateQuery
  /** Only a new record typed by hand is checked: an opened record, a QR or a chip read knows who it is. */
  enabled: boolean
  /** Opens the record on file instead (default: the desk's open-record action). */
  onOpen?: (record: PatientRecord) => void
}

/**
 * "Có thể đã có hồ sơ: … — mở hồ sơ đó / vẫn tạo mới", for a record typed by hand with no ID number on file
 * (docs/adr/0027). It never blocks saving: "vẫn tạo mới" only hides the offer for the values typed.
 */
export function DuplicatePrompt({ form, enabled, onOpen }: Props): React.JSX.Element | null {
  const { t } = useTranslation()
  const openOnDesk = useOpenRecord()
  const found = usePossibleDuplicates(form, enabled)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const shown = found.map((d) => d.patient.id).join(',')
  if (found.length === 0 || dismissed === shown) return null
  const open = async (id: string): Promise<void> => {
    const r = await bridge.call('patients:get', { id })
    if (r.ok) (onOpen ?? openOnDesk)(r.value)
  }
  return (
    <div className="duplicate-prompt" role="alert" data-testid="duplicate-prompt">
      <strong>{t('records.duplicateTitle')}</strong>
      <ul>
        {found.map((d) => (
          <li key={d.patient.id}>
            {d.patient.fullName} · {formatDob(d.patient.dateOfBirth)}
            {d.patient.idNumber ? ` · ${d.patient.idNumber}` : ''} · {d.patient.addressText} (
            {d.reasons
              .map((r) =>
                t(r === 'phone' ? 'records.duplicateReason.phone' : 'records.duplicateReason.nameDob')
              )
              .join(', ')}
            ){' '}
            <button type="button" onClick={() => void open(d.patient.id)}>
              {t('records.openThat')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setDismissed(shown)}>
        {t('records.createAnyway')}
      </button>
    </div>
  )
}
