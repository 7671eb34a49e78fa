import { randomBytes } from 'node:crypto'
import type { Role } from '../../contract/auth'
import type { Actor } from './actor'

export interface Session {
  id: string
  userId: string
  username: string
  fullName: string
  role: Role
  staffIdNumber: string | null
  /** What the session was created over (browser mode: the launch token); a session only works over the same. */
  binding: string
  lastActive: number
  locked: boolean
  unlockFailures: number
}

export const actorOf = (s: Session): Actor => ({
  id: s.username,
  role: s.role,
  fullName: s.fullName,
  staffIdNumber: s.staffIdNumber
})

/** Desk sessions, in memory: a restart signs everyone out, which is what a desk wants. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  constructor(
    private readonly idleMs: () => number,
    private readonly now: () => number
  ) {}

  create(user: Omit<Session, 'id' | 'lastActive' | 'locked' | 'unlockFailures'>): Session {
    const session: Session = {
      ...user,
      id: randomBytes(32).toString('base64url'),
      lastActive: this.now(),
      locked: false,
      unlockFailures: 0
    }
    this.sessions.set(session.id, session)
    return session
  }

  /** The session, locked first if it sat idle too long. */
  get(id: string | null, binding: string): Session | null {
    if (!id) return null
    const s = this.sessions.get(id)
    if (!s || s.binding !== binding) return null
    if (!s.locked && this.now() - s.lastActive > this.idleMs()) s.locked = true
    return s
  }

  touch(s: Session): void {
    s.lastActive = this.now()
  }

  end(id: string): void {
    this.sessions.delete(id)
  }

  /** The person at the desk: the most recently active session that is neither locked nor idle. */
  deskActor(): Actor | null {
    let best: Session | null = null
    for (const s of this.sessions.values()) {
      if (s.locked || this.now() - s.lastActive > this.idleMs()) continue
      if (!best || s.lastActive > best.lastActive) best = s
    }
    return best ? actorOf(best) : null
  }
}
