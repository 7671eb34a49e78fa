import type { FieldName, FormState } from '../../form/form-state'

/** How a form section reads and edits the one reception state (see ReceptionForm). */
export interface FieldBinder {
  form: FormState
  /** Props of a text input or select bound to a field: value, change handler, error wiring. */
  text: (field: FieldName & keyof FormState) => {
    id: string
    name: string
    value: string
    'aria-invalid': boolean
    'aria-describedby': string | undefined
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void
  }
  set: <K extends FieldName>(field: K, value: FormState[K]) => void
  /** The field's error once the clerk touched it or tried to save. */
  visibleError: (field: FieldName) => string | undefined
  /** The badge saying where the value came from (QR, chip, verified chip). */
  markOf: (field: FieldName) => string | undefined
}
