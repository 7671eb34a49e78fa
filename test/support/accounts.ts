import type { Role } from '../../contract/auth'
import type { Services } from '../../core'
import { createGate, type Gate } from '../../core/auth/gate'
import { createHandlers } from '../../core/handlers'
import type { ScryptCost } from '../../core/auth/passwords'

/** Cheap scrypt for tests: the format and checks are the real ones, only the work factor is lower. */
export const TEST_COST: ScryptCost = { N: 1024, r: 8, p: 1 }
export const TEST_PASSWORD = 'mat-khau-thu-nghiem-14'
export const TEST_PIN = '2468'

const names: Record<Role, string> = {
  clerk: 'Lê Thị Tiếp Đón',
  it: 'Trần Văn Tin Học',
  officer: 'Phạm Thị Pháp Chế'
}

/** Creates an account of `role` (unless it exists) and signs it in; returns the session id the transport carries. */
export async function signIn(gate: Gate, role: Role, username: string = role, binding = ''): Promise<string> {
  if (!gate.accounts.users.byUsername(username)) {
    await gate.accounts.add(
      {
        username,
        fullName: names[role],
        idNumber: '022190001111',
        role,
        password: TEST_PASSWORD,
        pin: TEST_PIN
      },
      'test'
    )
  }
  const out = await gate.call(null, 'auth:signIn', { username, password: TEST_PASSWORD }, binding)
  if (!out.result.ok || !out.sessionId) throw new Error(`sign-in failed: ${JSON.stringify(out.result)}`)
  return out.sessionId
}

export function testGate(services: Services): Gate {
  return createGate(services, createHandlers(services), { cost: TEST_COST })
}
