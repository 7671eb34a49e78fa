/** Text clean-up shared by the QR and DG13 decoders. */

// BOM, NUL and the other C0/C1 controls a scanner or a chip string can carry; tabs and line breaks
// become spaces so that words never glue together.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u200C\u2060]|\u200D/g
const BREAKS = /[\t\r\n\u0085\u2028\u2029]/g
const SPACES = /[ \u00A0\u2000-\u200A\u202F\u205F\u3000]+/g

/** NFC, no control characters, single spaces, trimmed. */
export function cleanField(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(BREAKS, ' ').normalize('NFC').replace(SPACES, ' ').trim()
}

/** Like {@link cleanField} but an empty result becomes null. */
export function cleanOptional(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null
  const text = cleanField(raw)
  return text === '' ? null : text
}
