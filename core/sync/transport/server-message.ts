const MAX_MESSAGE_CHARS = 300
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001F\u007F]+/g

function clean(text: string): string | null {
  const flat = text.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim()
  if (!flat) return null
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS - 1)}…` : flat
}

function fromJson(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null
  const obj = value as Record<string, unknown>
  if (obj['resourceType'] === 'OperationOutcome' && Array.isArray(obj['issue'])) {
    const parts = (obj['issue'] as Record<string, unknown>[])
      .map((issue) => {
        const details = issue['details'] as Record<string, unknown> | undefined
        return (issue['diagnostics'] ?? details?.['text']) as unknown
      })
      .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
    return parts.length > 0 ? parts.join('; ') : null
  }
  // BHXH-style replies carry thongDiep; generic REST ones message or error.
  for (const key of ['thongDiep', 'message', 'error', 'detail']) {
    const v = obj[key]
    if (typeof v === 'string' && v.trim()) return v
  }
  return null
}

/**
 * What the server said about a refused request, for the clerk: OperationOutcome diagnostics, a JSON
 * message field, or plain text. HTML error pages and binary bodies yield null. Shortened and flattened
 * to one line; it may contain the server's view of the record, so it is shown, never logged.
 */
export function extractServerMessage(body: Buffer, contentType: string | undefined): string | null {
  if (body.length === 0) return null
  const type = (contentType ?? '').toLowerCase()
  const text = body.toString('utf8')
  if (type.includes('json') || /^\s*[{[]/.test(text)) {
    try {
      const found = fromJson(JSON.parse(text))
      return found ? clean(found) : null
    } catch {
      return null
    }
  }
  if (type.startsWith('text/plain') || (type === '' && !/^\s*</.test(text))) return clean(text)
  return null
}
