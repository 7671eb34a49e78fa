import { AppError } from '../../contract/errors'
import type { PatientSummary } from '../../contract/patient'
import type { Command } from '../context'
import { patientsFind } from './patients-find'
import { mergePatients, unmergePatients } from '../../core/patients/merge'
import { childrenOf } from '../../core/patients/children'

/** reception patients search TEXT | find --id ID | children ID | merge KEEP_ID DUPLICATE_ID | unmerge MERGED_ID */
export const patients: Command = (ctx, args) => {
  const [sub, ...rest] = args
  if (sub === 'find') return patientsFind(ctx, rest)
  if (sub === 'children') {
    if (!rest[0])
      throw AppError.of('VALIDATION', 'error.cli.usage', { usage: 'reception patients children <MOTHER_ID>' })
    const list = childrenOf(ctx.services().db, rest[0])
    return ctx.out.result(list, (l: typeof list) =>
      l.length === 0
        ? 'Chưa có trẻ nào gắn với hồ sơ này.'
        : l.map((c) => `${c.dateOfBirth}  ${c.fullName}`).join('\n')
    )
  }
  if (sub === 'merge') {
    const [keepId, mergeId] = rest
    if (!keepId || !mergeId) {
      throw AppError.of('VALIDATION', 'error.cli.usage', {
        usage: 'reception patients merge <KEEP_ID> <DUPLICATE_ID>'
      })
    }
    const services = ctx.services()
    const result = mergePatients(services.db, keepId, mergeId, services.actor, { clock: services.clock })
    return ctx.out.result(
      result,
      (r: typeof result) => `Đã gộp ${r.mergedId} vào ${r.keepId}: ${r.visitsMoved} lượt khám chuyển sang.`
    )
  }
  if (sub === 'unmerge') {
    if (!rest[0])
      throw AppError.of('VALIDATION', 'error.cli.usage', { usage: 'reception patients unmerge <MERGED_ID>' })
    const services = ctx.services()
    const result = unmergePatients(services.db, rest[0], services.actor, { clock: services.clock })
    return ctx.out.result(
      result,
      (r: typeof result) =>
        `Đã tách ${r.restoredId} khỏi ${r.keepId}: ${r.visitsMoved} lượt khám trở về hồ sơ đó.`
    )
  }
  if (sub !== 'search' || rest.length === 0) {
    throw AppError.of('VALIDATION', 'error.cli.usage', {
      usage: 'reception patients search <ID_NUMBER | NAME>'
    })
  }
  const found = ctx.services().searchPatients(rest.join(' '), 50)
  ctx.out.result(found, (list: PatientSummary[]) =>
    list.length === 0
      ? 'Không tìm thấy bệnh nhân phù hợp.'
      : list
          .map((p) => `${p.idNumber ?? '            '}  ${p.dateOfBirth.padEnd(10)}  ${p.fullName}`)
          .join('\n')
  )
}
