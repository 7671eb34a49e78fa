import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { defaultDataDir } from '../../core/config/data-dir'
import { formatLogLine, listLogFiles, logsDir, tailLogs } from '../../core/logging/log-files'
import type { Command } from '../context'

/** reception logs [--tail N] [--level warn]: the last lines of the app and CLI logs, oldest first. */
export const logs: Command = (ctx, args) => {
  const { values } = parseArgs({
    args,
    options: { tail: { type: 'string', default: '50' }, level: { type: 'string' } }
  })
  const count = Number(values.tail)
  if (!Number.isInteger(count) || count < 1)
    throw new AppError('VALIDATION', 'Dùng: reception logs [--tail SỐ_DÒNG] [--level warn]', 'bad --tail')
  const dataDir = ctx.dataDir ?? defaultDataDir()
  const lines = tailLogs(dataDir, count, values.level)
  ctx.out.result({ dir: logsDir(dataDir), files: listLogFiles(dataDir).length, lines }, () =>
    lines.length ? lines.map(formatLogLine).join('\n') : `(chưa có nhật ký trong ${logsDir(dataDir)})`
  )
}
