import { useTranslation } from 'react-i18next'
import { Field } from '../Field'
import type { FieldBinder } from './field-binder'

/** A child's mother or guardian, linked to her record when found by ID number. */
export function GuardianFields({
  binder,
  guardianLookup,
  findGuardian
}: {
  binder: FieldBinder
  guardianLookup: 'linked' | 'none' | null
  findGuardian: () => Promise<void>
}): React.JSX.Element {
  const { t } = useTranslation()
  const { form, text, visibleError, set } = binder
  return (
    <>
      <fieldset>
        <legend>{t('form.sectionGuardian')}</legend>
        <label className="check">
          <input
            type="checkbox"
            id="f-isChild"
            checked={form.isChild}
            onChange={(e) => set('isChild', e.target.checked)}
          />{' '}
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
    </>
  )
}
