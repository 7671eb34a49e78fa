import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CatalogEntry } from '../../../../contract/api'
import { matchOccupations } from './occupation-search'

/**
 * The occupation (MA_NGHE_NGHIEP, QĐ 34/2020/QĐ-TTg level-5 code) as a keyboard-first combobox: digits go straight
 * into the code (a code typed by hand still works; its name shows under the box); words search the names without
 * regard to accents, ↑/↓ move, Enter picks, Esc gives the code back. The list comes most used at this desk first
 * (catalogs:list), 00000 "không nghề" always there. A search never changes the form until the clerk picks.
 */
export function OccupationPicker({
  inputProps,
  entries,
  onPick
}: {
  inputProps: React.InputHTMLAttributes<HTMLInputElement> & { value: string }
  entries: readonly CatalogEntry[]
  onPick: (code: string) => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [query, setQuery] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const listed = entries.some((e) => e.code === '00000')
    ? entries
    : [{ code: '00000', name: t('desk.occupationNone'), parent: null }, ...entries]
  const code = inputProps.value.trim()
  const name = listed.find((e) => e.code === code)?.name
  const matches = query === null ? [] : matchOccupations(listed, query)
  const open = matches.length > 0
  const pick = (entry: CatalogEntry): void => {
    setQuery(null)
    setActive(0)
    onPick(entry.code)
  }
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (query === null) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) => (matches.length === 0 ? 0 : (a + step + matches.length) % matches.length))
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      const chosen = matches[Math.min(active, matches.length - 1)]
      if (chosen) pick(chosen)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      setQuery(null)
    }
  }
  const hint =
    query !== null
      ? open
        ? t('occupation.pickHint')
        : t('occupation.noMatch')
      : (name ??
        (/^\d{5}$/.test(code) ? t('desk.occupationUnknownCode', { code }) : t('desk.occupationHint')))
  return (
    <div className="occupation-picker">
      <input
        {...inputProps}
        value={query ?? inputProps.value}
        onChange={(e) => {
          const typed = e.target.value
          if (/^\d{0,5}$/.test(typed.trim())) {
            setQuery(null)
            inputProps.onChange?.(e)
          } else {
            setQuery(typed)
            setActive(0)
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          setQuery(null)
          inputProps.onBlur?.(e)
        }}
        role="combobox"
        aria-expanded={open}
        aria-controls="occupation-options"
        aria-autocomplete="list"
        aria-activedescendant={open ? `occupation-option-${active}` : undefined}
        inputMode="search"
        maxLength={80}
        placeholder="00000"
        autoComplete="off"
        aria-describedby={inputProps['aria-describedby'] ?? 'f-occupationCode-name'}
      />
      {open ? (
        <ul
          className="occupation-options"
          id="occupation-options"
          role="listbox"
          data-testid="occupation-options"
        >
          {matches.map((m, i) => (
            <li
              key={m.code}
              id={`occupation-option-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault()
                pick(m)
              }}
            >
              <span className="code">{m.code}</span> {m.name}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field-hint" id="f-occupationCode-name" data-testid="occupation-name">
        {hint}
      </div>
    </div>
  )
}
