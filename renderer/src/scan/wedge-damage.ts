/**
 * Tells the clerk, in Vietnamese, how a scanner in keyboard (wedge) mode mangled a scan and how to switch the
 * scanner to a mode that works. The detection itself is contract/rules/scan-damage (shared with the QR
 * decoder); this module only words it. Pure TS (no Node, no React).
 *
 * A wedge scanner must turn every character into key presses for a configured keyboard country. It
 * cannot press "ễ": it sends '?', drops the mark, types an Alt+numpad code (Windows only, code-page
 * dependent), or sends the UTF-8 bytes as Latin-1 characters ("NguyÃªn"). A Vietnamese IME (Unikey,
 * EVKey) may also rewrite the keys it sends.
 */
import {
  cccdQrFields,
  detectScanDamage,
  marksDropped,
  type ScanDamageKind
} from '../../../contract/rules/scan-damage'

export { repairMojibake } from '../../../contract/rules/scan-damage'

export type WedgeDamageKind =
  | 'replacement' // '?' or U+FFFD where a letter should be
  | 'mojibake' // UTF-8 bytes shown as Windows-1252/Latin-1 characters, or a legacy font encoding
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

/** Which hint fits each kind the shared detector reports (a legacy font encoding is a wrong code table too). */
const HINT_OF: Readonly<Record<ScanDamageKind, WedgeDamageKind>> = {
  'replacement-char': 'replacement',
  'question-mark': 'replacement',
  mojibake: 'mojibake',
  tcvn3: 'mojibake',
  vni: 'mojibake',
  'alt-code': 'alt-code',
  'keyboard-layout': 'keyboard-layout'
}

function damage(kind: WedgeDamageKind, repaired?: string): WedgeDamage {
  return repaired === undefined
    ? { kind, hint: wedgeDamageHints[kind] }
    : { kind, hint: wedgeDamageHints[kind], repaired }
}

/**
 * Returns how a wedge scan was damaged, or null when the text shows no sign of it. Works on any scanned
 * text; the missing-marks check applies only when the text has the CCCD QR shape.
 */
export function detectWedgeDamage(raw: string): WedgeDamage | null {
  const text = raw.normalize('NFC')
  const found = detectScanDamage(text)
  if (found !== null) return damage(HINT_OF[found.kind], found.repaired)
  const fields = cccdQrFields(text)
  if (
    fields !== null &&
    marksDropped({ fullName: fields[2] ?? '', sex: fields[4] ?? '', address: fields[5] ?? '' })
  )
    return damage('diacritics-lost')
  return null
}
