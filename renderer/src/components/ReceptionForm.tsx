import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { visitTypes, type PatientRecord } from '../../../contract/patient'
import type { AppErrorValue } from '../../../contract/errors'
import type {
  AddressCandidateValue,
  CardEvent,
  CodedIdentity,
  ReadingWarning,
  ReturningPatient
} from '../../../contract/reading'
import type { IdentitySource } from '../../../contract/identity'
import { intakeBus, type IntakeMessage } from '../intake/bus'
import { applyCardForm, type CardField, type FieldConflict } from '../form/apply-identity'
import { CardPanel, idleCard, trustOf, type CardState } from './CardPanel'
import { WebcamScan } from './WebcamScan'
import { bridge } from '../bridge'
import { useCatalog } from '../use-catalog'
import { Field } from './Field'
import {
  emptyForm,
  fromPatientForm,
  toPatientForm,
  validateForm,
  type FieldName,
  type FormState
} from '../form/form-state'

interface Props {
  opened: PatientRecord | null
  /** Opened from the send queue to fix a refused record: Save corrects it and re-queues, without a new visit. */
  correcting?: boolean
  onSaved: () => void
  onClearOpened: () => void
}

type Notice = { kind: 'ok'; text: string } | { kind: 'error'; error: AppErrorValue } | null
type Mark = 'qr' | 'chip' | 'verified' | 'altered'

const labelKey: Record<CardField, string> = {
  fullName: 'form.fullName',
  dob: 'form.dateOfBirth',
  sex: 'form.sex',
  idNumber: 'form.idNumber',
  oldIdNumber: 'form.oldIdNumber',
  ethnicityCode: 'form.ethnicity',
  nationalityCode: 'form.nationality',
  addressText: 'form.addressText',
  provinceCode: 'form.province',
  communeCode: 'form.commune',
  unitListVersion: 'form.commune'
}

export function ReceptionForm({
  opened,
  correcting = false,
  onSaved,
  onClearOpened
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  // App remounts this component (key) when another record is opened, so state starts from it.
  const [form, setForm] = useState<FormState>(() => (opened ? fromPatientForm(opened.form) : emptyForm()))
  const [patientId, setPatientId] = useState<string | null>(opened?.id ?? null)
  const [touched, setTouched] = useState<Set<FieldName>>(new Set())
  const [showAll, setShowAll] = useState(false)
  const [saving, setSaving] = useState(false)
  const [notice, setNotice] = useState<Notice>(null)
  const [guardianLookup, setGuardianLookup] = useState<'linked' | 'none' | null>(null)
  // What cards and scanners brought in (QR fills at once; the chip fills the rest and verifies).
  const [marks, setMarks] = useState<Partial<Record<FieldName, Mark>>>({})
  const [conflicts, setConflicts] = useState<FieldConflict[]>([])
  const [candidates, setCandidates] = useState<AddressCandidateValue[]>([])
  const [addressNote, setAddressNote] = useState<string | null>(null)
  const [warnings, setWarnings] = useState<ReadingWarning[]>([])
  const [read, setRead] = useState<{ id: string; source: IdentitySource } | null>(null)
  const [card, setCard] = useState<CardState>(idleCard)
  const [intakeNote, setIntakeNote] = useState<string | null>(null)
  const [scanError, setScanError] = useState<AppErrorValue | null>(null)
  const [webcam, setWebcam] = useState(false)
  const [returning, setReturning] = useState<ReturningPatient | null>(null)
  const closeWebcam = useCallback(() => setWebcam(false), [])

  useEffect(() => {
    const applyCoded = (
      coded: CodedIdentity,
      source: 'qr' | 'chip',
      readId: string,
      stored: FormState | null
    ): void => {
      setForm((prev) => {
        // A saved form, or one about someone else, starts over: the next patient is at the desk.
        // A returning patient starts from the record on file (phone, BHYT… stay), with the visit being typed.
        const other = Boolean(prev.idNumber && coded.form.idNumber && prev.idNumber !== coded.form.idNumber)
        const visit = { serviceType: prev.serviceType, department: prev.department, reason: prev.reason }
        // What the clerk typed for this patient survives; the record on file fills everything else.
        const typed = other ? {} : Object.fromEntries([...touched].map((f) => [f, prev[f]] as const))
        const base: FormState = stored ? { ...stored, ...visit, ...typed } : other ? emptyForm() : prev
        const edited = other ? new Set<FieldName>() : touched
        const r = applyCardForm(base, edited, coded.form)
        setConflicts(r.conflicts)
        setMarks((m) => {
          const next: Partial<Record<FieldName, Mark>> = other ? {} : { ...m }
          for (const f of r.filled) if (next[f] !== 'verified') next[f] = source
          // The chip vouches for what the QR filled when it says the same.
          if (source === 'chip') for (const f of r.confirmed) if (next[f] !== 'verified') next[f] = 'chip'
          return next
        })
        if (other) setTouched(new Set())
        return r.state
      })
      setPatientId(coded.returning?.patientId ?? null)
      setReturning(coded.returning)
      setCandidates(coded.form.address.communeCode ? [] : coded.addressCandidates)
      setAddressNote(coded.addressNote)
      setWarnings(coded.warnings)
      setRead({ id: readId, source })
      setNotice(null)
      setScanError(null)
      setIntakeNote(
        t(source === 'qr' ? 'intake.filledQr' : 'intake.filledChip', { name: coded.form.fullName })
      )
    }
    /** Loads the record on file first when the card belongs to a returning patient. */
    const intake = async (coded: CodedIdentity, source: 'qr' | 'chip', readId: string): Promise<void> => {
      let stored: FormState | null = null
      if (coded.returning) {
        const r = await bridge.call('patients:get', { id: coded.returning.patientId })
        if (r.ok) stored = fromPatientForm(r.value.form)
      }
      applyCoded(coded, source, readId, stored)
    }
    const onCard = (e: CardEvent): void => {
      switch (e.type) {
        case 'inserted':
          setCard({ ...idleCard, reading: true, step: 'connect', readerName: e.readerName })
          break
        case 'progress':
          setCard((c) => ({ ...c, reading: true, step: e.step, percent: e.percent, error: null }))
          break
        case 'identity':
          void intake(e.coded, 'chip', e.readId)
          break
        case 'verified':
          setCard((c) => ({ ...c, verification: e.passiveAuthentication }))
          {
            // 'Chip ✓' only when the signature chains to an imported CSCA and the chip is not a clone.
            const v = e.passiveAuthentication
            const clone =
              v.activeAuthentication?.status === 'invalid' || v.chipAuthentication?.status === 'invalid'
            const trust = trustOf(v)
            const next: Mark | null =
              clone || trust === 'altered' ? 'altered' : trust === 'verified' ? 'verified' : null
            if (next) {
              setMarks((m) =>
                Object.fromEntries(
                  Object.entries(m).map(([k, mk]) => [k, mk === 'chip' || mk === 'verified' ? next : mk])
                )
              )
            }
          }
          break
        case 'photo':
          setCard((c) => ({ ...c, photo: `data:${e.mime};base64,${e.dataBase64}` }))
          break
        case 'done':
          setCard((c) => ({ ...c, reading: false, percent: 100 }))
          break
        case 'error':
          setCard((c) => ({ ...c, reading: false, error: e.error }))
          break
        case 'removed':
          setCard((c) => (c.reading ? { ...c, reading: false } : c))
          break
      }
    }
    return intakeBus.subscribe((m: IntakeMessage) => {
      if (m.kind === 'qr') void intake(m.read.coded, 'qr', m.read.readId)
      else if (m.kind === 'card') onCard(m.event)
      else setScanError(m.error)
    })
  }, [t, touched])

  const ethnicities = useCatalog('ethnicity')
  const nationalities = useCatalog('nationality')
  const provinces = useCatalog('province')
  const communes = useCatalog('commune', form.provinceCode || null, Boolean(form.provinceCode))

  const errors = useMemo(() => validateForm(form, new Date()), [form])
  const visibleError = (f: FieldName): string | undefined =>
    showAll || touched.has(f) ? errors[f] : undefined

  const set = <K extends FieldName>(field: K, value: FormState[K]): void => {
    setForm((prev) => ({ ...prev, [field]: value }))
    setTouched((prev) => new Set(prev).add(field))
    setNotice(null)
  }
  const text = (field: FieldName & keyof FormState) => ({
    id: `f-${field}`,
    name: field,
    value: form[field] as string,
    'aria-invalid': Boolean(visibleError(field)),
    'aria-describedby': visibleError(field) ? `f-${field}-error` : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      set(field, e.target.value as never)
  })

  const chooseAddress = (c: AddressCandidateValue): void => {
    setForm((prev) => ({
      ...prev,
      provinceCode: c.provinceCode,
      communeCode: c.communeCode,
      unitListVersion: c.unitListVersion
    }))
    setTouched((prev) => new Set(prev).add('communeCode'))
    setCandidates([])
  }

  const resolveConflict = (c: FieldConflict, useCard: boolean): void => {
    if (useCard) {
      setForm((prev) => ({ ...prev, [c.field]: c.cardValue }))
      setMarks((m) => ({ ...m, [c.field]: read?.source === 'chip' ? 'chip' : 'qr' }))
    }
    setConflicts((list) => list.filter((x) => x !== c))
  }

  const markOf = (f: FieldName): string | undefined => {
    const m = marks[f]
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

  const reset = (): void => {
    setMarks({})
    setConflicts([])
    setCandidates([])
    setAddressNote(null)
    setWarnings([])
    setRead(null)
    setCard(idleCard)
    setIntakeNote(null)
    setScanError(null)
    setReturning(null)
    setForm(emptyForm())
    setPatientId(null)
    setTouched(new Set())
    setShowAll(false)
    setNotice(null)
    setGuardianLookup(null)
    onClearOpened()
  }

  const findGuardian = async (): Promise<void> => {
    const id = form.guardianIdNumber.replace(/\s+/g, '')
    if (!/^\d{12}$/.test(id)) return
    const r = await bridge.call('patients:search', { text: id, limit: 1 })
    const hit = r.ok ? r.value[0] : undefined
    if (hit) {
      setForm((prev) => ({ ...prev, guardianPatientId: hit.id, guardianName: hit.fullName }))
      setGuardianLookup('linked')
    } else {
      setForm((prev) => ({ ...prev, guardianPatientId: null }))
      setGuardianLookup('none')
    }
  }

  const save = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    setShowAll(true)
    if (Object.keys(errors).length > 0) {
      setNotice(null)
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    setSaving(true)
    if (correcting && patientId) {
      const c = await bridge.call('patients:correct', { patientId, patient: toPatientForm(form, new Date()) })
      setSaving(false)
      if (c.ok) setNotice({ kind: 'ok', text: t('form.corrected', { count: c.value.resubmitted }) })
      else setNotice({ kind: 'error', error: c.error })
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
      source: read?.source ?? 'manual'
    })
    setSaving(false)
    if (r.ok) {
      setNotice({
        kind: 'ok',
        text: `${t(r.value.patientCreated ? 'form.savedNew' : 'form.savedUpdate')} ${t('form.saved', { visitId: r.value.visitId.slice(0, 8) })}`
      })
      setPatientId(r.value.patientId)
      onSaved()
    } else {
      // The form keeps everything the clerk typed: nothing is lost on an error.
      setNotice({ kind: 'error', error: r.error })
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
      {patientId && opened ? (
        <div className="banner info" data-testid="editing-banner">
          {t(correcting ? 'form.correcting' : 'form.editing', { name: opened.form.fullName })}
        </div>
      ) : null}
      {scanError ? (
        <div className="banner error" role="alert" data-testid="scan-error">
          <strong>{t('intake.scanError')}:</strong> {scanError.message}
        </div>
      ) : null}
      {intakeNote ? (
        <div className="banner ok" role="status" data-testid="intake-note">
          {intakeNote}
        </div>
      ) : null}
      {returning ? (
        <div className="banner info" data-testid="returning-patient">
          {t('intake.returning', { name: returning.fullName })}
          {returning.changes.length > 0 ? (
            <ul>
              {returning.changes.map((c) => (
                <li key={c.field}>{c.message}</li>
              ))}
            </ul>
          ) : (
            ` ${t('intake.noChanges')}`
          )}
        </div>
      ) : null}
      {conflicts.map((c) => (
        <div key={c.field} className="banner warn" role="alert" data-testid="field-conflict">
          {t('intake.conflict', { field: t(labelKey[c.field]), value: c.cardValue })}{' '}
          <button type="button" onClick={() => resolveConflict(c, true)}>
            {t('intake.useCard')}
          </button>{' '}
          <button type="button" onClick={() => resolveConflict(c, false)}>
            {t('intake.keepTyped')}
          </button>
        </div>
      ))}
      {warnings.map((w, i) => (
        <div
          key={`${w.code}-${i}`}
          className={`banner ${w.blocking ? 'error' : 'warn'}`}
          data-testid="reading-warning"
        >
          {w.message}
        </div>
      ))}
      <CardPanel
        card={card}
        onCan={(can) => {
          setCard((c) => ({ ...c, error: null, reading: true, step: 'auth' }))
          void bridge.call('card:open', { can }).then((r) => {
            if (!r.ok) setCard((c) => ({ ...c, reading: false, error: r.error }))
          })
        }}
      />
      {webcam ? (
        <WebcamScan onClose={closeWebcam} />
      ) : (
        <div className="intake-tools">
          <button type="button" onClick={() => setWebcam(true)}>
            {t('webcam.open')}
          </button>
        </div>
      )}

      <fieldset>
        <legend>{t('form.sectionPatient')}</legend>
        <div className="grid">
          <Field
            id="f-fullName"
            mark={markOf('fullName')}
            label={t('form.fullName')}
            error={visibleError('fullName')}
            required
            wide
          >
            <input {...text('fullName')} autoComplete="off" autoFocus />
          </Field>
          <Field
            id="f-dob"
            mark={markOf('dob')}
            label={t('form.dateOfBirth')}
            error={visibleError('dob')}
            required
            hint={t('form.dateOfBirthHint')}
          >
            <input {...text('dob')} inputMode="numeric" placeholder="dd/mm/yyyy" />
          </Field>
          <Field id="f-sex" mark={markOf('sex')} label={t('form.sex')} error={visibleError('sex')} required>
            <select {...text('sex')}>
              <option value="">{t('form.choose')}</option>
              <option value="male">{t('form.sexMale')}</option>
              <option value="female">{t('form.sexFemale')}</option>
              <option value="other">{t('form.sexOther')}</option>
            </select>
          </Field>
          <Field
            id="f-idNumber"
            mark={markOf('idNumber')}
            label={t('form.idNumber')}
            error={visibleError('idNumber')}
          >
            <input {...text('idNumber')} inputMode="numeric" maxLength={14} />
          </Field>
          <Field
            id="f-oldIdNumber"
            mark={markOf('oldIdNumber')}
            label={t('form.oldIdNumber')}
            error={visibleError('oldIdNumber')}
          >
            <input {...text('oldIdNumber')} inputMode="numeric" maxLength={14} />
          </Field>
          <Field
            id="f-bhytCardNumber"
            label={t('form.bhytCardNumber')}
            error={visibleError('bhytCardNumber')}
          >
            <input {...text('bhytCardNumber')} maxLength={17} />
          </Field>
          <Field id="f-ethnicityCode" mark={markOf('ethnicityCode')} label={t('form.ethnicity')}>
            <select {...text('ethnicityCode')}>
              <option value="">{t('form.choose')}</option>
              {ethnicities.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} · {c.name}
                </option>
              ))}
              {form.ethnicityCode && !ethnicities.some((c) => c.code === form.ethnicityCode) ? (
                <option value={form.ethnicityCode}>{form.ethnicityCode}</option>
              ) : null}
            </select>
          </Field>
          <Field id="f-nationalityCode" mark={markOf('nationalityCode')} label={t('form.nationality')}>
            <select {...text('nationalityCode')}>
              <option value="">{t('form.choose')}</option>
              {nationalities.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
              {form.nationalityCode && !nationalities.some((c) => c.code === form.nationalityCode) ? (
                <option value={form.nationalityCode}>
                  {form.nationalityCode === '000' ? 'Việt Nam' : form.nationalityCode}
                </option>
              ) : null}
            </select>
          </Field>
          <Field id="f-occupationCode" label={t('form.occupation')} error={visibleError('occupationCode')}>
            <input {...text('occupationCode')} inputMode="numeric" maxLength={5} placeholder="00000" />
          </Field>
          <Field id="f-phone" label={t('form.phone')} error={visibleError('phone')}>
            <input {...text('phone')} inputMode="tel" maxLength={16} />
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('form.sectionAddress')}</legend>
        {addressNote ? <div className="banner info">{addressNote}</div> : null}
        {candidates.length > 0 ? (
          <div className="candidates" data-testid="address-candidates">
            <div>{t('intake.chooseAddress')}</div>
            {candidates.map((c) => (
              <button
                type="button"
                key={`${c.communeCode}-${c.unitListVersion}`}
                onClick={() => chooseAddress(c)}
              >
                {c.communeName} ({Math.round(c.confidence * 100)}%)
              </button>
            ))}
          </div>
        ) : null}
        <div className="grid">
          <Field
            id="f-addressText"
            mark={markOf('addressText')}
            label={t('form.addressText')}
            error={visibleError('addressText')}
            wide
          >
            <input {...text('addressText')} autoComplete="off" />
          </Field>
          <Field id="f-provinceCode" mark={markOf('provinceCode')} label={t('form.province')}>
            <select
              {...text('provinceCode')}
              onChange={(e) => {
                set('provinceCode', e.target.value)
                set('communeCode', '')
              }}
            >
              <option value="">{t('form.choose')}</option>
              {provinces.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="f-communeCode" mark={markOf('communeCode')} label={t('form.commune')}>
            <select {...text('communeCode')}>
              <option value="">{t('form.choose')}</option>
              {communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('form.sectionGuardian')}</legend>
        <label className="check">
          <input type="checkbox" checked={form.isChild} onChange={(e) => set('isChild', e.target.checked)} />{' '}
          {t('form.isChild')}
        </label>
        {form.isChild ? (
          <div className="grid">
            <Field
              id="f-guardianIdNumber"
              label={t('form.guardianIdNumber')}
              error={visibleError('guardianIdNumber')}
            >
              <div className="inline">
                <input {...text('guardianIdNumber')} inputMode="numeric" maxLength={14} />
                <button type="button" onClick={() => void findGuardian()}>
                  {t('form.guardianFind')}
                </button>
              </div>
            </Field>
            <Field
              id="f-guardianName"
              label={t('form.guardianName')}
              error={visibleError('guardianName')}
              required
            >
              <input {...text('guardianName')} />
            </Field>
            <Field id="f-guardianRelation" label={t('form.guardianRelation')}>
              <select {...text('guardianRelation')}>
                <option value="mother">{t('form.relationMother')}</option>
                <option value="father">{t('form.relationFather')}</option>
                <option value="guardian">{t('form.relationGuardian')}</option>
              </select>
            </Field>
            {guardianLookup === 'linked' ? (
              <div className="banner ok wide">{t('form.guardianLinked', { name: form.guardianName })}</div>
            ) : guardianLookup === 'none' ? (
              <div className="banner info wide">{t('form.guardianNotFound')}</div>
            ) : null}
          </div>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t('form.sectionVisit')}</legend>
        <div className="grid">
          <Field id="f-serviceType" label={t('form.serviceType')} required>
            <select {...text('serviceType')}>
              {visitTypes.map((v) => (
                <option key={v} value={v}>
                  {t(`visit.${v}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="f-department" label={t('form.department')}>
            <input {...text('department')} maxLength={20} />
          </Field>
          <Field id="f-reason" label={t('form.reason')} wide>
            <input {...text('reason')} maxLength={500} />
          </Field>
        </div>
      </fieldset>

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
            {notice.error.message}
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
