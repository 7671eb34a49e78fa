import { AppError } from '../contract/errors'
import { UsersRepo } from '../core/auth/users'
import { clerkOf } from '../core/bhyt/desk-bhyt'
import type { Services } from '../core/index'

/** The staff member a CLI card check is made as: an account (`--as USERNAME`) or `--clerk-name` + `--clerk-id`. */
export function clerkFromOptions(
  services: () => Services,
  values: { as?: string | undefined; 'clerk-name'?: string | undefined; 'clerk-id'?: string | undefined }
): { fullName: string; staffIdNumber: string | null } {
  if (values.as) {
    const user = new UsersRepo(services().db).byUsername(values.as)
    if (!user || user.status !== 'active')
      throw AppError.of('NOT_FOUND', 'auth.userNotFound', { username: values.as })
    const clerk = { fullName: user.display_name, staffIdNumber: user.staff_id_number }
    clerkOf(clerk) // an account without a 12-digit ID cannot look cards up: say so before asking anything
    return clerk
  }
  return { fullName: values['clerk-name'] ?? '', staffIdNumber: values['clerk-id'] ?? null }
}
