import { useTranslation } from 'react-i18next'
import { Field } from '../Field'
import type { FieldBinder } from './field-binder'
import { useCatalog } from '../../use-catalog'
import { OccupationPicker } from './OccupationPicker'

/** Who the patient is: name, birth date, sex, identifiers, ethnicity, nationality, occupation, phone. */
export function PatientFields({ binder }: { binder: FieldBinder }): React.JSX.Element {
  const { t } = useTranslation()
  const { form, text, visibleError, markOf } = binder
  const ethnicities = useCatalog('ethnicity')
  const nationalities = useCatalog('nationality')
  const occupations = useCatalog('occupation')
  return (
    <>
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
                  {c.name} ({c.code})
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
            <OccupationPicker
              inputProps={text('occupationCode')}
              entries={occupations}
              onPick={(code) => binder.set('occupationCode', code)}
            />
          </Field>
          <Field id="f-phone" label={t('form.phone')} error={visibleError('phone')}>
            <input {...text('phone')} inputMode="tel" maxLength={16} />
          </Field>
        </div>
      </fieldset>
    </>
  )
}
