import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../../contract/auth'
import type { GuardedCallName } from '../../../contract/api'
import { emptyIdentity } from '../../../contract/identity'
import { patientForm, registration, testServices } from '../../support/fixtures'
import { signIn, testGate } from '../../support/accounts'

/**
 * Each role × each call, over the gate the transports use. The expected matrix is written out here, apart from
 * core/auth/permissions.ts, so a change to the table that nobody meant shows up as a failing cell.
 */
const input: { [C in GuardedCallName]: unknown } = {
  'app:info': {},
  'app:status': {},
  'queue:status': {},
  'catalogs:list': { kind: 'province' },
  'patients:register': registration(),
  'patients:search': { text: 'nguyen' },
  'patients:get': { id: 'no-such-patient' },
  'patients:correct': { patientId: 'no-such-patient', patient: patientForm() },
  'patients:visits': { patientId: 'no-such-patient' },
  'patients:possibleDuplicates': { fullName: 'Nguyễn Văn A', dateOfBirth: '1990-01-01' },
  'patients:merge': { keepId: 'no-such-patient', mergeId: 'no-such-other' },
  'patients:unmerge': { mergedId: 'no-such-patient' },
  'qr:submit': { text: 'not a cccd qr', via: 'keyboard' },
  'card:open': { can: '001234' },
  'card:forgetKeys': {},
  'app:diagnostics': {},
  'identity:code': { identity: emptyIdentity('manual', 'Nguyễn Văn A') },
  'consent:chip': {},
  'queue:list': {},
  'queue:retry': { ids: [1] },
  'queue:flush': {},
  'report:quality': { from: '2026-01-01', to: '2026-01-31' },
  'report:xlsx': { from: '2026-01-01', to: '2026-01-31' },
  'desk:slip': { visitId: 'no-such-visit' },
  'bhyt:check': { cardKey: '022195001234', fullName: 'Nguyễn Văn A', dateOfBirth: '1990' },
  'bhyt:qr': { text: 'not a bhyt qr', via: 'keyboard' }
}

const C = 'clerk',
  I = 'it',
  O = 'officer'
const expected: { [K in GuardedCallName]: Role[] } = {
  'app:info': [C, I, O],
  'app:status': [C, I, O],
  'queue:status': [C, I, O],
  'catalogs:list': [C, I, O],
  'patients:register': [C],
  'patients:search': [C],
  'patients:get': [C],
  'patients:correct': [C],
  'patients:visits': [C],
  'patients:possibleDuplicates': [C],
  'patients:merge': [I, O],
  'patients:unmerge': [I, O],
  'qr:submit': [C],
  'card:open': [C],
  'card:forgetKeys': [C],
  'app:diagnostics': [C, I, O],
  'identity:code': [C],
  'consent:chip': [C],
  'queue:list': [C, I],
  'queue:retry': [C, I],
  'queue:flush': [C, I],
  'report:quality': [O],
  'report:xlsx': [O],
  'desk:slip': [C],
  'bhyt:check': [C],
  'bhyt:qr': [C]
}

describe('permissions per role and call', () => {
  const t = testServices()
  const gate = testGate(t.services)
  const sessions = {} as Record<Role, string>
  beforeAll(async () => {
    for (const role of ['clerk', 'it', 'officer'] as const) sessions[role] = await signIn(gate, role)
  })
  afterAll(() => t.cleanup())

  for (const call of Object.keys(input) as GuardedCallName[]) {
    for (const role of ['clerk', 'it', 'officer'] as const) {
      const allowed = expected[call].includes(role)
      it(`${role} ${allowed ? 'may' : 'may not'} call ${call}`, async () => {
        const { result } = await gate.call(sessions[role], call, input[call])
        const code = result.ok ? null : result.error.code
        if (allowed) expect(code).not.toBe('FORBIDDEN')
        else expect(code).toBe('FORBIDDEN')
      })
    }
  }

  it('refuses every call without a session, and logs a refused call with who tried', async () => {
    for (const call of Object.keys(input)) {
      const { result } = await gate.call(null, call, input[call as GuardedCallName])
      expect(result.ok ? null : result.error.code).toBe('UNAUTHENTICATED')
    }
    await gate.call(sessions.officer, 'patients:search', { text: 'nguyen' })
    const row = t.services.db
      .prepare("SELECT actor, entity_id FROM audit_log WHERE action = 'denied' ORDER BY id DESC LIMIT 1")
      .get()
    expect(row).toEqual({ actor: 'officer', entity_id: 'patients:search' })
  })
})
