import { z } from 'zod'
import { formatMessage, type MessageKey, type MessageParams } from './messages'

/**
 * Errors cross every boundary (IPC, HTTP, CLI) as values: a stable code, a Vietnamese message for the
 * clerk and an English one for logs. Nothing throws raw across IPC.
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  'DB_LOCKED',
  'DB_KEY_INVALID',
  'DISK_FULL',
  'FORBIDDEN',
  // card and reader
  'NO_SERVICE',
  'NO_READER',
  'NO_CARD',
  'CARD_REMOVED',
  'ACCESS_DENIED',
  'BAC_DENIED',
  'SHARING_VIOLATION',
  'TIMEOUT',
  'READER_BUSY',
  'SM_MAC_INVALID',
  'CHIP_DATA_INVALID',
  'PASSIVE_AUTH_FAILED',
  'SOD_HASH_MISMATCH',
  'FILE_NOT_FOUND',
  'CLONE_SUSPECTED',
  // QR and scanners
  'QR_INVALID',
  'SCAN_DAMAGED',
  'SCANNER_UNAVAILABLE',
  // sync
  'HIS_UNAVAILABLE',
  'TARGET_REJECTED',
  'TARGET_UNAVAILABLE',
  'CONFIG_INVALID'
] as const
export const errorCodeSchema = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  messageEn: z.string(),
  /** The catalogue key and parameters (contract/messages): each side shows the text in its own language. */
  key: z.string().max(100).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  details: z.unknown().optional()
})
export type AppErrorValue = z.infer<typeof appErrorSchema>

export class AppError extends Error {
  readonly code: ErrorCode
  readonly messageVi: string
  readonly details: unknown
  key: MessageKey | undefined
  params: MessageParams | undefined

  constructor(code: ErrorCode, messageVi: string, messageEn: string, details?: unknown) {
    super(messageEn)
    this.name = 'AppError'
    this.code = code
    this.messageVi = messageVi
    this.details = details
  }

  /** An error whose text comes from the catalogue: `key` defaults to `error.<code>`. */
  static of(code: ErrorCode, key?: MessageKey, params?: MessageParams, details?: unknown): AppError {
    const k = key ?? (`error.${code}` as MessageKey)
    const e = new AppError(code, formatMessage('vi', k, params), formatMessage('en', k, params), details)
    e.key = k
    e.params = params
    return e
  }

  toValue(): AppErrorValue {
    const value: AppErrorValue = { code: this.code, message: this.messageVi, messageEn: this.message }
    if (this.key) value.key = this.key
    if (this.params) value.params = this.params
    if (this.details !== undefined) value.details = this.details
    return value
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}

/** Turns anything thrown into an AppErrorValue without leaking stack traces or personal data. */
export function toErrorValue(e: unknown): AppErrorValue {
  if (isAppError(e)) return e.toValue()
  const raw = e instanceof Error ? e.message : String(e)
  if (/SQLITE_FULL|ENOSPC/.test(raw))
    return {
      code: 'DISK_FULL',
      message: 'Ổ đĩa đã đầy, dữ liệu chưa được lưu. Hãy báo bộ phận CNTT.',
      messageEn: raw
    }
  if (/SQLITE_BUSY|database is locked/.test(raw))
    return { code: 'DB_LOCKED', message: 'Cơ sở dữ liệu đang bận, vui lòng thử lại.', messageEn: raw }
  return {
    code: 'INTERNAL',
    message: 'Đã xảy ra lỗi không mong muốn. Dữ liệu đã nhập vẫn được giữ.',
    messageEn: raw
  }
}

/** Result envelope used by every transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue }
