import { readFileSync } from 'node:fs'
import { AppError } from '../contract/errors'
import { identitySchema, type Identity } from '../contract/identity'

/** Reads an Identity JSON file (`-` = standard input), with a clear error for a missing, broken or foreign file. */
export function readIdentityFile(path: string | undefined): Identity {
  if (!path) throw new AppError('VALIDATION', 'Thiếu --from <tệp identity.json>.', 'Missing --from FILE')
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path === '-' ? 0 : path, 'utf8'))
  } catch (e) {
    throw new AppError(
      'VALIDATION',
      'Không đọc được tệp danh tính (JSON).',
      `Cannot read identity JSON: ${String(e)}`
    )
  }
  const identity = identitySchema.safeParse(raw)
  if (!identity.success) {
    throw new AppError('VALIDATION', 'Tệp danh tính không đúng định dạng.', identity.error.message)
  }
  return identity.data
}
