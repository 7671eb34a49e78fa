import type { Sex } from '../../../contract/identity'
import { foldVietnamese } from '../../../contract/rules/text'

/** GIOI_TINH (QĐ 130/4750, QĐ 697/2026): 1 male, 2 female, 3 undetermined. */
export type SexCode = '1' | '2' | '3'

const codes: Record<Sex, SexCode> = { male: '1', female: '2', other: '3' }

export function sexCode(sex: Sex): SexCode {
  return codes[sex]
}

/** Reads the card's printed sex ("Nam"/"Nữ", with or without marks); null when unreadable. */
export function sexFromText(text: string): Sex | null {
  const t = foldVietnamese(text)
  if (t === 'nam' || t === 'male' || t === 'm') return 'male'
  if (t === 'nu' || t === 'female' || t === 'f') return 'female'
  return null
}
