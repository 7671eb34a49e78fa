import { foldVietnamese } from '../text/fold'

export { foldVietnamese, tidyText } from '../text/fold'

/** Folded and without any separators: "H'Mông" → "hmong", "Khơ-me" → "khome". */
export function compactKey(text: string): string {
  return foldVietnamese(text).replace(/ /g, '')
}

/**
 * Lower-case words that keep their diacritics but not where the tone mark sits: the old ("Hoà") and the new
 * ("Hòa") spellings of one name give the same key, "Xã" and "Xá" do not.
 */
export function markedWords(text: string): string[] {
  const words = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
  return words.map(markKey)
}

function markKey(word: string): string {
  const nfd = word.normalize('NFD')
  let base = ''
  const marks: string[] = []
  for (const ch of nfd) {
    if (/[\u0300-\u036f]/.test(ch)) marks.push(ch)
    else base += ch
  }
  return base + marks.sort().join('')
}

/** True when the text carries Vietnamese diacritics (so an exact-spelling match means something). */
export function hasDiacritics(text: string): boolean {
  return /[\u0300-\u036f]|[đĐ]/.test(text.normalize('NFD'))
}
