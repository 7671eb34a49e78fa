import { foldVietnamese, markedWords } from '../../../contract/rules/text'

/** A word of an address: its folded form and its diacritic-preserving form; or a hard boundary (comma…). */
export type AddressToken =
  { boundary: true } | { boundary: false; fold: string; marked: string; hasMarks: boolean }

const ABBREVIATIONS: Record<string, string> = {
  tp: 'thành phố',
  tx: 'thị xã',
  tt: 'thị trấn',
  p: 'phường',
  q: 'quận',
  h: 'huyện',
  x: 'xã',
  t: 'tỉnh',
  đk: 'đặc khu',
  dk: 'đặc khu'
}

/**
 * Dotted abbreviations ("P.", "TP.", "TX.", "TT.", "H.", "X.", "Q.", "T.") become the words they stand for.
 * Undotted "TP"/"TX"/"TT" are handled as keywords by the parser.
 */
export function expandAbbreviations(text: string): string {
  return text.replace(
    /(^|[^\p{L}\p{N}])(tp|tx|tt|đk|dk|p|q|h|x|t)\s*\.\s*/giu,
    (_m, lead: string, abbr: string) => {
      const word = ABBREVIATIONS[abbr.toLowerCase()]
      return word === undefined ? _m : `${lead}${word} `
    }
  )
}

/** Splits an address into words and boundaries. Commas, semicolons, line breaks, slashes, parentheses and dots are boundaries. */
export function tokenizeAddress(text: string): AddressToken[] {
  const expanded = expandAbbreviations(text.normalize('NFC'))
  const tokens: AddressToken[] = []
  for (const piece of expanded.split(/([,;\n\r|/()[\].:]+)/u)) {
    if (/^[,;\n\r|/()[\].:]+$/u.test(piece)) {
      if (tokens.length > 0 && !tokens[tokens.length - 1]!.boundary) tokens.push({ boundary: true })
      continue
    }
    for (const word of piece.split(/[^\p{L}\p{N}]+/u)) {
      if (word === '') continue
      const fold = foldVietnamese(word)
      if (fold === '' || fold.includes(' ')) continue
      const marked = markedWords(word)[0] ?? fold
      tokens.push({ boundary: false, fold, marked, hasMarks: marked !== fold })
    }
  }
  return tokens
}
