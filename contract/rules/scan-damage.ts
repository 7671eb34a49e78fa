/**
 * The one scan-damage detector: recognises how a keyboard-wedge QR scanner mangles Vietnamese text.
 * Unmappable characters become '?', UTF-8 is read as Windows-1252 ("NguyÃªn"), Alt+numpad sequences land in
 * the wrong code page (box drawing, Greek) or leave their digits behind, text arrives in the legacy TCVN3/VNI
 * font encodings, or the digits and '|' are typed through another keyboard country (AZERTY "àéé…").
 * A genuine CCCD QR holds only digits, '|', spaces, address punctuation and Vietnamese letters, so each
 * pattern below is impossible in clean data. Pure and dependency-free: the QR decoder (protocol/cccd) and the
 * renderer's wedge listener both use it, and word the finding for the clerk themselves.
 */

export type ScanDamageKind =
  'replacement-char' | 'question-mark' | 'mojibake' | 'alt-code' | 'tcvn3' | 'vni' | 'keyboard-layout'

export interface ScanDamage {
  kind: ScanDamageKind
  /** Index in the (NFC) text of the first damaged character. */
  index: number
  /** The offending characters (at most 3), never a whole field. */
  found: string
  /** For mojibake that round-trips cleanly: the text as the QR held it. Only digits from it are safe to trust. */
  repaired?: string
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
  // Greek and maths glyphs, and C0 controls typed as Alt+1…31 (not GS, which GS1 barcodes carry).
  {
    kind: 'alt-code',
    pattern:
      /[\u0001-\u0008\u000B\u000C\u000E-\u001C\u001E\u001F\u007F\u0391-\u03C9\u2022\u2190-\u21FF\u2219-\u2265\u2302\u2310\u2320\u2321\u2500-\u25FF\u263A-\u266F]/
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
const AZERTY_DIGITS = /^[&é"'(\-§è_!çà]{9,12}/
// Twelve digits, then something other than '|': the separator key lands elsewhere on the configured layout.
const REMAPPED_SEPARATOR = /^\d{12}([^|\d])/

// Framing around a scan (BOM, STX/ETX, CR/LF, NUL) is not damage; a NUL or line break inside is a space.
/* eslint-disable no-control-regex */
const LEADING_FRAMING = /^[\u0000-\u001F\s]*/
const TRAILING_FRAMING = /[\u0000-\u001F\s]+$/
const INNER_BREAKS = /[\u0000\r\n\t]/g
/* eslint-enable no-control-regex */

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

const firstNonAscii = (text: string): number => text.search(/[\u0080-\uFFFF]/)

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

/** The '|' fields of text that has the CCCD QR shape (≥ 7 fields, a 12-digit number first); null otherwise. */
export function cccdQrFields(text: string): string[] | null {
  const fields = text.split('|')
  return fields.length >= 7 && /^\d{12}$/.test(fields[0] ?? '') ? fields : null
}

/** No name or sex word holds a digit: digits there are the numpad half of an Alt+code ("Nguy7885n", "N0432"). */
function altCodeDigits(body: string): { index: number; found: string } | null {
  const fields = cccdQrFields(body)
  if (fields === null) return null
  let offset = 0
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!
    const digit = i === 2 || i === 4 ? /\d/.exec(field) : null
    if (digit) return { index: offset + digit.index, found: field.slice(digit.index, digit.index + 3) }
    offset += field.length + 1
  }
  return null
}

/**
 * The first sign of wedge damage in scanned text, or null when it looks clean. Works on any scanned text;
 * the Alt-code digit check applies only when the text has the CCCD QR shape. Leading and trailing framing
 * (BOM, STX/ETX, CR/LF, NUL) is not damage.
 */
export function detectScanDamage(text: string): ScanDamage | null {
  const nfc = text.normalize('NFC')
  const lead = LEADING_FRAMING.exec(nfc)?.[0].length ?? 0
  const body = nfc.slice(lead).replace(TRAILING_FRAMING, '').replace(INNER_BREAKS, ' ')
  const at = (kind: ScanDamageKind, index: number, found = sample(body, index)): ScanDamage => ({
    kind,
    index: lead + index,
    found
  })
  // The ID number comes first: typed through AZERTY it is a run of "àé&…", whatever follows.
  if (AZERTY_DIGITS.test(body)) return at('keyboard-layout', 0)
  for (const rule of RULES.slice(0, 2)) {
    const m = firstMatch(rule, body)
    if (m !== null) return at(rule.kind, m)
  }
  const repaired = repairMojibake(body)
  if (repaired !== null && firstNonAscii(repaired) >= 0)
    return { ...at('mojibake', Math.max(0, firstNonAscii(body))), repaired }
  for (const rule of RULES.slice(2)) {
    const m = firstMatch(rule, body)
    if (m !== null) return at(rule.kind, m)
  }
  if (!body.includes('|')) {
    const sep = REMAPPED_SEPARATOR.exec(body)
    if (sep) return at('keyboard-layout', 12, sep[1] ?? '')
  }
  const digits = altCodeDigits(body)
  if (digits) return at('alt-code', digits.index, digits.found)
  return null
}

/**
 * A CCCD QR whose marks were all dropped ("Nguyen", sex "Nu"): a wedge on a US layout without Unicode
 * support. Every real card spells the sex "Nữ"/"Nam" and names a commune and a province with marks.
 */
export function marksDropped(fields: { fullName: string; sex: string; address: string }): boolean {
  if (/^N[uư]?$/i.test(fields.sex.trim())) return true
  return firstNonAscii(fields.fullName + fields.address) < 0
}
