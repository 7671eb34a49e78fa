import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { outboxStatusSchema, syncTargetSchema, syncTargets } from '../../contract/status'
import { loadSyncSettings, openSyncConfig } from '../../core/sync/config/open-config'
import { listQueue, retryQueued, type QueueItem } from '../../core/sync/worker/queue-admin'
import { runFlush } from '../../core/sync/worker/run-flush'
import type { Command } from '../context'
import { createDeskBhyt } from '../../core/bhyt/desk-bhyt'
import { createBhytSendStep } from '../../core/bhyt/send-step'

function target(raw: string | undefined): (typeof syncTargets)[number] | undefined {
  if (raw === undefined) return undefined
  const t = syncTargetSchema.safeParse(raw)
  if (!t.success)
    throw AppError.of('VALIDATION', 'error.cli.oneOf', { option: '--target', options: 'his, emch' })
  return t.data
}

/**
 * reception queue flush [--target his|emch] [--max-wait SECONDS]
 * Sends everything waiting (retries included) and exits; with --max-wait it follows retries that fall due
 * within that time. SIGINT/SIGTERM stop it cleanly: outcomes of requests in flight are still recorded.
 */
export const queueFlush: Command = async (ctx, args) => {
  const { values } = parseArgs({
    args,
    options: { target: { type: 'string' }, 'max-wait': { type: 'string' } }
  })
  const only = target(values.target)
  const maxWait = values['max-wait'] === undefined ? 0 : Number(values['max-wait'])
  if (!Number.isFinite(maxWait) || maxWait < 0) {
    throw AppError.of('VALIDATION', 'error.cli.seconds', { option: '--max-wait' })
  }
  const services = ctx.services()
  const config = openSyncConfig(services)
  const settings = loadSyncSettings(config)
  // Unverified BHYT cards are re-checked before their visits go out (docs/adr/0023).
  const bhyt = createDeskBhyt({ db: services.db, clock: services.clock, values: () => config.values() })
  const stop = new AbortController()
  const onSignal = (): void => stop.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const result = await runFlush({
      db: services.db,
      clock: services.clock,
      settings,
      targets: only ? [only] : syncTargets,
      signal: stop.signal,
      recover: true,
      includeWaiting: true,
      alwaysRecord: true,
      beforeSend: () => createBhytSendStep({ db: services.db, bhyt }),
      ...(maxWait > 0 ? { waitForRetriesUntil: new Date(services.clock().getTime() + maxWait * 1000) } : {})
    })
    const asked = only ? 1 : syncTargets.length
    if (result.unconfigured.length === asked) {
      throw AppError.of('CONFIG_INVALID', 'error.config.noEndpoint', {
        targets: result.unconfigured.join(', ')
      })
    }
    const { sent, failed, dead, remaining, retrying, unconfigured, stopped } = result
    ctx.out.result({ sent, failed, dead, remaining, retrying, unconfigured, stopped }, () =>
      [
        `Đã gửi ${sent}, bị từ chối ${failed}, bỏ sau nhiều lần thử ${dead}, còn chờ ${remaining} (sẽ thử lại ${retrying}).`,
        ...(unconfigured.length ? [`Chưa cấu hình: ${unconfigured.join(', ')}`] : []),
        ...(stopped ? ['Đã dừng theo yêu cầu.'] : [])
      ].join('\n')
    )
  } finally {
    bhyt.close()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** reception queue retry ID... | --all-failed | --all-dead — a person's resend after fixing the cause. */
export const queueRetry: Command = (ctx, args) => {
  const { values, positionals } = parseArgs({
    args,
    options: { 'all-failed': { type: 'boolean' }, 'all-dead': { type: 'boolean' } },
    allowPositionals: true
  })
  const ids = positionals.map((p) => {
    if (!/^\d+$/.test(p)) throw AppError.of('VALIDATION', 'error.cli.queueId', { id: p })
    return Number(p)
  })
  const allFailed = values['all-failed'] === true
  const allDead = values['all-dead'] === true
  if (ids.length === 0 && !allFailed && !allDead) {
    throw AppError.of('VALIDATION', 'error.cli.usage', {
      usage: 'reception queue retry ID... | --all-failed | --all-dead'
    })
  }
  const services = ctx.services()
  const { requeued, notRequeued: missing } = retryQueued(
    services.db,
    { ids, allFailed, allDead },
    services.clock()
  )
  if (missing.length > 0 && requeued === 0) {
    throw AppError.of('NOT_FOUND', 'error.queue.notRetryable', { ids: missing.join(', ') })
  }
  ctx.out.result({ requeued, notRequeued: missing }, (r: { requeued: number; notRequeued: number[] }) =>
    [
      `Đã đưa ${r.requeued} hồ sơ về hàng chờ gửi.`,
      ...(r.notRequeued.length ? [`Không đổi: ${r.notRequeued.join(', ')}`] : [])
    ].join('\n')
  )
}

/**
 * reception queue list [--status S] [--target T] [--limit N]
 * JSON carries no personal data (ids, status, attempts, the Vietnamese reason); the human table adds the
 * patient's name so a clerk can find the record to fix.
 */
export const queueList: Command = (ctx, args) => {
  const { values } = parseArgs({
    args,
    options: { status: { type: 'string' }, target: { type: 'string' }, limit: { type: 'string' } }
  })
  const status = values.status === undefined ? undefined : outboxStatusSchema.safeParse(values.status)
  if (status && !status.success) {
    throw AppError.of('VALIDATION', 'error.cli.oneOf', {
      option: '--status',
      options: outboxStatusSchema.options.join(', ')
    })
  }
  const limit = values.limit === undefined ? 200 : Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1)
    throw AppError.of('VALIDATION', 'error.cli.number', { option: '--limit', min: 1 })
  const t = target(values.target)
  const filter = {
    limit,
    ...(status?.success ? { status: status.data } : {}),
    ...(t ? { target: t } : {})
  }
  const db = ctx.services().db
  if (ctx.out.json) {
    ctx.out.result(listQueue(db, filter).map(({ patientName: _omitted, ...rest }) => rest))
    return
  }
  const rows = listQueue(db, filter, { withNames: true })
  ctx.out.result(rows, () =>
    rows.length === 0
      ? 'Không có hồ sơ nào.'
      : rows
          .map(
            (r: QueueItem) =>
              `#${r.id}  ${r.target}  ${r.status}  lần thử ${r.attempts}  ${r.patientName ?? ''}` +
              (r.lastError ? `\n      ${r.lastError}` : '')
          )
          .join('\n')
  )
}
