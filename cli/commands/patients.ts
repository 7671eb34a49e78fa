import { AppError } from '../../electron/contract/errors'
import type { PatientSummary } from '../../electron/contract/patient'
import type { Command } from '../context'
import { patientsFind } from './patients-find'

/** reception patients search TEXT | patients find --id ID */
export const patients: Command = (ctx, args) => {
  const [sub, ...rest] = args
  if (sub === 'find') return patientsFind(ctx, rest)
  if (sub !== 'search' || rest.length === 0) {
    throw new AppError(
      'VALIDATION',
      'Dùng: reception patients search <số CCCD hoặc họ tên>',
      'Usage: patients search TEXT'
    )
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
