/**
 * Recognises how a scanner in keyboard (wedge) mode mangles Vietnamese text, and tells the clerk, in
 * Vietnamese, how to switch the scanner to a mode that works. Pure TS, self-contained (no Node, no React).
 *
 * A wedge scanner must turn every character into key presses for a configured keyboard country. It
 * cannot press "ễ": it sends '?', drops the mark, types an Alt+numpad code (Windows only, code-page
 * dependent), or sends the UTF-8 bytes as Latin-1 characters ("NguyÃªn"). A Vietnamese IME (Unikey,
 * EVKey) may also rewrite the keys it sends. Clean CCCD QR text never contains any of these patterns.
 */

export type WedgeDamageKind =
  | 'replacement' // '?' or U+FFFD where a letter should be
  | 'mojibake' // UTF-8 bytes shown as Windows-1252/Latin-1 characters
  | 'alt-code' // Alt+numpad codes typed in the wrong code page, or their digits left in the text
  | 'diacritics-lost' // the marks were dropped: "Nguyen Thi Hoa", "Nu"
  | 'keyboard-layout' // digits or '|' typed for another keyboard country (AZERTY "&éé…")
  | 'ime' // a Vietnamese input method rewrote the scanner's keys

export interface WedgeDamage {
  readonly kind: WedgeDamageKind
  /** What the clerk should do, in Vietnamese. */
  readonly hint: string
  /** For mojibake that round-trips cleanly: the text as the QR held it. Only digits from it are safe to trust. */
  readonly repaired?: string
}

const SWITCH_MODE =
  'Hãy quét mã cấu hình trong tờ hướng dẫn để chuyển máy quét sang chế độ USB-COM (cổng COM ảo) hoặc HID-POS, ' +
  'hoặc bật chế độ bàn phím Unicode của máy quét. Trong lúc chờ, chỉ dùng số CCCD và ngày sinh từ mã QR; ' +
  'họ tên và địa chỉ lấy từ chip hoặc nhập tay.'

export const wedgeDamageHints: Readonly<Record<WedgeDamageKind, string>> = {
  replacement: `Máy quét đang ở chế độ bàn phím nên không gõ được chữ có dấu (hiện thành dấu "?"). ${SWITCH_MODE}`,
  mojibake: `Máy quét đang ở chế độ bàn phím nên chữ có dấu bị sai bảng mã (ví dụ "NguyÃªn"). ${SWITCH_MODE}`,
  'alt-code': `Máy quét gõ chữ có dấu bằng mã Alt nên bị sai (ký tự lạ hoặc chữ số thừa trong tên). ${SWITCH_MODE}`,
  'diacritics-lost': `Máy quét đang ở chế độ bàn phím và đã làm mất dấu tiếng Việt (ví dụ "Nguyen"). ${SWITCH_MODE}`,
  'keyboard-layout':
    `Máy quét đặt sai kiểu bàn phím nên chữ số hoặc dấu "|" bị đổi thành ký tự khác. ` +
    `Hãy đặt kiểu bàn phím của máy quét là US (English), hoặc tốt hơn: ${SWITCH_MODE}`,
  ime:
    'Bộ gõ tiếng Việt (Unikey/EVKey) đang bật và đã sửa dữ liệu máy quét gõ vào. Hãy tắt bộ gõ (chuyển sang "E") ' +
    `trước khi quét, rồi quét lại. ${SWITCH_MODE}`
}

function damage(kind: WedgeDamageKind, repaired?: string): WedgeDamage {
  return repaired === undefined
    ? { kind, hint: wedgeDamageHints[kind] }
    : { kind, hint: wedgeDamageHints[kind], repaired }
}

// Windows-1252 characters for bytes 0x80–0x9F (the rest of 0x00–0xFF map to themselves, as Latin-1).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
const cp1252Byte = new Map<string, number>()
for (let b = 0; b < 0x100; b++)
  cp1252Byte.set(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b), b)

/** Reverses "UTF-8 read as Windows-1252": null unless the whole text maps back to valid UTF-8 that differs. */
export function repairMojibake(text: string): string | null {
  const bytes: number[] = []
  for (const ch of text) {
    const b = cp1252Byte.get(ch)
    if (b === undefined) return null
    bytes.push(b)
  }
  if (!bytes.some((b) => b >= 0x80)) return null
  try {
    const fixed = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes))
    return fixed !== text ? fixed : null
  } catch {
    return null
  }
}

// A UTF-8 lead byte of a Vietnamese letter (Ã Ä Å Æ á) shown as Latin-1, then a continuation byte 0x80–0xBF.
const MOJIBAKE =
  /[\u00C2-\u00C6\u00E1][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/
// Alt+numpad typed into the OEM code page: box drawing, blocks, Greek, maths, C0 controls (not GS, used by GS1).
const OEM_GLYPHS =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Alt+1…31 types
  /[\u0001-\u0008\u000B\u000C\u000E-\u001C\u001E\u001F\u0391-\u03C9\u2219-\u2265\u2310\u2320\u2321\u2500-\u25FF]/
const QUESTION = /\uFFFD|\p{L}\?|\?\p{L}/u
// 1234567890 typed by a US-configured scanner on an AZERTY (or Belgian) layout.
const AZERTY_DIGIT_ROW = /^[&é"'(\-§è_!çà]{9,12}/

function hasNonAscii(text: string): boolean {
  for (const ch of text) if (ch.charCodeAt(0) > 0x7f) return true
  return false
}

/** Splits text that looks like a CCCD QR (≥ 7 '|' fields, 12-digit number first); null otherwise. */
function cccdFields(text: string): string[] | null {
  const fields = text.split('|')
  return fields.length >= 7 && /^\d{12}$/.test(fields[0] ?? '') ? fields : null
}

/**
 * Returns how a wedge scan was damaged, or null when the text shows no sign of it. Works on any scanned
 * text; the CCCD-specific checks (sex field, missing marks) apply only when the text has the CCCD shape.
 */
export function detectWedgeDamage(raw: string): WedgeDamage | null {
  const text = raw.normalize('NFC')
  if (QUESTION.test(text)) return damage('replacement')
  const repaired = repairMojibake(text)
  if (repaired !== null && hasNonAscii(repaired)) return damage('mojibake', repaired)
  if (MOJIBAKE.test(text)) return damage('mojibake')
  if (OEM_GLYPHS.test(text)) return damage('alt-code')
  if (AZERTY_DIGIT_ROW.test(text)) return damage('keyboard-layout')

  const fields = cccdFields(text)
  if (fields === null) {
    // Twelve digits then something other than '|': the separator key is wrong for the layout.
    if (/^\d{12}[^|\d]/.test(text) && !text.includes('|')) return damage('keyboard-layout')
    return null
  }
  const [, , name = '', , sex = '', address = ''] = fields
  // A name never holds digits; a wedge leaves Alt-code digits in it ("Nguy7877n").
  if (/\d/.test(name) || /\d/.test(sex)) return damage('alt-code')
  if (/^N[uư]?$/i.test(sex)) return damage('diacritics-lost')
  // Every CCCD address names a commune and a province with marks ("Tỉnh", "Xã", "Phường"…).
  if (!hasNonAscii(name + address) && address.length > 0) return damage('diacritics-lost')
  return null
}
