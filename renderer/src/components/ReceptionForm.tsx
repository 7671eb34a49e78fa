import { useCallback, useEffect, useMemo, useReducer } from 'react'
import { useTranslation } from 'react-i18next'
import { useMessageText } from '../i18n/format'
import type { PatientRecord } from '../../../contract/patient'
import type { CardEvent, CodedIdentity } from '../../../contract/reading'
import { isIdNumber } from '../../../contract/rules/id-number'
import { intakeBus, type IntakeMessage } from '../intake/bus'
import { CardPanel } from './CardPanel'
import { WebcamScan } from './WebcamScan'
import { bridge } from '../bridge'
import {
  fromPatientForm,
  toPatientForm,
  validateForm,
  type FieldName,
  type FormState
} from '../form/form-state'
import { initialReceptionState, receptionReducer } from '../form/reception-state'
import type { FieldBinder } from './reception/field-binder'
import { IntakeBanners } from './reception/IntakeBanners'
import { PatientFields } from './reception/PatientFields'
import { AddressFields } from './reception/AddressFields'
import { GuardianFields } from './reception/GuardianFields'
import { VisitFields } from './reception/VisitFields'
import { BhytSection } from './reception/BhytSection'
import { bhytLink } from '../form/bhyt-link'

interface Props {
  opened: PatientRecord | null
  /** Opened from the send queue to fix a refused record: Save corrects it and re-queues, without a new visit. */
  correcting?: boolean
  onSaved: () => void
  onClearOpened: () => void
}

/**
 * The reception form: one state model (form/reception-state.ts) fed by the clerk, the card reader and the
 * scanners; the sections only render it.
 */
export function ReceptionForm({
  opened,
  correcting = false,
  onSaved,
  onClearOpened
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  const messageText = useMessageText()
  // App remounts this component (key) when another record is opened, so state starts from it.
  const [state, dispatch] = useReducer(receptionReducer, opened, initialReceptionState)
  const { form, patientId, touched, showAll, saving, notice, read } = state
  const closeWebcam = useCallback(() => dispatch({ type: 'webcam', open: false }), [])

  useEffect(() => {
    /** Loads the record on file first when the card belongs to a returning patient. */
    const intake = async (coded: CodedIdentity, source: 'qr' | 'chip', readId: string): Promise<void> => {
      let stored: FormState | null = null
      if (coded.returning) {
        const r = await bridge.call('patients:get', { id: coded.returning.patientId })
        if (r.ok) stored = fromPatientForm(r.value.form)
      }
      const note = t(source === 'qr' ? 'intake.filledQr' : 'intake.filledChip', { name: coded.form.fullName })
      dispatch({ type: 'coded', coded, source, readId, stored, note })
    }
    const onCard = (e: CardEvent): void => {
      if (e.type === 'identity') void intake(e.coded, 'chip', e.readId)
      else dispatch({ type: 'card', event: e })
    }
    return intakeBus.subscribe((m: IntakeMessage) => {
      if (m.kind === 'qr') void intake(m.read.coded, 'qr', m.read.readId)
      else if (m.kind === 'card') onCard(m.event)
      else dispatch({ type: 'scanError', error: m.error })
    })
  }, [t])

  const errors = useMemo(() => validateForm(form, new Date()), [form])
  const visibleError = (f: FieldName): string | undefined =>
    showAll || touched.has(f) ? errors[f] : undefined
  const set = <K extends FieldName>(field: K, value: FormState[K]): void =>
    dispatch({ type: 'edit', field, value })
  const binder: FieldBinder = {
    form,
    set,
    visibleError,
    text: (field) => ({
      id: `f-${field}`,
      name: field,
      value: form[field] as string,
      'aria-invalid': Boolean(visibleError(field)),
      'aria-describedby': visibleError(field) ? `f-${field}-error` : undefined,
      onChange: (e) => set(field, e.target.value as never)
    }),
    markOf: (f) => {
      const m = state.marks[f]
      if (!m) return undefined
      return t(
        m === 'verified'
          ? 'intake.markVerified'
          : m === 'altered'
            ? 'intake.markAltered'
            : m === 'chip'
              ? 'intake.markChip'
              : 'intake.markQr'
      )
    }
  }

  const reset = (): void => {
    dispatch({ type: 'reset' })
    onClearOpened()
  }

  const findGuardian = async (): Promise<void> => {
    const id = form.guardianIdNumber.replace(/\s+/g, '')
    if (!isIdNumber(id)) return
    const r = await bridge.call('patients:search', { text: id, limit: 1 })
    const hit = r.ok ? r.value[0] : undefined
    dispatch({ type: 'guardianFound', guardian: hit ? { id: hit.id, fullName: hit.fullName } : null })
  }

  const save = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    if (Object.keys(errors).length > 0) {
      dispatch({ type: 'saveBlocked' })
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    dispatch({ type: 'saving' })
    if (correcting && patientId) {
      const c = await bridge.call('patients:correct', { patientId, patient: toPatientForm(form, new Date()) })
      if (c.ok)
        dispatch({
          type: 'saved',
          text: t('form.corrected', { count: c.value.resubmitted }),
          patientId: null
        })
      else dispatch({ type: 'saveFailed', error: c.error })
      onSaved()
      return
    }
    const r = await bridge.call('patients:register', {
      patientId,
      patient: toPatientForm(form, new Date()),
      visit: {
        serviceType: form.serviceType,
        department: form.department.trim() || null,
        reason: form.reason.trim() || null
      },
      identityReadId: read?.id ?? null,
      source: read?.source ?? 'manual',
      bhytCheckId: bhytLink.checkId()
    })
    if (r.ok) {
      dispatch({
        type: 'saved',
        text: `${t(r.value.patientCreated ? 'form.savedNew' : 'form.savedUpdate')} ${t('form.saved', { visitId: r.value.visitId.slice(0, 8) })}`,
        patientId: r.value.patientId
      })
      onSaved()
    } else {
      dispatch({ type: 'saveFailed', error: r.error })
    }
  }

  const errorCount = Object.keys(errors).length

  return (
    <form
      className="reception-form"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-label={t('nav.reception')}
    >
      <IntakeBanners
        state={state}
        openedName={opened?.form.fullName ?? null}
        correcting={correcting}
        dispatch={dispatch}
      />
      <CardPanel
        card={state.card}
        onCan={(can) => {
          dispatch({ type: 'card', event: { type: 'progress', step: 'auth', percent: 0 } })
          void bridge.call('card:open', { can }).then((r) => {
            if (!r.ok) dispatch({ type: 'card', event: { type: 'error', error: r.error } })
          })
        }}
      />
      {state.webcam ? (
        <WebcamScan onClose={closeWebcam} />
      ) : (
        <div className="intake-tools">
          <button type="button" onClick={() => dispatch({ type: 'webcam', open: true })}>
            {t('webcam.open')}
          </button>
        </div>
      )}
      <PatientFields binder={binder} />
      <BhytSection binder={binder} saved={notice?.kind === 'ok'} />
      <AddressFields
        binder={binder}
        addressNote={state.addressNote}
        candidates={state.candidates}
        chooseAddress={(candidate) => dispatch({ type: 'chooseAddress', candidate })}
      />
      <GuardianFields binder={binder} guardianLookup={state.guardianLookup} findGuardian={findGuardian} />
      <VisitFields binder={binder} />

      <div className="actions">
        {showAll && errorCount > 0 ? (
          <div className="banner error" role="alert">
            {t('form.fixErrors', { count: errorCount })}
          </div>
        ) : null}
        {notice?.kind === 'ok' ? (
          <div className="banner ok" role="status" data-testid="save-notice">
            {notice.text}
          </div>
        ) : null}
        {notice?.kind === 'error' ? (
          <div className="banner error" role="alert" data-testid="save-error">
            {messageText(notice.error)}
          </div>
        ) : null}
        <button type="button" className="secondary" onClick={reset}>
          {t('form.clear')}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('form.saving') : t(correcting ? 'form.saveCorrection' : 'form.save')}
        </button>
      </div>
    </form>
  )
}
