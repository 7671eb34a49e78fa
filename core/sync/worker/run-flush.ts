import type { Db } from '../../../db/connection'
import { makeDueNow } from '../../../db/outbox-store'
import { setSetting } from '../../../db/settings'
import { syncTargets, type SyncTarget } from '../../../contract/status'
import type { Clock } from '../../clock'
import { LAST_FLUSH_KEY } from '../../queue/queue-status'
import { buildConnectors, closeConnectors } from '../config/build-connectors'
import type { SyncSettings } from '../config/sync-settings'
import type { Connector } from '../connectors/types'
import type { Submission } from '../../../contract/submission'
import { createOutboxWorker, type FlushOptions, type FlushProgress, type FlushResult } from './outbox-worker'

export type ConnectorFactory = (s: SyncSettings) => Partial<Record<SyncTarget, Connector>>

export interface RunFlushOptions extends FlushOptions {
  db: Db
  clock: Clock
  settings: SyncSettings
  /** Rows waiting for a later retry are sent now too ("send now", `queue flush`). */
  includeWaiting?: boolean
  /** Start-up crash recovery first: rows a killed process left 'sending' go back to pending. */
  recover?: boolean
  /** Record the result as the last flush even when nothing was due (a person asked). */
  alwaysRecord?: boolean
  connectors?: ConnectorFactory
  onProgress?: (p: FlushProgress) => void
  random?: () => number
  /** Makes this flush's beforeSend step (one per flush: it remembers what it already rechecked). */
  beforeSend?: () => (subs: Submission[]) => Promise<Submission[]>
}

/**
 * One flush with the current settings: connectors built for it and closed after it, crash recovery first,
 * and the result stored under LAST_FLUSH_KEY for the status bar.
 */
export async function runFlush(o: RunFlushOptions): Promise<FlushResult> {
  const connectors = (o.connectors ?? buildConnectors)(o.settings)
  try {
    const worker = createOutboxWorker({
      db: o.db,
      connectors,
      clock: o.clock,
      retry: o.settings.retry,
      concurrency: o.settings.concurrency,
      batchSize: o.settings.batchSize,
      facility: o.settings.facility,
      ...(o.random ? { random: o.random } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      ...(o.beforeSend ? { beforeSend: o.beforeSend() } : {})
    })
    if (o.recover) worker.recover()
    if (o.includeWaiting) makeDueNow(o.db, o.targets ?? syncTargets, o.clock())
    const result = await worker.flush(o)
    if (o.alwaysRecord || result.sent + result.failed + result.dead + result.retrying > 0) {
      setSetting(
        o.db,
        LAST_FLUSH_KEY,
        { at: result.finishedAt, sent: result.sent, failed: result.failed, dead: result.dead },
        result.finishedAt
      )
    }
    return result
  } finally {
    closeConnectors(connectors)
  }
}
