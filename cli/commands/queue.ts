import { AppError } from '../../contract/errors'
import type { QueueStatus } from '../../contract/status'
import { queueStatus } from '../../core/queue/queue-status'
import type { Command } from '../context'

/** flush/list/retry bring the connectors (xmlbuilder2, TLS): loaded only for them. */
const subcommands: Record<string, () => Promise<Command>> = {
  flush: () => import('./queue-flush').then((m) => m.queueFlush),
  list: () => import('./queue-flush').then((m) => m.queueList),
  retry: () => import('./queue-flush').then((m) => m.queueRetry)
}

/** reception queue status | flush | list | retry */
export const queue: Command = async (ctx, args) => {
  const [sub, ...rest] = args
  const other = sub && Object.prototype.hasOwnProperty.call(subcommands, sub) ? subcommands[sub] : undefined
  if (other) return (await other())(ctx, rest)
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
