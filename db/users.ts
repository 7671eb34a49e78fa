import type { Db } from './connection'
import type { Role } from '../contract/auth'

/** A users row (migration 006). */
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

export interface NewUserRow {
  id: string
  username: string
  fullName: string
  staffIdNumber: string
  role: Role
  passwordHash: string
  pinHash: string | null
  at: string
}

export type UserChanges = Partial<Omit<UserRow, 'id' | 'username' | 'created_at'>>

/** The columns an update may set: the SET list is built from the keys, so only these names ever reach the SQL. */
const UPDATABLE = new Set<string>([
  'display_name',
  'staff_id_number',
  'role',
  'status',
  'password_hash',
  'pin_hash',
  'last_login_at',
  'failed_attempts',
  'locked_until',
  'disabled_reason'
])

/** The users table. The rules (unique names, lockout, idle disable) live in core/auth. */
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

  /** Inserts an active account and returns the stored row. */
  insert(u: NewUserRow): UserRow {
    this.db
      .prepare(
        `INSERT INTO users (id, username, display_name, staff_id_number, role, status, password_hash, pin_hash, created_at)
         VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`
      )
      .run(u.id, u.username, u.fullName, u.staffIdNumber, u.role, u.passwordHash, u.pinHash, u.at)
    return this.byId(u.id)!
  }

  update(id: string, fields: UserChanges): void {
    const keys = Object.keys(fields)
    if (keys.length === 0) return
    const unknown = keys.find((k) => !UPDATABLE.has(k))
    if (unknown !== undefined) throw new Error(`users: no updatable column ${unknown}`)
    this.db.prepare(`UPDATE users SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({
      ...fields,
      id
    })
  }
}
