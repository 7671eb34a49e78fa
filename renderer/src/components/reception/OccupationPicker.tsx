import { useTranslation } from 'react-i18next'
import type { CatalogEntry } from '../../../../contract/api'

/**
 * The occupation (MA_NGHE_NGHIEP, QĐ 34/2020/QĐ-TTg level-5 code) as a searchable list: a text box with the
 * browser's own suggestion list (typing a name or a code filters it, arrows and Enter pick), the common codes
 * first, 00000 "không nghề" always there. A code typed by hand still works; its name shows under the box.
 */
export function OccupationPicker({
  inputProps,
  entries
}: {
  inputProps: React.InputHTMLAttributes<HTMLInputElement> & { value: string }
  entries: readonly CatalogEntry[]
}): React.JSX.Element {
  const { t } = useTranslation()
  const listed = entries.some((e) => e.code === '00000')
    ? entries
    : [{ code: '00000', name: t('desk.occupationNone') }, ...entries]
  const code = inputProps.value.trim()
  const name = listed.find((e) => e.code === code)?.name
  return (
    <>
      <input
        {...inputProps}
        list="occupation-list"
        inputMode="search"
        maxLength={5}
        placeholder="00000"
        autoComplete="off"
        aria-describedby={inputProps['aria-describedby'] ?? 'f-occupationCode-name'}
      />
      <datalist id="occupation-list">
        {listed.map((e) => (
          <option key={e.code} value={e.code} label={`${e.code} · ${e.name}`} />
        ))}
      </datalist>
      <div className="field-hint" id="f-occupationCode-name" data-testid="occupation-name">
        {name ??
          (/^\d{5}$/.test(code) ? t('desk.occupationUnknownCode', { code }) : t('desk.occupationHint'))}
      </div>
    </>
  )
}
