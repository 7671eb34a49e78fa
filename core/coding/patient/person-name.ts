/**
 * A person's name as stored: NFC, single spaces, each word capitalised ("NGUYỄN  văn a" → "Nguyễn Văn A").
 * Letters after an apostrophe or hyphen start a word too ("H'HEN NIÊ" → "H'Hen Niê").
 */
export function formatPersonName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi')
    .replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_m, lead: string, letter: string) => lead + letter.toLocaleUpperCase('vi')
    )
}
