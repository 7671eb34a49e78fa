/**
 * Folds Vietnamese text for search: lower case, diacritics removed, đ → d, spaces collapsed.
 * "  NGUYỄN Văn   Ánh " → "nguyen van anh".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** NFC, single spaces, trimmed: how names and addresses are stored. */
export function tidyText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}
