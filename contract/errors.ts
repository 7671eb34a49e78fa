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
  // storage (docs/adr/0016)
  'DB_MISSING',
  'DB_KEY_MISSING',
  'DB_WAL_DAMAGED',
  'DB_CORRUPT',
  'DB_READONLY',
  'BACKUP_INVALID',
  'BACKUP_PASSPHRASE_WRONG',
  'RESTORE_NEWER_DATA',
  'FORBIDDEN',
  // accounts (docs/adr/0020)
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'ACCOUNT_LOCKED',
  'CONSENT_REQUIRED',
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
  'CONFIG_INVALID',
  // the BHXH gateway (BHYT card check)
  'BHXH_UNAVAILABLE',
  'BHXH_AUTH'
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
  /** Technical reason in English for IT and logs (never personal data); the clerk never sees it. */
  detail: z.string().optional(),
  details: z.unknown().optional()
})
export type AppErrorValue = z.infer<typeof appErrorSchema>

export class AppError extends Error {
  readonly code: ErrorCode
  readonly messageVi: string
  readonly messageEn: string
  readonly details: unknown
  key: MessageKey | undefined
  params: MessageParams | undefined
  detail: string | undefined

  /** Prefer AppError.of: a text written here is not in the catalogue, so the screen cannot show it in English. */
  constructor(code: ErrorCode, messageVi: string, messageEn: string, details?: unknown) {
    super(messageEn)
    this.name = 'AppError'
    this.code = code
    this.messageVi = messageVi
    this.messageEn = messageEn
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

  /** Adds the technical reason (English, no personal data) for IT and logs; it stays out of the clerk's text. */
  withDetail(detail: string): this {
    this.detail = detail
    this.message = `${this.messageEn} (${detail})`
    return this
  }

  toValue(): AppErrorValue {
    const value: AppErrorValue = { code: this.code, message: this.messageVi, messageEn: this.messageEn }
    if (this.key) value.key = this.key
    if (this.params) value.params = this.params
    if (this.detail !== undefined) value.detail = this.detail
    if (this.details !== undefined) value.details = this.details
    return value
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}

/**
 * The storage problem behind a SQLite or file-system error, read from its result code or errno (SQLite's
 * extended codes such as SQLITE_IOERR_WRITE share the primary code's prefix). Null when it is none of them.
 */
export function storageErrorCode(
  e: unknown
): 'DISK_FULL' | 'DB_READONLY' | 'DB_CORRUPT' | 'DB_LOCKED' | null {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : ''
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') return 'DISK_FULL'
  if (/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code) || ['EROFS', 'EACCES', 'EPERM'].includes(code))
    return 'DB_READONLY'
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'DB_CORRUPT'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'DB_LOCKED'
  return null
}

/** Turns anything thrown into an AppErrorValue without leaking stack traces or personal data. */
export function toErrorValue(e: unknown): AppErrorValue {
  if (isAppError(e)) return e.toValue()
  const storage = storageErrorCode(e)
  if (storage) return AppError.of(storage, undefined, { path: '' }).toValue()
  const raw = e instanceof Error ? e.message : String(e)
  const code: ErrorCode = /SQLITE_FULL|ENOSPC/.test(raw)
    ? 'DISK_FULL'
    : /SQLITE_BUSY|database is locked/.test(raw)
      ? 'DB_LOCKED'
      : 'INTERNAL'
  return AppError.of(code).withDetail(raw).toValue()
}

/** Result envelope used by every transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue }
