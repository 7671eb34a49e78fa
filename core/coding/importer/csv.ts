/**
 * Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF/LF, and the delimiter (comma, semicolon or tab)
 * guessed from the first line — spreadsheets saved as CSV in Vietnamese locales often use semicolons.
 */
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).map((r) => r.fields)
}

export interface CsvRecord {
  /** 1-based line of the file the record starts on (what an import report names). */
  line: number
  fields: string[]
}

/** parseCsv with the line each record starts on; blank records are dropped. */
export function parseCsvLines(text: string): CsvRecord[] {
  const body = text.replace(/^\uFEFF/, '')
  const firstLine = body.split(/\r?\n/, 1)[0] ?? ''
  const delimiter = [';', '\t', ','].reduce(
    (best, d) => (count(firstLine, d) > count(firstLine, best) ? d : best),
    ','
  )
  const rows: CsvRecord[] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let start = 1
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n' || (ch === '\r' && body[i + 1] !== '\n')) line++
        field += ch
      }
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === delimiter) {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++
      row.push(field)
      rows.push({ line: start, fields: row })
      line++
      start = line
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push({ line: start, fields: row })
  }
  return rows.filter((r) => r.fields.some((f) => f.trim() !== ''))
}

function count(line: string, ch: string): number {
  return line.split(ch).length - 1
}
