import { AppError, isAppError, storageErrorCode } from '../contract/errors'

/**
 * What opening or writing the database failed on, by SQLite's result code or the OS errno (never by message
 * text: SQLite says "database or disk is full", not SQLITE_FULL): disk full, read-only or forbidden folder,
 * corrupt file. Null for anything else.
 */
export function sqliteAppError(e: unknown, path: string): AppError | null {
  if (isAppError(e)) return null
  const code = storageErrorCode(e)
  if (!code) return null
  const raw = e instanceof Error ? e.message : String(e)
  return AppError.of(code, undefined, { path }, { cause: raw })
}
