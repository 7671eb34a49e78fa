import { userInfo } from 'node:os'
import type { Role } from '../../contract/auth'

/** Who is acting, as written in the access log: an account's username, `os:<login>` for the CLI, or `system`. */
export interface Actor {
  id: string
  role: Role | null
  fullName: string
  /** The staff member's CCCD (the insurance gateway wants it per lookup); null for the OS and system actors. */
  staffIdNumber: string | null
}

/** Per call: the handlers take the actor from here, never from a process-wide constant. */
export interface CallContext {
  actor: Actor
}

/** The CLI is run by whoever can read the data directory and its key: it acts as that OS account. */
export function osActor(): Actor {
  let login = 'unknown'
  try {
    login = userInfo().username
  } catch {
    // No passwd entry (some containers): still an OS actor, not an account.
  }
  return { id: `os:${login}`, role: null, fullName: login, staffIdNumber: null }
}

export const systemActor: Actor = { id: 'system', role: null, fullName: 'system', staffIdNumber: null }
export const systemContext: CallContext = { actor: systemActor }

/**
 * The person at the desk right now (signed in, not locked), for what the hardware starts on its own: a card laid
 * on the reader, a scanner's QR. Null when nobody is: the read is refused rather than logged as nobody.
 */
export class DeskPresence {
  private source: () => Actor | null = () => null
  attach(source: () => Actor | null): void {
    this.source = source
  }
  current(): Actor | null {
    return this.source()
  }
}
