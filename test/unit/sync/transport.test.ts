import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createHttpClient, HttpTransportError, type HttpResponse } from '../../../core/sync/http-client'
import {
  outcomeFromError,
  outcomeFromResponse,
  type ReceiptReading
} from '../../../core/sync/transport/outcome'
import { textOf } from '../../../contract/messages'
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../core/sync/transport/retry-after'
import { extractServerMessage } from '../../../core/sync/transport/server-message'
import { AppError } from '../../../contract/errors'

const NOW = Date.parse('2026-11-23T15:00:00Z')
const his = { nameVi: 'HIS', unavailableCode: 'HIS_UNAVAILABLE' } as const
const none = (): ReceiptReading => ({ ok: false, why: 'not asked' })

function response(status: number, body = '', headers: Record<string, string> = {}): HttpResponse {
  return { status, headers, body: Buffer.from(body) }
}

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP-dates, relative to the injected clock', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000)
    expect(parseRetryAfter('Mon, 23 Nov 2026 15:00:30 GMT', NOW)).toBe(30_000)
    expect(parseRetryAfter('Mon, 23 Nov 2026 14:00:00 GMT', NOW)).toBe(0)
    expect(parseRetryAfter(['5', '9'], NOW)).toBe(5_000)
  })

  it('ignores what it cannot read and caps absurd waits', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined()
    expect(parseRetryAfter('soon', NOW)).toBeUndefined()
    expect(parseRetryAfter('-5', NOW)).toBeUndefined()
    expect(parseRetryAfter('1.5', NOW)).toBeUndefined()
    expect(parseRetryAfter('99999999', NOW)).toBe(MAX_RETRY_AFTER_MS)
  })

  it('never throws and always yields undefined or a bounded wait (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = parseRetryAfter(s, NOW)
        expect(v === undefined || (v >= 0 && v <= MAX_RETRY_AFTER_MS)).toBe(true)
      }),
      { numRuns: 500 }
    )
  })
})

describe('server message extraction', () => {
  it('reads OperationOutcome diagnostics, JSON message fields and plain text', () => {
    const oo = JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', diagnostics: 'Thiếu số CCCD' }, { details: { text: 'Sai mã xã' } }]
    })
    expect(extractServerMessage(Buffer.from(oo), 'application/fhir+json')).toBe('Thiếu số CCCD; Sai mã xã')
    expect(extractServerMessage(Buffer.from('{"thongDiep":"Mã thẻ không hợp lệ"}'), 'application/json')).toBe(
      'Mã thẻ không hợp lệ'
    )
    expect(extractServerMessage(Buffer.from('bad\r\n  request'), 'text/plain')).toBe('bad request')
  })

  it('ignores HTML error pages and shortens long text', () => {
    expect(extractServerMessage(Buffer.from('<html><body>502</body></html>'), 'text/html')).toBeNull()
    const long = extractServerMessage(Buffer.from('x'.repeat(5000)), 'text/plain')!
    expect(long.length).toBeLessThanOrEqual(300)
  })

  it('never throws on arbitrary bodies (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('application/json', 'text/plain', undefined),
        (b, t) => {
          const m = extractServerMessage(Buffer.from(b), t)
          expect(m === null || m.length <= 300).toBe(true)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('outcome classification', () => {
  it('2xx with a receipt is sent, keeping the ids the receipt named', () => {
    const read = (): ReceiptReading => ({
      ok: true,
      receipt: 'Encounter/9',
      ids: ['Patient/1', 'Encounter/9']
    })
    expect(outcomeFromResponse(response(201), his, NOW, read)).toEqual({
      kind: 'sent',
      receipt: 'Encounter/9',
      ids: ['Patient/1', 'Encounter/9']
    })
  })

  it('2xx without a receipt stays queued with the no-receipt reason', () => {
    const o = outcomeFromResponse(response(200), his, NOW, () => ({ ok: false, why: 'empty body' }))
    expect(o).toMatchObject({
      kind: 'retryable',
      error: {
        code: 'HIS_UNAVAILABLE',
        key: 'sync.noReceipt',
        details: { status: 200, receipt: 'empty body' }
      }
    })
    if (o.kind !== 'retryable') return
    expect(o.error.message).toContain('không kèm biên nhận')
    expect(o.error.messageEn).toContain('without a receipt')
  })

  it.each([500, 502, 503, 504, 408, 425])('%i is retryable', (status) => {
    const o = outcomeFromResponse(response(status), his, NOW, none)
    expect(o.kind).toBe('retryable')
    if (o.kind === 'retryable') expect(o.error.code).toBe('HIS_UNAVAILABLE')
  })

  it('429 is retryable and carries the Retry-After wait', () => {
    const o = outcomeFromResponse(response(429, '', { 'retry-after': '7' }), his, NOW, none)
    expect(o).toMatchObject({ kind: 'retryable', retryAfterMs: 7000 })
  })

  it('credential or endpoint problems keep the record queued and name IT', () => {
    for (const status of [401, 403, 404]) {
      const o = outcomeFromResponse(response(status), his, NOW, none)
      expect(o.kind).toBe('retryable')
      if (o.kind === 'retryable') {
        expect(o.error.code).toBe('CONFIG_INVALID')
        expect(o.error.message).toContain('CNTT')
      }
    }
  })

  it("a 4xx refusal is rejected with the server's reason for the clerk, but not in the log text", () => {
    const body = JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ diagnostics: 'Nguyễn Thị Lan: thiếu mã xã' }]
    })
    const o = outcomeFromResponse(
      response(422, body, { 'content-type': 'application/fhir+json' }),
      his,
      NOW,
      none
    )
    expect(o.kind).toBe('rejected')
    if (o.kind !== 'rejected') return
    expect(o.error.code).toBe('TARGET_REJECTED')
    expect(o.error.message).toContain('thiếu mã xã')
    expect(textOf('en', o.error)).toBe(
      'HIS refused the record: Nguyễn Thị Lan: thiếu mã xã. Fix the record and send it again.'
    )
    expect(o.error.detail).toBe('HIS rejected the record: HTTP 422')
    expect(o.error.messageEn).not.toContain('thiếu mã xã')
  })

  it('transport failures are retryable; TLS failures point at the configuration', () => {
    for (const kind of ['timeout', 'network', 'too-large', 'aborted'] as const) {
      const o = outcomeFromError(new HttpTransportError(kind, 'ECONNRESET', 'x'), his)
      expect(o).toMatchObject({ kind: 'retryable', error: { code: 'HIS_UNAVAILABLE' } })
    }
    expect(
      outcomeFromError(new HttpTransportError('tls', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'x'), his)
    ).toMatchObject({
      kind: 'retryable',
      error: { code: 'CONFIG_INVALID' }
    })
  })

  it('a content error found while building is rejected; a configuration error waits', () => {
    expect(outcomeFromError(new AppError('VALIDATION', 'vi', 'en'), his).kind).toBe('rejected')
    expect(outcomeFromError(new AppError('CONFIG_INVALID', 'vi', 'en'), his).kind).toBe('retryable')
  })
})

describe('HTTP client configuration', () => {
  it('refuses a malformed URL, a non-HTTP scheme or a missing CA file as a configuration error', () => {
    expect(() => createHttpClient({ baseUrl: 'not a url' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' })
    )
    expect(() => createHttpClient({ baseUrl: 'ftp://127.0.0.1/x' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' })
    )
    expect(() =>
      createHttpClient({ baseUrl: 'https://127.0.0.1/fhir', caFile: '/nonexistent/ca.pem' })
    ).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }))
  })
})
