import { AppError } from '../../contract/errors'
import type { QueueStatus } from '../../contract/status'
import { queueStatus } from '../../core/queue/queue-status'
import type { Command } from '../context'
import { queueFlush, queueList, queueRetry } from './queue-flush'

const subcommands: Record<string, Command> = { flush: queueFlush, list: queueList, retry: queueRetry }

/** reception queue status | flush | list | retry */
export const queue: Command = (ctx, args) => {
  const [sub, ...rest] = args
  const other = sub ? subcommands[sub] : undefined
  if (other) return other(ctx, rest)
  if (sub !== 'status')
    throw AppError.of('VALIDATION', 'error.cli.usage', {
      usage: 'reception queue status | flush | list | retry'
    })
  const status = queueStatus(ctx.services().db)
  ctx.out.result(status, (s: QueueStatus) =>
    [
      `${s.waiting} hồ sơ chờ gửi`,
      ...Object.entries(s.byTarget).map(([t, c]) => `${t}: ${JSON.stringify(c)}`)
    ].join('\n')
  )
}
