import type { AppErrorValue, ErrorCode } from '../../../contract/errors'
import { AppError, isAppError, toErrorValue } from '../../../contract/errors'
import { formatMessage, type MessageKey, type MessageParams } from '../../../contract/messages'
import { HttpTransportError, type HttpResponse } from '../http-client'
import { parseRetryAfter } from './retry-after'
import { extractServerMessage } from './server-message'

/**
 * What one delivery attempt came to, as the outbox worker needs it:
 * - sent: the target proved, with a receipt, that it holds the record (possibly from an earlier attempt:
 *   receivers dedup). `ids` are the identifiers the receipt named (FHIR resource ids, XML 4750 transaction
 *   codes, drop-folder file names);
 * - retryable: nothing a person must change, try again later (network, 5xx, 429, timeouts, config);
 * - rejected: the target refused the content (4xx validation), a person must fix the record and resend.
 */
export type SendOutcome =
  | { kind: 'sent'; receipt: string; ids?: readonly string[] }
  | { kind: 'retryable'; error: AppErrorValue; retryAfterMs?: number }
  | { kind: 'rejected'; error: AppErrorValue }

/** How a target is named to the clerk and which code its outages carry. */
export interface TargetLabel {
  /** Shown in messages: a name ("HIS", "eMCH") or a catalogue label key (the XML folder). */
  nameVi: string
  unavailableCode: Extract<ErrorCode, 'HIS_UNAVAILABLE' | 'TARGET_UNAVAILABLE'>
}

/**
 * What a 2xx answer proved. A status code alone proves nothing (a captive portal, a proxy or a half-broken
 * server also answer 200): only a receipt in the receiver's documented shape makes a record 'sent'.
 * `why` is English, for the details of the queue row, and never quotes the answer.
 */
export type ReceiptReading =
  { ok: true; receipt: string; ids: readonly string[] } | { ok: false; why: string }

/** The retryable outcome of a 2xx answer that carried no receipt: the record stays queued. */
export function noReceipt(target: TargetLabel, why: string, status?: number): SendOutcome {
  const error = AppError.of(
    target.unavailableCode,
    'sync.noReceipt',
    { target: target.nameVi },
    { ...(status === undefined ? {} : { status }), receipt: why }
  ).toValue()
  return { kind: 'retryable', error }
}

function retryable(
  code: ErrorCode,
  key: MessageKey,
  params: MessageParams,
  en: string,
  retryAfterMs?: number,
  details?: object
): SendOutcome {
  const error = AppError.of(code, key, params, details).withDetail(en).toValue()
  return retryAfterMs === undefined
    ? { kind: 'retryable', error }
    : { kind: 'retryable', error, retryAfterMs }
}

/**
 * Classifies an HTTP response. The English message (the one logs carry) holds only the status, never the
 * server's text, which may quote the record; the Vietnamese one shows the server's reason to the clerk.
 */
export function outcomeFromResponse(
  res: HttpResponse,
  target: TargetLabel,
  nowMs: number,
  readReceipt: (res: HttpResponse) => ReceiptReading
): SendOutcome {
  const { status } = res
  const t = target.nameVi
  if (status >= 200 && status < 300) {
    const r = readReceipt(res)
    return r.ok ? { kind: 'sent', receipt: r.receipt, ids: r.ids } : noReceipt(target, r.why, status)
  }
  const retryAfterMs = parseRetryAfter(res.headers['retry-after'], nowMs)
  const details = { status }
  if (status === 429) {
    return retryable(
      target.unavailableCode,
      'error.target.overloaded',
      { target: t },
      `${t} HTTP 429`,
      retryAfterMs,
      details
    )
  }
  if (status >= 500 || status === 408 || status === 425) {
    return retryable(
      target.unavailableCode,
      'error.target.failing',
      { target: t, status },
      `${t} HTTP ${status}`,
      retryAfterMs,
      details
    )
  }
  // 409 on an Idempotency-Key means "the same key is still being processed": wait and ask again.
  if (status === 409) {
    return retryable(
      target.unavailableCode,
      'error.target.inProgress',
      { target: t },
      `${t} HTTP 409 (in progress)`,
      retryAfterMs,
      details
    )
  }
  // Credentials and endpoint settings are the same for every record: no record fix helps, so the rows stay
  // queued (retryable) while IT repairs the configuration.
  if (
    status === 401 ||
    status === 403 ||
    status === 404 ||
    status === 405 ||
    (status >= 300 && status < 400)
  ) {
    return retryable(
      'CONFIG_INVALID',
      'error.target.refused',
      { target: t, status },
      `${t} HTTP ${status}: check endpoint and credentials`,
      retryAfterMs,
      details
    )
  }
  const said = extractServerMessage(res.body, res.headers['content-type'])
  return {
    kind: 'rejected',
    // The server's words may quote the record (a name): they live in key + params, which only the screen renders;
    // messageEn and detail, which IT copies into tickets, keep the words out.
    error: {
      ...AppError.of(
        'TARGET_REJECTED',
        said ? 'error.target.rejectedSaying' : 'error.target.rejected',
        said ? { target: t, said } : { target: t },
        details
      )
        .withDetail(`${t} rejected the record: HTTP ${status}`)
        .toValue(),
      messageEn: formatMessage('en', 'error.target.rejected', { target: t })
    }
  }
}

/** Classifies a failure before any response: always retryable, the record is unharmed. */
export function outcomeFromError(e: unknown, target: TargetLabel): SendOutcome {
  const t = target.nameVi
  if (e instanceof HttpTransportError) {
    const details = { transport: e.kind, ...(e.code ? { errno: e.code } : {}) }
    switch (e.kind) {
      case 'timeout':
        return retryable(
          target.unavailableCode,
          'error.target.timeout',
          { target: t },
          `${t}: ${e.message}`,
          undefined,
          details
        )
      case 'tls':
        return retryable(
          'CONFIG_INVALID',
          'error.target.tls',
          { target: t },
          `${t}: ${e.message}`,
          undefined,
          details
        )
      case 'too-large':
        return retryable(
          target.unavailableCode,
          'error.target.oddReply',
          { target: t },
          `${t}: ${e.message}`,
          undefined,
          details
        )
      case 'aborted':
        return retryable(
          target.unavailableCode,
          'error.target.stopped',
          { target: t },
          `${t}: ${e.message}`,
          undefined,
          details
        )
      default:
        return retryable(
          target.unavailableCode,
          'error.target.unreachable',
          { target: t },
          `${t}: ${e.message}`,
          undefined,
          details
        )
    }
  }
  // Errors from building the payload: a content problem is for a person; a configuration problem waits.
  if (isAppError(e)) {
    const value = e.toValue()
    if (value.code === 'VALIDATION') return { kind: 'rejected', error: value }
    return { kind: 'retryable', error: value }
  }
  const value = toErrorValue(e)
  return { kind: 'retryable', error: value }
}
