import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/connection'
import { AppError } from '../../contract/errors'
import { MIN_ADMIN_PASSWORD, MIN_PASSWORD, type Role } from '../../contract/auth'
import { hashSecret, type ScryptCost } from './passwords'

export interface UserRow {
  id: string
  username: string
  display_name: string
  staff_id_number: string | null
  role: Role
  status: 'active' | 'disabled'
  password_hash: string | null
  pin_hash: string | null
  last_login_at: string | null
  failed_attempts: number
  locked_until: string | null
  disabled_reason: string | null
  created_at: string
}

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

/** The users table (migration 006). The rules (lockout, idle disable) live in sign-in.ts. */
export class UsersRepo {
  constructor(private readonly db: Db) {}

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get()!.n
  }

  byUsername(username: string): UserRow | undefined {
    return this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username)
  }

  byId(id: string): UserRow | undefined {
    return this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?').get(id)
  }

  list(): UserRow[] {
    return this.db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username').all()
  }

  activeItCount(): number {
    return this.db
      .prepare<[], { n: number }>("SELECT count(*) AS n FROM users WHERE role = 'it' AND status = 'active'")
      .get()!.n
  }

  insert(u: {
    username: string
    fullName: string
    staffIdNumber: string
    role: Role
    passwordHash: string
    pinHash: string | null
    at: string
  }): UserRow {
    if (this.byUsername(u.username))
      throw AppError.of('CONFLICT', 'auth.userExists', { username: u.username })
    const id = randomUUID()
    this.db
      .prepare(
        `INSERT INTO users (id, username, display_name, staff_id_number, role, status, password_hash, pin_hash, created_at)
         VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`
      )
      .run(id, u.username, u.fullName, u.staffIdNumber, u.role, u.passwordHash, u.pinHash, u.at)
    return this.byId(id)!
  }

  update(id: string, fields: Partial<Omit<UserRow, 'id' | 'username' | 'created_at'>>): void {
    const keys = Object.keys(fields) as (keyof typeof fields)[]
    if (keys.length === 0) return
    this.db
      .prepare(`UPDATE users SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`)
      .run({ ...fields, id })
  }
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
