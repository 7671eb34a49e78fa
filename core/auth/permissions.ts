import { AppError } from '../../contract/errors'
import { roles, type Role } from '../../contract/auth'
import type { GuardedCallName } from '../../contract/api'

const ANY = roles
const CLERK = ['clerk'] as const
const IT = ['it'] as const
const OFFICER = ['officer'] as const

/**
 * The one permission table: which role may make which call (docs/adr/0020). Least privilege: the clerk works
 * with patients at the desk, IT runs the machine and the queue, the officer answers for the data. Calls without
 * personal data (status, catalogues) are open to every signed-in role. A call missing here does not compile.
 */
export const permissions: { readonly [C in GuardedCallName]: readonly Role[] } = {
  'app:info': ANY,
  'app:status': ANY,
  // Versions, config without secrets, counts and device states: nothing personal (core/diagnostics).
  'app:diagnostics': ANY,
  'queue:status': ANY,
  'catalogs:list': ANY,
  'patients:register': CLERK,
  'patients:search': CLERK,
  'patients:get': CLERK,
  'patients:correct': CLERK,
  'patients:visits': CLERK,
  'patients:possibleDuplicates': CLERK,
  // Merging rewrites who a visit belongs to: for the people who answer for the data, never the desk (ADR 0027).
  'patients:merge': [...IT, ...OFFICER],
  'patients:unmerge': [...IT, ...OFFICER],
  'qr:submit': CLERK,
  'identity:code': CLERK,
  'consent:chip': CLERK,
  'card:open': CLERK,
  // The slip names the patient: printed by the clerk who registered the visit.
  'desk:slip': CLERK,
  'card:forgetKeys': CLERK,
  // The clerk looks the patient's card up as herself: the gateway wants her name and ID per lookup.
  'bhyt:check': CLERK,
  'bhyt:qr': CLERK,
  // The queue names patients: the clerk fixes what a target refused, IT administers the queue.
  'queue:list': [...CLERK, ...IT],
  'queue:retry': [...CLERK, ...IT],
  'queue:flush': [...CLERK, ...IT],
  'report:quality': OFFICER,
  'report:xlsx': OFFICER
}

/** Calls that poll in the background: they never count as the user being active (the idle lock still comes). */
export const backgroundCalls: ReadonlySet<string> = new Set(['app:info', 'app:status', 'queue:status'])

export function mayCall(role: Role, name: GuardedCallName): boolean {
  return permissions[name].includes(role)
}

export function allowedCalls(role: Role): GuardedCallName[] {
  return (Object.keys(permissions) as GuardedCallName[]).filter((c) => mayCall(role, c))
}

export function authorize(role: Role, name: GuardedCallName): void {
  if (!mayCall(role, name)) throw AppError.of('FORBIDDEN', undefined, undefined, { call: name, role })
}
