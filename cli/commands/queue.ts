import { AppError } from '../../electron/contract/errors'
import type { QueueStatus } from '../../electron/contract/status'
import { queueStatus } from '../../electron/services/queue/queue-status'
import type { Command } from '../context'

/** reception queue status */
export const queue: Command = (ctx, args) => {
  const [sub] = args
  if (sub !== 'status')
    throw new AppError('VALIDATION', 'Dùng: reception queue status', 'Usage: queue status')
  const status = queueStatus(ctx.services().db)
  ctx.out.result(status, (s: QueueStatus) =>
    [
      `${s.waiting} hồ sơ chờ gửi`,
      ...Object.entries(s.byTarget).map(([t, c]) => `${t}: ${JSON.stringify(c)}`)
    ].join('\n')
  )
}
