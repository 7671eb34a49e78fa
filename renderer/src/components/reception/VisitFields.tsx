import { useTranslation } from 'react-i18next'
import { Field } from '../Field'
import { priorityClasses } from '../../../../contract/desk'
import { visitTypes } from '../../../../contract/patient'
import { careTypes, knownObjectCodes } from '../../../../contract/visit-codes'
import { useMessageText } from '../../i18n/format'
import {
  currentChecks,
  effectiveCareType,
  suggestedObjectCode,
  suggestedPriority
} from '../../form/visit-form'
import type { FieldBinder } from './field-binder'

/**
 * The visit being registered: the service (no default), room, reason, the XML visit fields reception owns
 * (MA_LOAI_KCB, MA_DOITUONG_KCB, referral slip, referring facility, emergency) and the queue priority. Selects
 * and inputs only, so the keyboard reaches everything; a service that does not fit the patient shows its warning
 * with a checkbox the clerk must tick before saving.
 */
export function VisitFields({ binder }: { binder: FieldBinder }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const messageText = useMessageText()
  const { form, text, set, visibleError } = binder
  const today = new Date()
  const en = i18n.language.startsWith('en')
  const checks = currentChecks(form, today)
  const suggestedClass = suggestedPriority(form, today)
  const objectHint = suggestedObjectCode(form)
  const defaultCare = form.serviceType ? effectiveCareType({ ...form, careTypeCode: '' }) : null
  const careLabel = (code: string): string => {
    const c = careTypes.find((x) => x.code === code)
    return c ? `${c.code} — ${en ? c.en : c.vi}` : code
  }
  const priorityLabel = (p: string): string => messageText({ key: `slip.priority.${p}`, message: p })
  const confirmError = visibleError('confirmedChecks')
  return (
    <fieldset>
      <legend>{t('form.sectionVisit')}</legend>
      <div className="grid">
        <Field id="f-serviceType" label={t('form.serviceType')} error={visibleError('serviceType')} required>
          <select {...text('serviceType')}>
            <option value="">{t('visit.choose')}</option>
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
        <Field id="f-careTypeCode" label={t('visit.careType')}>
          <select {...text('careTypeCode')}>
            <option value="">
              {defaultCare
                ? t('visit.careTypeAuto', { label: careLabel(defaultCare) })
                : t('visit.careTypeByService')}
            </option>
            {careTypes.map((c) => (
              <option key={c.code} value={c.code}>
                {careLabel(c.code)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="f-objectCode"
          label={t('visit.objectCode')}
          error={visibleError('objectCode')}
          hint={t('visit.objectCodeHint')}
        >
          <input
            {...text('objectCode')}
            list="object-codes"
            maxLength={4}
            inputMode="decimal"
            placeholder={objectHint ?? ''}
          />
        </Field>
        <datalist id="object-codes">
          {knownObjectCodes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label ? t(`visit.objectCodeLabel.${c.label}`) : c.code}
            </option>
          ))}
        </datalist>
        <Field id="f-emergency" label={t('visit.emergency')}>
          <input
            id="f-emergency"
            name="emergency"
            type="checkbox"
            checked={form.emergency}
            onChange={(e) => set('emergency', e.target.checked)}
          />
        </Field>
        <Field id="f-priority" label={t('visit.priority')}>
          <select {...text('priority')}>
            <option value="">
              {suggestedClass
                ? t('visit.priorityAuto', { label: priorityLabel(suggestedClass) })
                : t('visit.priorityAutoNone')}
            </option>
            <option value="none">{t('visit.priorityNone')}</option>
            {priorityClasses.map((p) => (
              <option key={p} value={p}>
                {priorityLabel(p)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-referralNumber" label={t('visit.referralNumber')} error={visibleError('referralNumber')}>
          <input {...text('referralNumber')} maxLength={50} autoComplete="off" />
        </Field>
        <Field
          id="f-referringFacility"
          label={t('visit.referringFacility')}
          error={visibleError('referringFacility')}
          hint={t('visit.referringFacilityHint')}
        >
          <input {...text('referringFacility')} maxLength={5} autoComplete="off" />
        </Field>
        <Field id="f-reason" label={t('form.reason')} wide>
          <input {...text('reason')} maxLength={500} />
        </Field>
      </div>
      {checks.length > 0 ? (
        <div className="banner warn" role="alert" data-testid="visit-checks">
          {checks.map((c) => (
            <p key={c.code}>{messageText({ key: c.key, params: c.params, message: c.key })}</p>
          ))}
          <label>
            <input
              type="checkbox"
              id="f-confirmedChecks"
              name="confirmedChecks"
              aria-invalid={Boolean(confirmError)}
              aria-describedby={confirmError ? 'f-confirmedChecks-error' : undefined}
              checked={checks.every((c) => form.confirmedChecks.includes(c.code))}
              onChange={(e) => set('confirmedChecks', e.target.checked ? checks.map((c) => c.code) : [])}
            />{' '}
            {t('visit.confirmChecks')}
          </label>
          {confirmError ? (
            <div className="field-error" id="f-confirmedChecks-error">
              {t(confirmError)}
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  )
}
