import { AppError } from '../../contract/errors'
import type { ScanDamage, ScanDamageKind } from '../../contract/rules/scan-damage'

export { detectScanDamage, type ScanDamage, type ScanDamageKind } from '../../contract/rules/scan-damage'

/** How the QR decoder tells the clerk about wedge damage (the detector is contract/rules/scan-damage). */

const KIND_VI: Record<ScanDamageKind, string> = {
  'replacement-char': 'có ký tự không đọc được',
  'question-mark': 'chữ có dấu bị thay bằng dấu "?" (ví dụ "Nguy?n")',
  mojibake: 'chữ có dấu bị biến thành ký tự lạ (ví dụ "NguyÃªn")',
  'alt-code': 'có ký hiệu lạ do máy quét gõ bằng Alt + số',
  tcvn3: 'chữ bị mã hoá theo bảng mã cũ TCVN3 (ABC)',
  vni: 'chữ bị mã hoá theo bảng mã cũ VNI',
  'keyboard-layout': 'chữ số hoặc dấu "|" bị đổi do máy quét đặt sai kiểu bàn phím'
}

const KIND_EN: Record<ScanDamageKind, string> = {
  'replacement-char': 'U+FFFD replacement characters',
  'question-mark': "diacritics replaced by '?'",
  mojibake: 'UTF-8 decoded as Windows-1252 (mojibake)',
  'alt-code': 'Alt+numpad code-page garbage',
  tcvn3: 'legacy TCVN3 encoding',
  vni: 'legacy VNI encoding',
  'keyboard-layout': 'digits or separators remapped by a keyboard layout'
}

/** The AppError telling the clerk the scan is damaged and how to set the scanner up. */
export function scanDamagedError(damage: ScanDamage): AppError {
  return new AppError(
    'SCAN_DAMAGED',
    `Dữ liệu quét bị hỏng: ${KIND_VI[damage.kind]}. Máy quét đang chạy ở chế độ giả lập bàn phím nên không gửi đúng tiếng Việt. ` +
      'Cách sửa: quét mã cấu hình trong sách hướng dẫn của máy quét để chuyển sang chế độ USB-COM (cổng COM ảo) hoặc HID-POS; ' +
      'nếu bắt buộc dùng chế độ bàn phím, bật chế độ bàn phím Unicode và tắt Unikey/EVKey khi quét. Sau đó quét lại thẻ. ' +
      'Không dùng dữ liệu vừa quét.',
    `Scan damaged by a keyboard-wedge scanner: ${KIND_EN[damage.kind]}. Switch the scanner to USB-COM (CDC) or HID-POS mode, or Unicode keyboard mode.`,
    { kind: damage.kind, index: damage.index }
  )
}
