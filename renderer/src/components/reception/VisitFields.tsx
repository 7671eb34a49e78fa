import { useTranslation } from 'react-i18next'
import { Field } from '../Field'
import { visitTypes } from '../../../../contract/patient'
import type { FieldBinder } from './field-binder'

/** The visit being registered: service, department, reason. */
export function VisitFields({ binder }: { binder: FieldBinder }): React.JSX.Element {
  const { t } = useTranslation()
  const { text } = binder
  return (
    <>
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
    </>
  )
}
