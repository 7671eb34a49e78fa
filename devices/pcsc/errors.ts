// PC/SC failures as AppErrors with a catalogue message the reception clerk can act on.
import { AppError, type ErrorCode } from '../../contract/errors'

/** English for logs; the clerk's text is the catalogue's `error.<code>` (one text per problem, contract/messages). */
const logText = {
  NO_SERVICE: 'PC/SC service is not available',
  NO_READER: 'No card reader connected',
  NO_CARD: 'No card on the reader',
  CARD_REMOVED: 'Card removed during the operation',
  SHARING_VIOLATION: 'Reader is in use by another application',
  TIMEOUT: 'Card or reader timed out',
  INTERNAL: 'Unexpected PC/SC error'
} as const satisfies Partial<Record<ErrorCode, string>>

export type PcscErrorCode = keyof typeof logText

export function pcscError(code: PcscErrorCode, detail?: string): AppError {
  const e = AppError.of(code, code === 'INTERNAL' ? 'error.PCSC_INTERNAL' : `error.${code}`)
  return e.withDetail(detail ? `${logText[code]}: ${detail}` : logText[code])
}

/** Maps an error thrown by the PC/SC layer (smartcard addon messages, pcsc-lite codes) to an AppError. */
export function mapPcscError(e: unknown): AppError {
  if (e instanceof AppError) return e
  const message = e instanceof Error ? e.message : String(e)
  const m = message.toLowerCase()
  if (/service not running|service stopped|no_service|context is not valid|invalid handle/.test(m))
    return pcscError('NO_SERVICE', message)
  if (/no readers available|unknown reader|reader unavailable/.test(m)) return pcscError('NO_READER', message)
  if (/sharing violation/.test(m)) return pcscError('SHARING_VIOLATION', message)
  if (/timed out|timeout/.test(m)) return pcscError('TIMEOUT', message)
  // "Transaction failed" is what pcsc-lite returns when the card leaves during SCardTransmit.
  if (
    /card was removed|no smart card|unpowered|card was reset|transaction failed|unresponsive|communication error/.test(
      m
    )
  )
    return pcscError('CARD_REMOVED', message)
  return pcscError('INTERNAL', message)
}

/** True for errors after which the PC/SC context must be re-established. */
export function isServiceLoss(e: AppError): boolean {
  return e.code === 'NO_SERVICE'
}
