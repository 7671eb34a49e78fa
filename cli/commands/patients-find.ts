import { parseArgs } from 'node:util'
import { isAnyIdNumber } from '../../contract/rules/id-number'
import { AppError } from '../../contract/errors'
import type { PatientForm } from '../../contract/patient'
import { findMatches, type MatchResult } from '../../core/patients/matching'
import type { Command } from '../context'

const usage = 'reception patients find --id <ID_NUMBER (12) | OLD_ID (9/12)> | --bhyt <BHYT_CARD>'

const byLabel = { idNumber: 'số CCCD', oldIdNumber: 'số CMND cũ', bhyt: 'mã số BHXH trên thẻ BHYT' } as const

/** A form that carries nothing but the identifier, so only the exact lookups can match. */
function probe(id: string | undefined, bhyt: string | undefined): PatientForm {
  return {
    fullName: '-',
    dateOfBirth: '0000',
    sex: 'other',
    idNumber: id && /^\d{12}$/.test(id) ? id : null,
    oldIdNumber: id ?? null,
    bhytCardNumber: bhyt ? bhyt.toUpperCase() : null,
    ethnicityCode: null,
    nationalityCode: null,
    occupationCode: null,
    address: { text: '', provinceCode: null, communeCode: null, unitListVersion: null },
    phone: null,
    guardian: null,
    cardDetails: null
  }
}

/** reception patients find --id ID | --bhyt CARD: exact lookup by ID number, old ID number or BHYT card. */
export const patientsFind: Command = (ctx, args) => {
  const { values } = parseArgs({
    args,
    // --json and --data-dir are global options; accepted here too because they may follow the command.
    options: {
      id: { type: 'string' },
      bhyt: { type: 'string' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' }
    }
  })
  const id = values.id?.replace(/\s+/g, '')
  const bhyt = values.bhyt?.replace(/\s+/g, '')
  if ((!id && !bhyt) || (id && !isAnyIdNumber(id)) || (bhyt && !/^[A-Za-z]{2}\d{13}$|^\d{10}$/.test(bhyt)))
    throw AppError.of('VALIDATION', 'error.cli.usage', { usage })
  const match = findMatches(ctx.services().db, probe(id, bhyt))
  // Only identifier conflicts are worth showing here (a shared old ID or insurance number, a different new ID).
  const result: MatchResult = {
    ...match,
    candidates: match.candidates.filter(
      (c) => c.reasons.includes('same_old_id_number') || c.reasons.includes('same_bhyt')
    )
  }
  if (!result.exact && result.candidates.length === 0)
    throw AppError.of('NOT_FOUND', 'error.patient.identifierNotFound')
  ctx.out.result(result, (r: MatchResult) =>
    [
      r.exact
        ? `${r.exact.idNumber ?? '-'}  ${r.exact.dateOfBirth}  ${r.exact.fullName}  (theo ${r.by === null ? '' : byLabel[r.by]})`
        : '',
      ...r.candidates.map((c) => `? ${c.patient.idNumber ?? '-'}  ${c.patient.fullName}: ${c.warning}`)
    ]
      .filter(Boolean)
      .join('\n')
  )
}
