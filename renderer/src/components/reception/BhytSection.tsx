import { useCallback, useEffect, useReducer, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { BhytCard } from '../../../../contract/bhyt'
import type { PatientForm } from '../../../../contract/patient'
import { bridge } from '../../bridge'
import { useMessageText } from '../../i18n/format'
import { intakeBus } from '../../intake/bus'
import { bhytQrBus } from '../../intake/bhyt-qr-bus'
import { bhytLink } from '../../form/bhyt-link'
import {
  askFromForm,
  bhytReducer,
  checkIdForSave,
  initialBhytState,
  shownDate,
  type BhytAsk,
  type HolderDifference
} from '../../form/bhyt-state'
import type { FieldBinder } from './field-binder'

/** A coded read's identity as the gateway is asked with it; null when it lacks the 12-digit ID, name or date. */
function askFromCoded(form: PatientForm): BhytAsk | null {
  if (!form.idNumber || !/^\d{12}$/.test(form.idNumber) || !form.fullName.trim()) return null
  return { cardKey: form.idNumber, fullName: form.fullName, dateOfBirth: form.dateOfBirth }
}

const CARD_ROWS = [
  ['cardNumber', 'bhyt.cardNumber'],
  ['registeredFacility', 'bhyt.registeredFacility'],
  ['validFrom', 'bhyt.validFrom'],
  ['validTo', 'bhyt.validTo'],
  ['areaCode', 'bhyt.areaCode'],
  ['fiveYearsFrom', 'bhyt.fiveYearsFrom']
] as const

/**
 * The BHYT card check at the desk (docs/adr/0023): after a CCCD or BHYT QR / chip read, or on the button (Alt+B),
 * asks BHXH through `bhyt:check`; shows the state, fills the card number of a usable card (marked as from BHXH),
 * lists where BHXH and the form differ for the clerk to choose, offers or switches to a new card, warns about a check
 * elsewhere today, and hands the check to the save (form/bhyt-link.ts).
 */
export function BhytSection({ binder, saved }: { binder: FieldBinder; saved: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const messageText = useMessageText()
  const [state, dispatch] = useReducer(bhytReducer, initialBhytState)
  // The latest form and setter for the bus listeners and the answer (kept in refs, updated after each render).
  const formRef = useRef(binder.form)
  const setRef = useRef(binder.set)
  useEffect(() => {
    formRef.current = binder.form
    setRef.current = binder.set
  })
  const seq = useRef(0)

  const run = useCallback(async (ask: BhytAsk, force: boolean): Promise<void> => {
    const mine = ++seq.current
    dispatch({ type: 'ask', ask })
    const r = await bridge.call('bhyt:check', { ...ask, force })
    if (mine !== seq.current) return // a newer check replaced this one
    if (r.ok) dispatch({ type: 'answered', answer: r.value, form: formRef.current })
    else dispatch({ type: 'failed', error: r.error })
  }, [])

  const manual = useCallback((): void => {
    const ask = askFromForm(formRef.current, new Date())
    if (ask) void run(ask, true)
    else dispatch({ type: 'needData' })
  }, [run])

  // A CCCD QR or chip read checks the card with what the card says; a BHYT/VssID QR fills the card first.
  useEffect(() => {
    const offIntake = intakeBus.subscribe((m) => {
      const form =
        m.kind === 'qr'
          ? m.read.coded.form
          : m.kind === 'card' && m.event.type === 'identity'
            ? m.event.coded.form
            : null
      const ask = form ? askFromCoded(form) : null
      if (ask) void run(ask, false)
    })
    const offQr = bhytQrBus.subscribe((m) => {
      if (!m.ok) return dispatch({ type: 'failed', error: m.error })
      const { card, holder } = m.read
      dispatch({ type: 'qr', read: m.read })
      const f = formRef.current
      const set = setRef.current
      if (card.cardNumber) set('bhytCardNumber', card.cardNumber)
      if (!f.fullName.trim() && holder.fullName) set('fullName', holder.fullName)
      if (!f.dob.trim() && holder.dateOfBirth) set('dob', shownDate(holder.dateOfBirth))
      if (!f.sex && holder.sex) set('sex', holder.sex)
      const fullName = f.fullName.trim() || holder.fullName
      const dateOfBirth = holder.dateOfBirth
      if (card.cardNumber && fullName && dateOfBirth)
        void run({ cardKey: card.cardNumber, fullName, dateOfBirth }, false)
    })
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey && !e.ctrlKey && (e.key === 'b' || e.key === 'B')) {
        e.preventDefault()
        manual()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      offIntake()
      offQr()
      window.removeEventListener('keydown', onKey)
    }
  }, [run, manual])

  // A usable card's number goes into the form once (never over the clerk's entry, except a replaced card).
  useEffect(() => {
    const p = state.pendingFill
    if (!p) return
    if (p.replace || !formRef.current.bhytCardNumber.trim()) setRef.current('bhytCardNumber', p.cardNumber)
    dispatch({ type: 'filled' })
  }, [state.pendingFill])

  useEffect(() => bhytLink.set(checkIdForSave(state)), [state])
  useEffect(() => () => bhytLink.set(null), [])
  useEffect(() => {
    if (saved) dispatch({ type: 'saved' })
  }, [saved])
  const empty = !binder.form.fullName && !binder.form.idNumber && !binder.form.bhytCardNumber
  useEffect(() => {
    if (empty) dispatch({ type: 'reset' })
  }, [empty])

  const resolve = (d: HolderDifference, useBhxh: boolean): void => {
    if (useBhxh) binder.set(d.field, d.bhxhValue as never)
    dispatch({ type: 'resolve', field: d.field })
  }
  const shown = (d: HolderDifference, v: string): string =>
    d.field === 'sex' ? t(`bhyt.sexValue.${v as 'male' | 'female' | 'other'}`) : v

  const result = state.answer?.result ?? null
  const card: BhytCard | null = result?.usable ? result.card : result ? null : state.qrCard
  const cardSource = result?.usable ? t('bhyt.fromBhxh') : t('bhyt.fromQr')
  const today = new Date().toLocaleDateString('sv').slice(0, 10)
  const elsewhere = state.answer?.elsewhereToday
    ? [...new Set(result!.checkedElsewhere.filter((c) => c.at.startsWith(today)).map((c) => c.facility))]
    : []
  const resultText = result
    ? messageText({ key: result.messageKey, params: result.messageParams, message: result.message })
    : ''

  let status: { kind: 'ok' | 'error' | 'warn' | 'info'; state: string; text: string } | null = null
  if (state.phase === 'checking') status = { kind: 'info', state: 'checking', text: t('bhyt.checking') }
  else if (state.phase === 'notConfigured')
    status = { kind: 'warn', state: 'not-configured', text: t('bhyt.notConfigured') }
  else if (state.phase === 'needData') status = { kind: 'warn', state: 'need-data', text: t('bhyt.needData') }
  else if (state.phase === 'failed' && state.error)
    status = { kind: 'error', state: 'failed', text: messageText(state.error) }
  else if (result?.status === 'verified')
    status = { kind: 'ok', state: 'usable', text: `${t('bhyt.usable')}: ${resultText}` }
  else if (result?.status === 'refused')
    status = { kind: 'error', state: 'refused', text: `${t('bhyt.refused')}: ${resultText}` }
  else if (result?.status === 'unverified')
    status = { kind: 'warn', state: 'unverified', text: t('bhyt.unverified') }

  return (
    <fieldset className="bhyt-section" data-testid="bhyt-section">
      <legend>{t('bhyt.title')}</legend>
      <div className="intake-tools">
        <button type="button" onClick={manual} data-testid="bhyt-check" disabled={state.phase === 'checking'}>
          {t(result ? 'bhyt.recheck' : 'bhyt.check')} <kbd>{t('bhyt.shortcut')}</kbd>
        </button>
      </div>
      {status ? (
        <div
          className={`banner ${status.kind}`}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="bhyt-status"
          data-state={status.state}
        >
          {status.text}
          {state.phase === 'notConfigured' && state.error ? `: ${messageText(state.error)}` : null}
        </div>
      ) : null}
      {result?.action === 'switch-to-new-card' && result.card?.cardNumber ? (
        <div className="banner info" data-testid="bhyt-switched">
          {t('bhyt.switched', { card: result.card.cardNumber })}
        </div>
      ) : null}
      {result?.action === 'offer-new-card' && result.newCard?.cardNumber ? (
        <div className="banner info" data-testid="bhyt-new-card">
          {t('bhyt.newCardOffered', { card: result.newCard.cardNumber })}{' '}
          <button
            type="button"
            onClick={() => dispatch({ type: 'useNewCard' })}
            data-testid="bhyt-use-new-card"
          >
            {t('bhyt.useNewCard')}
          </button>
        </div>
      ) : null}
      {elsewhere.length > 0 ? (
        <div className="banner warn" role="alert" data-testid="bhyt-elsewhere">
          {t('bhyt.elsewhereToday', { facilities: elsewhere.join(', ') })}
        </div>
      ) : null}
      {card ? (
        <dl className="bhyt-card" data-testid="bhyt-card">
          {CARD_ROWS.map(([k, label]) => {
            const raw = card[k]
            if (!raw) return null
            const value =
              k === 'cardNumber' || k === 'registeredFacility' || k === 'areaCode' ? raw : shownDate(raw)
            return (
              <div key={k} className="bhyt-card-row">
                <dt>{t(label)}</dt>
                <dd data-testid={`bhyt-card-${k}`}>
                  {value} <span className="mark">{cardSource}</span>
                </dd>
              </div>
            )
          })}
        </dl>
      ) : null}
      {state.differences.length > 0 ? (
        <div className="banner warn" data-testid="bhyt-differences">
          <p>{t('bhyt.differences')}</p>
          <ul>
            {state.differences.map((d) => (
              <li key={d.field} data-testid={`bhyt-diff-${d.field}`}>
                {t(`bhyt.field.${d.field}`)}: {shown(d, d.formValue)} → {shown(d, d.bhxhValue)}{' '}
                <button type="button" onClick={() => resolve(d, true)}>
                  {t('bhyt.useBhxh')}
                </button>{' '}
                <button type="button" className="secondary" onClick={() => resolve(d, false)}>
                  {t('bhyt.keepForm')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  )
}
