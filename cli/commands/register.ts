import { parseArgs } from 'node:util'
import { visitCheckCodeSchema, type VisitCheckCode } from '../../contract/visit-codes'
import { AppError } from '../../contract/errors'
import { patientFormSchema, visitTypeSchema, type PatientForm } from '../../contract/patient'
import { createDeskBhyt, type DeskCheckOutput } from '../../core/bhyt/desk-bhyt'
import { codeIdentity } from '../../core/reading/code-identity'
import { openSyncConfig } from '../../core/sync/config/open-config'
import type { Services } from '../../core/index'
import type { Command } from '../context'
import { clerkFromOptions } from '../bhyt-clerk'
import { readIdentityFile } from '../identity-file'
import { withReturningPatient } from '../../core/reading/match-identity'
import { withHisPatient } from '../../core/reading/his-returning'
import { hisNote, type HisNote } from '../his-note'

/** The BHYT check of a registration (--check-bhyt): stored, and linked to the visit by the registration. */
async function checkCard(
  services: Services,
  form: PatientForm,
  clerk: { fullName: string; staffIdNumber: string | null }
): Promise<DeskCheckOutput> {
  const cardKey = form.idNumber ?? form.bhytCardNumber
  if (!cardKey) throw AppError.of('VALIDATION', 'bhyt.cliNoCardKey')
  const config = openSyncConfig(services)
  const bhyt = createDeskBhyt({ db: services.db, clock: services.clock, values: () => config.values() })
  try {
    // An outage is not an error here: the check is stored 'unverified' and re-run before the visit is sent.
    return await bhyt.check({ cardKey, fullName: form.fullName, dateOfBirth: form.dateOfBirth }, clerk)
  } finally {
    bhyt.close()
  }
}

/**
 * reception register --from identity.json [--visit-type T] [--confirm womenOnly,maternalAge,childOnly]
 *   [--check-bhyt (--as USERNAME | --clerk-name NAME --clerk-id ID12)]
 * --confirm is the clerk's yes to a service that does not fit the patient (the form's checkbox), named per check.
 */
export const register: Command = async (ctx, args) => {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      'visit-type': { type: 'string' },
      'check-bhyt': { type: 'boolean' },
      as: { type: 'string' },
      'clerk-name': { type: 'string' },
      'clerk-id': { type: 'string' },
      confirm: { type: 'string' }
    }
  })
  const identity = readIdentityFile(values.from)
  const visitType = visitTypeSchema.safeParse(values['visit-type'] ?? 'other')
  if (!visitType.success) {
    throw AppError.of('VALIDATION', 'error.cli.oneOf', {
      option: '--visit-type',
      options: visitTypeSchema.options.join(', ')
    })
  }
  const confirmed = (values.confirm ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
  const known: readonly string[] = visitCheckCodeSchema.options
  if (confirmed.some((c) => !known.includes(c))) {
    throw AppError.of('VALIDATION', 'error.cli.oneOf', {
      option: '--confirm',
      options: visitCheckCodeSchema.options.join(', ')
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
  const check = values['check-bhyt']
    ? await checkCard(
        services,
        form.data,
        clerkFromOptions(() => services, values)
      )
    : null
  const saved = services.register({
    patientId: null,
    patient: form.data,
    visit: {
      serviceType: visitType.data,
      department: null,
      reason: null,
      ...(confirmed.length > 0 ? { confirmedChecks: confirmed as VisitCheckCode[] } : {})
    },
    identityReadId: null,
    source: identity.source,
    bhytCheckId: check?.checkId ?? null
  })
  const result = {
    ...saved,
    ...(check
      ? {
          bhyt: {
            checkId: check.checkId,
            code: check.result.code,
            usable: check.result.usable,
            status: check.result.status,
            message: check.result.message,
            card: check.result.card,
            elsewhereToday: check.elsewhereToday
          }
        }
      : {}),
    his: hisNote(coded)
  }
  ctx.out.result(result, (r: typeof result & { his: HisNote }) =>
    [
      `patient ${r.patientId}${r.patientCreated ? ' (new)' : ''}`,
      `visit ${r.visitId}`,
      ...(r.bhyt
        ? [`BHYT ${r.bhyt.status}${r.bhyt.code ? ` (${r.bhyt.code})` : ''}: ${r.bhyt.message}`]
        : []),
      ...(r.his.message ? [r.his.message] : [])
    ].join('\n')
  )
}
