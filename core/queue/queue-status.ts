import type { Db } from '../../db/connection'
import { countByTargetAndStatus } from '../../db/outbox-store'
import { getSetting } from '../../db/settings'
import { countUnverifiedBhytVisits } from '../../db/bhyt-checks'
import type { QueueStatus } from '../../contract/status'

export const LAST_FLUSH_KEY = 'sync.lastFlush'
export const NEXT_FLUSH_KEY = 'sync.nextFlushAt'

/** What waits in the outbox, per target and status, plus the last and next flush. */
export function queueStatus(db: Db): QueueStatus {
  const { total, byTarget } = countByTargetAndStatus(db)
  return {
    waiting: total.pending + total.sending + total.failed,
    total,
    byTarget,
    nextFlushAt: getSetting<string>(db, NEXT_FLUSH_KEY),
    lastFlush: getSetting<QueueStatus['lastFlush']>(db, LAST_FLUSH_KEY),
    bhytUnverified: countUnverifiedBhytVisits(db)
  }
}
