import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { patientFormSchema, visitTypeSchema } from '../../contract/patient'
import { codeIdentity } from '../../core/reading/code-identity'
import type { Command } from '../context'
import { readIdentityFile } from '../identity-file'
import { withReturningPatient } from '../../core/reading/match-identity'
import { withHisPatient } from '../../core/reading/his-returning'
import { hisNote, type HisNote } from '../his-note'

/** reception register --from identity.json [--visit-type T] */
export const register: Command = async (ctx, args) => {
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
  // A patient another desk registered is found in the HIS: the save then keeps its HIS id (docs/adr/0024).
  const coded = await withHisPatient(
    withReturningPatient(services.db, codeIdentity(identity, services.catalog)),
    services.his
  )
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
  const his = hisNote(coded)
  ctx.out.result({ ...result, his }, (r: typeof result & { his: HisNote }) =>
    [
      `patient ${r.patientId}${r.patientCreated ? ' (new)' : ''}`,
      `visit ${r.visitId}`,
      ...(r.his.message ? [r.his.message] : [])
    ].join('\n')
  )
}
