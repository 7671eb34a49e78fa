import { readFileSync } from 'node:fs'
import { AppError } from '../contract/errors'
import { identitySchema, type Identity } from '../contract/identity'

/** Reads an Identity JSON file (`-` = standard input), with a clear error for a missing, broken or foreign file. */
export function readIdentityFile(path: string | undefined): Identity {
  if (!path) throw AppError.of('VALIDATION', 'error.cli.missingFrom')
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path === '-' ? 0 : path, 'utf8'))
  } catch (e) {
    throw AppError.of('VALIDATION', 'error.cli.identityUnreadable').withDetail(
      `Cannot read identity JSON: ${String(e)}`
    )
  }
  const identity = identitySchema.safeParse(raw)
  if (!identity.success) {
    throw AppError.of('VALIDATION', 'error.cli.identityInvalid').withDetail(identity.error.message)
  }
  return identity.data
}
