import { useEffect, type RefObject } from 'react'

/**
 * The form's keyboard model (ADR 0025): F9 or Ctrl+Enter saves from anywhere on the form, Enter on a checkbox
 * toggles it (Space already does), and after a blocked save the focus goes to the first field to fix.
 */
export function useSaveShortcut(formRef: RefObject<HTMLFormElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const form = formRef.current
      if (!form || e.defaultPrevented) return
      if (e.key === 'F9' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault()
        form.requestSubmit()
        return
      }
      const t = e.target
      if (e.key === 'Enter' && t instanceof HTMLInputElement && t.type === 'checkbox' && form.contains(t)) {
        e.preventDefault()
        t.click()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [formRef])
}

/** Focuses (and scrolls to) the first control marked invalid, or the first field with an error. */
export function focusFirstInvalid(form: HTMLFormElement): void {
  const el =
    form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    form.querySelector<HTMLElement>('.field.has-error input, .field.has-error select')
  el?.focus()
}

/** What a card never carries and the clerk asks the patient next, in form order. */
const ASK_NEXT = ['f-ethnicityCode', 'f-occupationCode', 'f-phone'] as const

/**
 * After a card or QR filled the form, the focus goes to the first field it left empty that the clerk asks about
 * (ethnicity after a QR, then occupation, phone), unless the clerk is busy elsewhere (a question, the CAN box).
 */
export function focusFirstMissing(form: HTMLFormElement | null): void {
  if (!form) return
  const active = document.activeElement
  const body = form.querySelector('.form-body')
  if (active && active !== document.body && !(body && body.contains(active))) return
  for (const id of ASK_NEXT) {
    const el = form.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)
    if (el && !el.disabled && !el.value) {
      el.focus()
      return
    }
  }
}
