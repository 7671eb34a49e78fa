import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/connection'
import { AppError } from '../../contract/errors'
import type { Role } from '../../contract/auth'
import { writeAudit } from '../audit/audit-log'
import type { Clock } from '../clock'
import { verifySecret, type ScryptCost } from './passwords'
import { hashCredentials, toView, UsersRepo, type UserRow, type UserView } from './users'

export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 15
export const IDLE_DISABLE_DAYS = 45

export interface NewAccount {
  username: string
  fullName: string
  idNumber: string
  role: Role
  password: string
  pin: string | null
}

/**
 * Account rules (TCVN 14423 account hygiene): lockout after 5 failures for 15 minutes, accounts unused for 45
 * days disabled, every sign-in, failure and change written to the access log with who did it.
 */
export class Accounts {
  readonly users: UsersRepo

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly cost?: ScryptCost
  ) {
    this.users = new UsersRepo(db)
  }

  isFirstRun(): boolean {
    return this.users.count() === 0
  }

  async add(account: NewAccount, by: string, opts: { onlyIfNone?: boolean } = {}): Promise<UserView> {
    const hashes = await hashCredentials(account.password, account.pin, account.role, this.cost)
    const at = this.clock().toISOString()
    const row = this.db.transaction(() => {
      // Checked again here, after the (slow) hashing: two first-run screens cannot both create an account.
      if (opts.onlyIfNone && !this.isFirstRun()) throw AppError.of('CONFLICT', 'auth.setupDone')
      if (this.users.byUsername(account.username))
        throw AppError.of('CONFLICT', 'auth.userExists', { username: account.username })
      const u = this.users.insert({
        id: randomUUID(),
        username: account.username,
        fullName: account.fullName,
        staffIdNumber: account.idNumber,
        role: account.role,
        ...hashes,
        at
      })
      writeAudit(this.db, at, {
        actor: by,
        action: 'user',
        entity: 'user',
        entityId: u.username,
        detail: { change: 'add', role: u.role }
      })
      return u
    })()
    return toView(row)
  }

  /** The first account on a new machine: only while there is none, and always IT (it creates the others). */
  async setupFirst(account: Omit<NewAccount, 'role'>): Promise<UserRow> {
    if (!this.isFirstRun()) throw AppError.of('CONFLICT', 'auth.setupDone')
    await this.add({ ...account, role: 'it' }, `setup:${account.username}`, { onlyIfNone: true })
    return this.users.byUsername(account.username)!
  }

  /**
   * Checks the password and the account's state; records the outcome either way. The transaction returns the
   * refusal instead of throwing it, so the failure count and its audit row are committed.
   */
  async signIn(username: string, password: string): Promise<UserRow> {
    const user = this.users.byUsername(username)
    const ok = await verifySecret(password, user?.password_hash ?? null)
    const now = this.clock()
    const at = now.toISOString()
    const outcome = this.db.transaction((): UserRow | AppError => {
      const fresh = user ? this.users.byId(user.id) : undefined
      if (!fresh) {
        writeAudit(this.db, at, {
          actor: 'anonymous',
          action: 'sign-in-failed',
          entity: 'user',
          entityId: null
        })
        return AppError.of('UNAUTHENTICATED', 'auth.badCredentials')
      }
      const refusal = this.refusal(fresh, now)
      if (refusal) return refusal
      if (!ok) {
        this.recordFailure(fresh, now, 'sign-in-failed')
        return AppError.of('UNAUTHENTICATED', 'auth.badCredentials')
      }
      this.users.update(fresh.id, { failed_attempts: 0, locked_until: null, last_login_at: at })
      writeAudit(this.db, at, {
        actor: fresh.username,
        action: 'sign-in',
        entity: 'user',
        entityId: fresh.username
      })
      return this.users.byId(fresh.id)!
    })()
    if (outcome instanceof AppError) throw outcome
    return outcome
  }

  /** The idle lock: the same user's PIN or password. Failures count towards the lockout like sign-in failures. */
  async unlock(userId: string, secret: string): Promise<void> {
    const user = this.users.byId(userId)
    if (!user) throw AppError.of('UNAUTHENTICATED')
    const ok = (await verifySecret(secret, user.pin_hash)) || (await verifySecret(secret, user.password_hash))
    const now = this.clock()
    const outcome = this.db.transaction((): AppError | null => {
      const fresh = this.users.byId(userId)!
      const refusal = this.refusal(fresh, now)
      if (refusal) return refusal
      if (!ok) {
        this.recordFailure(fresh, now, 'unlock-failed')
        return AppError.of('SESSION_LOCKED', 'auth.wrongUnlock')
      }
      this.users.update(fresh.id, { failed_attempts: 0 })
      writeAudit(this.db, now.toISOString(), {
        actor: fresh.username,
        action: 'unlock',
        entity: 'user',
        entityId: fresh.username
      })
      return null
    })()
    if (outcome) throw outcome
  }

  list(): UserView[] {
    return this.users.list().map(toView)
  }

  setStatus(username: string, status: 'active' | 'disabled', by: string): UserView {
    return this.change(username, by, { change: status === 'active' ? 'enable' : 'disable' }, (u) => {
      if (status === 'disabled' && u.role === 'it' && u.status === 'active') this.keepOneIt()
      // Enabling also restarts the 45-day clock and clears a lockout: IT has just vouched for the account.
      return status === 'active'
        ? { status, disabled_reason: null, locked_until: null, failed_attempts: 0, last_login_at: this.now() }
        : { status, disabled_reason: 'manual' }
    })
  }

  setRole(username: string, role: Role, by: string): UserView {
    return this.change(username, by, { change: 'role', role }, (u) => {
      if (u.role === 'it' && role !== 'it' && u.status === 'active') this.keepOneIt()
      return { role }
    })
  }

  async resetPassword(username: string, password: string, pin: string | null, by: string): Promise<UserView> {
    const user = this.mustGet(username)
    const hashes = await hashCredentials(password, pin, user.role, this.cost)
    return this.change(username, by, { change: 'reset-password', pin: pin !== null }, () => ({
      password_hash: hashes.passwordHash,
      ...(hashes.pinHash ? { pin_hash: hashes.pinHash } : {}),
      failed_attempts: 0,
      locked_until: null
    }))
  }

  private now(): string {
    return this.clock().toISOString()
  }

  private mustGet(username: string): UserRow {
    const u = this.users.byUsername(username)
    if (!u) throw AppError.of('NOT_FOUND', 'auth.userNotFound', { username })
    return u
  }

  private keepOneIt(): void {
    if (this.users.activeItCount() <= 1) throw AppError.of('CONFLICT', 'auth.lastIt')
  }

  private change(
    username: string,
    by: string,
    detail: Record<string, unknown>,
    fields: (u: UserRow) => Parameters<UsersRepo['update']>[1]
  ): UserView {
    return this.db.transaction(() => {
      const u = this.mustGet(username)
      this.users.update(u.id, fields(u))
      writeAudit(this.db, this.now(), {
        actor: by,
        action: 'user',
        entity: 'user',
        entityId: username,
        detail
      })
      return toView(this.users.byId(u.id)!)
    })()
  }

  /** Why this account cannot be used now (disabled, locked out, unused too long), or null. */
  private refusal(user: UserRow, now: Date): AppError | null {
    const at = now.toISOString()
    if (user.status !== 'active') return AppError.of('ACCOUNT_LOCKED', 'auth.disabled')
    if (user.locked_until && user.locked_until > at) {
      return AppError.of('ACCOUNT_LOCKED', 'auth.lockedOut', {
        attempts: MAX_FAILED_ATTEMPTS,
        minutes: Math.max(1, Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000))
      })
    }
    const lastUse = Date.parse(user.last_login_at ?? user.created_at)
    if (now.getTime() - lastUse > IDLE_DISABLE_DAYS * 86_400_000) {
      this.users.update(user.id, { status: 'disabled', disabled_reason: 'idle' })
      writeAudit(this.db, at, {
        actor: 'system',
        action: 'user',
        entity: 'user',
        entityId: user.username,
        detail: { change: 'disable', reason: 'idle', days: IDLE_DISABLE_DAYS }
      })
      return AppError.of('ACCOUNT_LOCKED', 'auth.disabledIdle', { days: IDLE_DISABLE_DAYS })
    }
    return null
  }
  private recordFailure(user: UserRow, now: Date, action: 'sign-in-failed' | 'unlock-failed'): void {
    const attempts = user.failed_attempts + 1
    const lock = attempts >= MAX_FAILED_ATTEMPTS
    this.users.update(user.id, {
      failed_attempts: lock ? 0 : attempts,
      locked_until: lock
        ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
        : user.locked_until
    })
    writeAudit(this.db, now.toISOString(), {
      actor: user.username,
      action,
      entity: 'user',
      entityId: user.username,
      detail: { attempts, lockedOut: lock }
    })
  }
}
