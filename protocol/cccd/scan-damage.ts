import { AppError } from '../../contract/errors'
import type { ScanDamage, ScanDamageKind } from '../../contract/rules/scan-damage'

export { detectScanDamage, type ScanDamage, type ScanDamageKind } from '../../contract/rules/scan-damage'

/** How the QR decoder tells the clerk about wedge damage (the detector is contract/rules/scan-damage). */

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
  return AppError.of(
    'SCAN_DAMAGED',
    undefined,
    { kind: `scanDamage.${damage.kind}` },
    { kind: damage.kind, index: damage.index }
  ).withDetail(`Scan damaged by a keyboard-wedge scanner: ${KIND_EN[damage.kind]}`)
}
