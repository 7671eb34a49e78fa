import { useTranslation } from 'react-i18next'
import { useMessageText, type MessageCarrier } from '../../i18n/format'
import { Field } from '../Field'
import type { FieldBinder } from './field-binder'
import type { AddressCandidateValue } from '../../../../contract/reading'
import { useCatalog } from '../../use-catalog'

/** What part of the old unit went to a candidate ("nhận một phần của Xã X"), instead of a score. */
function CandidatePart({ c }: { c: AddressCandidateValue }): React.JSX.Element | null {
  const { t } = useTranslation()
  if (!c.fromOldName) return null
  const key = c.share === 'full' || !c.fromSplit ? 'desk.fullPart' : 'desk.splitPart'
  return <span className="part"> — {t(key, { old: c.fromOldName })}</span>
}

/** The residence address, its codes, and the readings to choose from when the card text was ambiguous. */
export function AddressFields({
  binder,
  addressNote,
  candidates,
  chooseAddress
}: {
  binder: FieldBinder
  addressNote: MessageCarrier | null
  candidates: readonly AddressCandidateValue[]
  chooseAddress: (c: AddressCandidateValue) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const messageText = useMessageText()
  const { form, text, visibleError, markOf, set } = binder
  const provinces = useCatalog('province')
  const communes = useCatalog('commune', form.provinceCode || null, Boolean(form.provinceCode))
  return (
    <>
      <fieldset>
        <legend>{t('form.sectionAddress')}</legend>
        {/* While the clerk still has to choose, the warning above is the one note: a "mapped to …" line here
            would read as a decision already made. */}
        {addressNote && candidates.length === 0 ? (
          <div className="banner info" data-testid="address-note">
            {messageText(addressNote)}
          </div>
        ) : null}
        {candidates.length > 0 ? (
          <div className="candidates" data-testid="address-candidates">
            <div>{t('intake.chooseAddress')}</div>
            {candidates.map((c) => (
              <button
                type="button"
                key={`${c.communeCode}-${c.unitListVersion}`}
                onClick={() => chooseAddress(c)}
              >
                {c.communeName}
                <CandidatePart c={c} />
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
    </>
  )
}
