/**
 * Vietnamese text folding, the one implementation every layer uses (search keys, catalogue look-ups, card
 * words such as "Nữ" / "NU" / "Không thời hạn"). Pure and dependency-free so the renderer may use it too.
 */

const COMBINING_MARK = /[\u0300-\u036f]/g

/** Diacritics removed and đ → d, case kept: "Đặng Quốc" → "Dang Quoc". */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARK, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
}

/**
 * Folds Vietnamese text for comparison: lower case, diacritics removed, đ → d, anything but letters and
 * digits becomes one space. "  NGUYỄN Văn   Ánh " → "nguyen van anh".
 */
export function foldVietnamese(text: string): string {
  return stripMarks(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** NFC, single spaces, trimmed: how names and addresses are stored. */
export function tidyText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Folded and without any separators: "H'Mông" → "hmong", "Khơ-me" → "khome". */
export function compactKey(text: string): string {
  return foldVietnamese(text).replace(/ /g, '')
}

/**
 * Lower-case words that keep their diacritics but not where the tone mark sits: the old ("Hoà") and the new
 * ("Hòa") spellings of one name give the same key, "Xã" and "Xá" do not.
 */
export function markedWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(markKey)
}

/** The word's base letters, then its marks in a fixed order. */
function markKey(word: string): string {
  let base = ''
  const marks: string[] = []
  for (const ch of word.normalize('NFD')) {
    if (/[\u0300-\u036f]/.test(ch)) marks.push(ch)
    else base += ch
  }
  return base + marks.sort().join('')
}

/** True when the text carries Vietnamese diacritics (so an exact-spelling match means something). */
export function hasDiacritics(text: string): boolean {
  return /[\u0300-\u036f]|[đĐ]/.test(text.normalize('NFD'))
}
