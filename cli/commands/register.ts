import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { patientFormSchema, visitTypeSchema } from '../../contract/patient'
import { codeIdentity } from '../../core/reading/code-identity'
import type { Command } from '../context'
import { readIdentityFile } from '../identity-file'

/** reception register --from identity.json [--visit-type T] */
export const register: Command = (ctx, args) => {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, 'visit-type': { type: 'string' } }
  })
  const identity = readIdentityFile(values.from)
  const visitType = visitTypeSchema.safeParse(values['visit-type'] ?? 'other')
  if (!visitType.success) {
    throw AppError.of('VALIDATION', 'error.cli.oneOf', {
      option: '--visit-type',
      options: visitTypeSchema.options.join(', ')
    })
  }
  const services = ctx.services()
  const coded = codeIdentity(identity, services.catalog)
  // Unattended: what the clerk would still decide on screen (e.g. which new commune) is reported as a warning;
  // only a form that cannot be valid (no date of birth or sex) is refused.
  const form = patientFormSchema.safeParse(coded.form)
  if (!form.success) {
    const blocking = coded.warnings.filter((w) => w.blocking)
    throw AppError.of('VALIDATION', 'error.register.incomplete', undefined, { warnings: blocking })
  }
  const result = services.register({
    patientId: null,
    patient: form.data,
    visit: { serviceType: visitType.data, department: null, reason: null },
    identityReadId: null,
    source: identity.source
  })
  ctx.out.result(
    result,
    (r: typeof result) => `patient ${r.patientId}${r.patientCreated ? ' (new)' : ''}\nvisit ${r.visitId}`
  )
}
