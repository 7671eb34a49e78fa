import { useTranslation } from 'react-i18next'

interface FieldProps {
  id: string
  label: string
  error?: string | undefined
  required?: boolean
  hint?: string
  children: React.ReactNode
  wide?: boolean
  /** Where the value came from (QR, chip, chip ✓ verified), shown as a small badge. */
  mark?: string | undefined
}

/** A labelled control with its validation message, linked for screen readers. */
export function Field({
  id,
  label,
  error,
  required,
  hint,
  children,
  wide,
  mark
}: FieldProps): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className={`field${wide ? ' wide' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="req"> *</span> : null}
        {mark ? (
          <span className="mark" data-testid={`${id}-mark`}>
            {mark}
          </span>
        ) : null}
      </label>
      {children}
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {t(error)}
        </div>
      ) : hint ? (
        <div className="field-hint">{hint}</div>
      ) : null}
    </div>
  )
}
