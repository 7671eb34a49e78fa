// PC/SC failures as AppErrors with a message the reception clerk can act on.
import { AppError, type ErrorCode } from '../../contract/errors'

const messages = {
  NO_SERVICE: [
    'Dịch vụ đọc thẻ (PC/SC) chưa chạy hoặc vừa khởi động lại. Đang thử kết nối lại…',
    'PC/SC service is not available'
  ],
  NO_READER: ['Chưa thấy đầu đọc thẻ. Hãy cắm đầu đọc CCCD vào máy.', 'No card reader connected'],
  NO_CARD: ['Chưa có thẻ trên đầu đọc. Hãy đặt thẻ CCCD lên đầu đọc.', 'No card on the reader'],
  CARD_REMOVED: [
    'Thẻ đã bị nhấc ra khỏi đầu đọc khi đang đọc. Hãy đặt lại thẻ và giữ yên cho đến khi đọc xong.',
    'Card removed during the operation'
  ],
  SHARING_VIOLATION: [
    'Đầu đọc đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại.',
    'Reader is in use by another application'
  ],
  TIMEOUT: [
    'Thẻ không phản hồi kịp. Hãy đặt lại thẻ ngay giữa đầu đọc và thử lại.',
    'Card or reader timed out'
  ],
  INTERNAL: [
    'Lỗi đầu đọc thẻ không xác định. Hãy rút đầu đọc ra, cắm lại rồi thử lại.',
    'Unexpected PC/SC error'
  ]
} as const satisfies Partial<Record<ErrorCode, readonly [string, string]>>

export type PcscErrorCode = keyof typeof messages

export function pcscError(code: PcscErrorCode, detail?: string): AppError {
  const [vi, en] = messages[code]
  return new AppError(code, vi, detail ? `${en}: ${detail}` : en)
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
