import { AppError } from '../../contract/errors'

/**
 * Recognises the ways a keyboard-wedge QR scanner mangles Vietnamese text (cccd-card.md §9.2):
 * unmappable characters replaced by '?', UTF-8 read as Windows-1252 ("NguyÃªn"), Alt+numpad
 * sequences landing in the wrong code page (box drawing, Greek), text in the legacy TCVN3/VNI
 * font encodings, and digits typed through a non-US layout (AZERTY "àéé…").
 * A genuine CCCD QR holds only digits, '|', spaces, punctuation of addresses and Vietnamese letters,
 * so each pattern below is impossible in clean data.
 */

export type ScanDamageKind =
  'replacement-char' | 'question-mark' | 'mojibake' | 'alt-code' | 'tcvn3' | 'vni' | 'keyboard-layout'

export interface ScanDamage {
  kind: ScanDamageKind
  /** Index in the (NFC) text of the first damaged character. */
  index: number
  /** The offending characters (at most 3), never a whole field. */
  found: string
}

interface Rule {
  kind: ScanDamageKind
  pattern: RegExp
  /** Matches needed before the rule fires (patterns that a rare real name can hit once). */
  minMatches?: number
}

// cp1252 renderings of UTF-8 continuation bytes 0x80–0xBF (and the C1 range itself).
const CP1252_CONTINUATION =
  '\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122'

/* eslint-disable no-control-regex -- C0 controls inside a scan are Alt+1…31 garbage */
const RULES: readonly Rule[] = [
  { kind: 'replacement-char', pattern: /\uFFFD/ },
  { kind: 'question-mark', pattern: /\?/ },
  // UTF-8 lead bytes of Vietnamese letters (C3–C6, E1) read as cp1252/latin-1, followed by a continuation.
  { kind: 'mojibake', pattern: new RegExp(`[\\u00C2-\\u00C6\\u00E1][${CP1252_CONTINUATION}]`) },
  { kind: 'mojibake', pattern: /[\u0080-\u009F]/ },
  // Alt+numpad in the OEM code page (CP437/CP850): box drawing, blocks, shapes, arrows, card suits,
  // Greek and maths glyphs, and C0 controls typed as Alt+1…31.
  {
    kind: 'alt-code',
    pattern:
      /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F\u0391-\u03C9\u2022\u2190-\u21FF\u2219-\u2265\u2302\u2310\u2320\u2321\u2500-\u25FF\u263A-\u266F]/
  },
  // TCVN3 (ABC) fonts put tone and vowel marks on latin-1 symbols: "ViÖt", "®", "¨", "¬".
  { kind: 'tcvn3', pattern: /[\u00A1-\u00BF\u00D7\u00F7]/ },
  // VNI-Windows fonts write a base vowel then a mark glyph: "Nguyeãn", "Vaên", "Lyù", "Ñaø".
  { kind: 'vni', pattern: /[ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ]/ },
  // (A real minority place name can hold one such pair, e.g. "Xã Laêê"; VNI text has one per accented letter.)
  { kind: 'vni', pattern: /[aAeE][àáãâÀÁÃÂ]|[aA][êéèÊÉÈ]|[aeiouyAEIOUY][ùÙ]/g, minMatches: 2 }
]
/* eslint-enable no-control-regex */

// French AZERTY digit row typed by a scanner configured for a US layout: 1234567890 → &é"'(-è_çà.
const AZERTY_DIGITS = /^[&é"'(\-§è_!çà]{12}/
// Digits fine but the '|' key lands elsewhere on the configured layout.
const REMAPPED_SEPARATOR = /^\d{12}([<>\\¦§~^#])/

// Framing around a scan (BOM, STX/ETX, CR/LF, NUL) is not damage; a NUL or line break inside is a space.
/* eslint-disable no-control-regex */
const LEADING_FRAMING = /^[\u0000-\u001F\s]*/
const TRAILING_FRAMING = /[\u0000-\u001F\s]+$/
const INNER_BREAKS = /[\u0000\r\n\t]/g
/* eslint-enable no-control-regex */

/** Index of the first match when the rule fires, else null. */
function firstMatch(rule: Rule, body: string): number | null {
  const need = rule.minMatches ?? 1
  if (need === 1) return rule.pattern.exec(body)?.index ?? null
  let count = 0
  let first: number | null = null
  for (const m of body.matchAll(rule.pattern)) {
    first ??= m.index
    if (++count >= need) return first
  }
  return null
}

function sample(text: string, index: number): string {
  return Array.from(text.slice(index, index + 3))
    .slice(0, 3)
    .join('')
}

/**
 * The first sign of wedge damage in `text`, or null when the text looks clean. Leading and trailing
 * framing characters (BOM, STX/ETX, CR/LF, NUL) are not damage.
 */
export function detectScanDamage(text: string): ScanDamage | null {
  const nfc = text.normalize('NFC')
  const lead = LEADING_FRAMING.exec(nfc)?.[0].length ?? 0
  const body = nfc.slice(lead).replace(TRAILING_FRAMING, '').replace(INNER_BREAKS, ' ')
  // The ID number comes first: typed through AZERTY it is a run of "àé&…", whatever follows.
  if (AZERTY_DIGITS.test(body)) return { kind: 'keyboard-layout', index: lead, found: sample(body, 0) }
  for (const rule of RULES) {
    const m = firstMatch(rule, body)
    if (m !== null) return { kind: rule.kind, index: lead + m, found: sample(body, m) }
  }
  if (!body.includes('|')) {
    const sep = REMAPPED_SEPARATOR.exec(body)
    if (sep) return { kind: 'keyboard-layout', index: lead + 12, found: sep[1] ?? '' }
  }
  return null
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
  return AppError.of(
    'SCAN_DAMAGED',
    undefined,
    { kind: `scanDamage.${damage.kind}` },
    { kind: damage.kind, index: damage.index }
  ).withDetail(`Scan damaged by a keyboard-wedge scanner: ${KIND_EN[damage.kind]}`)
}
