import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
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
import { initialReceptionState, receptionReducer, type SaveAskKind } from '../form/reception-state'
import type { FieldBinder } from './reception/field-binder'
import { IntakeBanners } from './reception/IntakeBanners'
import { PatientFields } from './reception/PatientFields'
import { AddressFields } from './reception/AddressFields'
import { GuardianFields } from './reception/GuardianFields'
import { VisitFields } from './reception/VisitFields'
import { SavedTicket, type SavedVisit } from './reception/SavedTicket'
import { toVisitForm, validateVisit } from '../form/visit-form'
import { DuplicatePrompt } from './records/DuplicatePrompt'
import { SaveQuestion } from './reception/SaveQuestion'
import { useSaveShortcut, focusFirstInvalid, focusFirstMissing } from '../form/keyboard'
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
  // The last saved visit's queue number stays on screen (and printable) until the next save or "Nhập mới".
  const [savedVisit, setSavedVisit] = useState<SavedVisit | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const newButton = useRef<HTMLButtonElement>(null)
  // After a blocked save the focus goes to the first field to fix, once it is marked invalid.
  useEffect(() => {
    if (state.focusErrorTick > 0 && formRef.current) focusFirstInvalid(formRef.current)
  }, [state.focusErrorTick])
  // Saved: "Nhập mới" takes the focus, so a second Enter or F9 starts the next patient, never a second save.
  useEffect(() => {
    if (state.locked) newButton.current?.focus()
  }, [state.locked])
  useSaveShortcut(formRef)

  useEffect(() => {
    /** Loads the record on file first when the card belongs to a returning patient. */
    const intake = async (coded: CodedIdentity, source: 'qr' | 'chip', readId: string): Promise<void> => {
      let stored: FormState | null = null
      // A patient only the HIS knows (another desk, ADR 0024) has no record on this computer to load.
      if (coded.returning?.patientId) {
        const r = await bridge.call('patients:get', { id: coded.returning.patientId })
        if (r.ok) stored = fromPatientForm(r.value.form)
      }
      const note = t(source === 'qr' ? 'intake.filledQr' : 'intake.filledChip', { name: coded.form.fullName })
      dispatch({ type: 'coded', coded, source, readId, stored, note })
      requestAnimationFrame(() => focusFirstMissing(formRef.current))
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

  // A correction creates no visit: only the patient's fields count then.
  const errors = useMemo(
    () => ({ ...validateForm(form, new Date()), ...(correcting ? {} : validateVisit(form, new Date())) }),
    [form, correcting]
  )
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
    setSavedVisit(null)
    onClearOpened()
    // The last QR's chip keys go with the patient: the next card is never tried with them.
    void bridge.call('card:forgetKeys', {})
    // After the re-render that unlocks the fields: the next patient starts at the name.
    requestAnimationFrame(() => document.getElementById('f-fullName')?.focus())
  }

  const findGuardian = async (): Promise<void> => {
    const id = form.guardianIdNumber.replace(/\s+/g, '')
    if (!isIdNumber(id)) return
    const r = await bridge.call('patients:search', { text: id, limit: 1 })
    const hit = r.ok ? r.value[0] : undefined
    dispatch({ type: 'guardianFound', guardian: hit ? { id: hit.id, fullName: hit.fullName } : null })
  }

  // One save at a time, even when F9 and Enter land before the screen re-renders.
  const inFlight = useRef(false)
  const save = async (confirmed = state.confirmed, answered = false): Promise<void> => {
    if (state.locked || inFlight.current || (state.ask && !answered)) return
    if (Object.keys(errors).length > 0) {
      dispatch({ type: 'saveBlocked' })
      return
    }
    // Each question is asked once; a yes stays for this form (ADR 0025). A correction was asked when first saved.
    if (!form.communeCode && !confirmed.noCommune && !correcting)
      return dispatch({ type: 'ask', ask: { kind: 'noCommune' } })
    if (state.tampered && !confirmed.tamperedChip && !correcting)
      return dispatch({ type: 'ask', ask: { kind: 'tamperedChip' } })
    dispatch({ type: 'saving' })
    inFlight.current = true
    try {
      await send(confirmed)
    } finally {
      inFlight.current = false
    }
  }

  const send = async (confirmed: typeof state.confirmed): Promise<void> => {
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
      visit: toVisitForm(form, new Date()),
      identityReadId: read?.id ?? null,
      source: read?.source ?? 'manual',
      confirmSameDay: confirmed.sameDay,
      confirmTamperedChip: confirmed.tamperedChip,
      bhytCheckId: bhytLink.checkId()
    })
    if (r.ok) {
      const { ticket } = r.value
      setSavedVisit(
        ticket
          ? {
              visitId: r.value.visitId,
              ticket,
              queueName: form.department.trim() || t(`visit.${form.serviceType}`)
            }
          : null
      )
      dispatch({
        type: 'saved',
        text: `${t(r.value.patientCreated ? 'form.savedNew' : 'form.savedUpdate')} ${t('form.saved', { visitId: r.value.visitId.slice(0, 8) })}`,
        patientId: r.value.patientId
      })
      onSaved()
    } else if (r.error.key === 'desk.sameDayVisit' && !confirmed.sameDay) {
      dispatch({ type: 'ask', ask: { kind: 'sameDay', time: String(r.error.params?.time ?? '') } })
    } else {
      dispatch({ type: 'saveFailed', error: r.error })
    }
  }

  const answer = (yes: boolean): void => {
    const ask = state.ask
    dispatch({ type: 'answer', yes })
    if (!ask) return
    if (yes) void save({ ...state.confirmed, [ask.kind satisfies SaveAskKind]: true }, true)
    else document.getElementById(ask.kind === 'noCommune' ? 'f-communeCode' : 'f-fullName')?.focus()
  }

  const errorCount = Object.keys(errors).length

  return (
    <form
      ref={formRef}
      className={`reception-form${state.locked ? ' locked' : ''}`}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
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
      <fieldset className="form-body" disabled={state.locked} data-testid="form-body">
        <PatientFields binder={binder} />
        <DuplicatePrompt form={form} enabled={!patientId && !read} />
        <BhytSection binder={binder} saved={notice?.kind === 'ok'} />
        <AddressFields
          binder={binder}
          addressNote={state.addressNote}
          candidates={state.candidates}
          chooseAddress={(candidate) => dispatch({ type: 'chooseAddress', candidate })}
        />
        <GuardianFields binder={binder} guardianLookup={state.guardianLookup} findGuardian={findGuardian} />
        <VisitFields binder={binder} />
      </fieldset>

      <div className="actions" data-testid="action-bar">
        {state.ask ? <SaveQuestion ask={state.ask} answer={answer} /> : null}
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
        {savedVisit ? <SavedTicket saved={savedVisit} /> : null}
        {notice?.kind === 'error' ? (
          <div className="banner error" role="alert" data-testid="save-error">
            {messageText(notice.error)}
          </div>
        ) : null}
        <button type="button" className="secondary" onClick={reset} ref={newButton}>
          {t('form.clear')}
        </button>
        <button
          type="submit"
          className="primary"
          disabled={saving || state.locked}
          title={t('desk.saveHint')}
          aria-keyshortcuts="F9 Control+Enter"
        >
          {saving ? t('form.saving') : `${t(correcting ? 'form.saveCorrection' : 'form.save')} (F9)`}
        </button>
      </div>
    </form>
  )
}
