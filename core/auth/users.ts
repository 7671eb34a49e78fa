import { AppError } from '../../contract/errors'
import { MIN_ADMIN_PASSWORD, MIN_PASSWORD, type Role } from '../../contract/auth'
import type { UserRow } from '../../db/users'
import { hashSecret, type ScryptCost } from './passwords'

export { UsersRepo, type UserRow } from '../../db/users'

/** What may be shown about an account: never the hashes. */
export interface UserView {
  username: string
  fullName: string
  role: Role
  status: 'active' | 'disabled'
  lastLoginAt: string | null
  lockedUntil: string | null
  disabledReason: string | null
}

export const toView = (u: UserRow): UserView => ({
  username: u.username,
  fullName: u.display_name,
  role: u.role,
  status: u.status,
  lastLoginAt: u.last_login_at,
  lockedUntil: u.locked_until,
  disabledReason: u.disabled_reason
})

export function minPasswordFor(role: Role): number {
  return role === 'it' ? MIN_ADMIN_PASSWORD : MIN_PASSWORD
}

export function checkPassword(password: string, role: Role): void {
  const min = minPasswordFor(role)
  if ([...password].length < min) throw AppError.of('VALIDATION', 'auth.passwordTooShort', { min })
}

/** Hashes both secrets (scrypt) after checking the password length for the role. */
export async function hashCredentials(
  password: string,
  pin: string | null,
  role: Role,
  cost?: ScryptCost
): Promise<{ passwordHash: string; pinHash: string | null }> {
  checkPassword(password, role)
  return {
    passwordHash: await hashSecret(password, cost),
    pinHash: pin ? await hashSecret(pin, cost) : null
  }
}
