import { AppError, toErrorValue, type Result } from '../../contract/errors'
import { isCallName, type GuardedCallName } from '../../contract/api'
import { authCalls, isAuthCall, type AuthState } from '../../contract/auth'
import { getSetting } from '../../db/settings'
import type { Services } from '../index'
import { dispatch, type Handlers } from '../handlers'
import { writeAudit } from '../audit/audit-log'
import { Accounts } from './accounts'
import { allowedCalls, backgroundCalls, mayCall } from './permissions'
import { actorOf, SessionStore, type Session } from './sessions'
import type { ScryptCost } from './passwords'

export const IDLE_LOCK_SETTING = 'security.idleLockMinutes'
export const DEFAULT_IDLE_LOCK_MINUTES = 5

export interface GateOutcome {
  result: Result<unknown>
  /** The session to carry from now on (set after sign-in, null after sign-out). */
  sessionId: string | null
}

/**
 * The one door to the handlers for the app and browser mode. Every call carries a session (the transport keeps
 * it: a cookie, the Electron main process); the gate answers the auth:* calls itself, refuses everything else
 * without an unlocked session, checks the role against the permission table and hands the handler its actor.
 */
export interface Gate {
  call(sessionId: string | null, name: string, input: unknown, binding?: string): Promise<GateOutcome>
  /** Whether pushed events (which carry personal data) may go to this session now. */
  mayReceive(sessionId: string | null, binding?: string): boolean
  accounts: Accounts
  sessions: SessionStore
}

export function createGate(s: Services, handlers: Handlers, opts: { cost?: ScryptCost } = {}): Gate {
  const accounts = new Accounts(s.db, s.clock, opts.cost)
  const idleMinutes = (): number => getSetting<number>(s.db, IDLE_LOCK_SETTING) ?? DEFAULT_IDLE_LOCK_MINUTES
  const sessions = new SessionStore(
    () => idleMinutes() * 60_000,
    () => s.clock().getTime()
  )
  s.desk.attach(() => sessions.deskActor())
  const at = (): string => s.clock().toISOString()

  const state = (session: Session | null): AuthState => ({
    firstRun: accounts.isFirstRun(),
    user: session ? { username: session.username, fullName: session.fullName, role: session.role } : null,
    locked: session?.locked ?? false,
    idleLockMinutes: idleMinutes(),
    // Kept while locked: the screen underneath stays as it was for the same person to unlock.
    allowed: session ? allowedCalls(session.role) : []
  })

  const open = (
    binding: string,
    user: {
      id: string
      username: string
      display_name: string
      role: Session['role']
      staff_id_number: string | null
    }
  ): Session =>
    sessions.create({
      userId: user.id,
      username: user.username,
      fullName: user.display_name,
      role: user.role,
      staffIdNumber: user.staff_id_number,
      binding
    })

  /** auth:* calls: input checked against the contract like every other call. */
  const authCall = async (
    sessionId: string | null,
    name: keyof typeof authCalls,
    raw: unknown,
    binding: string
  ): Promise<GateOutcome> => {
    let session = sessions.get(sessionId, binding)
    const parsed = authCalls[name].input.safeParse(raw ?? {})
    if (!parsed.success) throw AppError.of('VALIDATION')
    const input = parsed.data as Record<string, string>
    switch (name) {
      case 'auth:state':
        break
      case 'auth:setup': {
        const user = await accounts.setupFirst({
          username: input.username!,
          fullName: input.fullName!,
          idNumber: input.idNumber!,
          password: input.password!,
          pin: input.pin!
        })
        writeAudit(s.db, at(), {
          actor: user.username,
          action: 'sign-in',
          entity: 'user',
          entityId: user.username
        })
        session = open(binding, user)
        break
      }
      case 'auth:signIn': {
        const user = await accounts.signIn(input.username!, input.password!)
        // Switching user at a shift change: the previous session ends here.
        if (session) endSession(session)
        session = open(binding, user)
        break
      }
      case 'auth:unlock': {
        if (!session) throw AppError.of('UNAUTHENTICATED')
        try {
          await accounts.unlock(session.userId, input.secret!)
        } catch (e) {
          // A lockout while locked ends the session: the next person signs in afresh.
          if (e instanceof AppError && e.code === 'ACCOUNT_LOCKED') sessions.end(session.id)
          throw e
        }
        session.locked = false
        sessions.touch(session)
        break
      }
      case 'auth:lock':
        if (session && !session.locked) {
          session.locked = true
          writeAudit(s.db, at(), {
            actor: session.username,
            action: 'lock',
            entity: 'user',
            entityId: session.username
          })
        }
        break
      case 'auth:signOut':
        if (session) endSession(session)
        session = null
        break
    }
    return { result: { ok: true, value: state(session) }, sessionId: session?.id ?? null }
  }

  const endSession = (session: Session): void => {
    sessions.end(session.id)
    writeAudit(s.db, at(), {
      actor: session.username,
      action: 'sign-out',
      entity: 'user',
      entityId: session.username
    })
  }

  return {
    accounts,
    sessions,
    mayReceive: (sessionId, binding = '') => {
      const session = sessions.get(sessionId, binding)
      return session !== null && !session.locked
    },
    async call(sessionId, name, raw, binding = '') {
      try {
        if (isAuthCall(name)) return await authCall(sessionId, name, raw, binding)
        if (!isCallName(name)) throw AppError.of('VALIDATION', undefined, undefined, { call: name })
        const session = sessions.get(sessionId, binding)
        if (!session) throw AppError.of('UNAUTHENTICATED')
        if (session.locked) throw AppError.of('SESSION_LOCKED')
        const call = name as GuardedCallName
        if (!mayCall(session.role, call)) {
          writeAudit(s.db, at(), {
            actor: session.username,
            action: 'denied',
            entity: 'call',
            entityId: call,
            detail: { role: session.role }
          })
          throw AppError.of('FORBIDDEN', undefined, undefined, { call, role: session.role })
        }
        if (!backgroundCalls.has(call)) sessions.touch(session)
        return {
          result: await dispatch(handlers, call, raw, { actor: actorOf(session) }),
          sessionId: session.id
        }
      } catch (e) {
        return { result: { ok: false, error: toErrorValue(e) }, sessionId: sessionId }
      }
    }
  }
}
