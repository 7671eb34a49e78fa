import type { PriorityClass, QueueTicket } from '../../contract/desk'
import type { Db } from '../../db/db-type'
import { issueTicket } from '../../db/queue-tickets'
import { localIsoWithOffset, type Clock } from '../clock'

// The suggestion is a pure rule the form shows too; it lives in the contract so both sides agree.
export { ageInYears } from '../../contract/rules/age'
export { suggestPriority } from '../../contract/rules/priority'

const localDay = (d: Date): string => localIsoWithOffset(d).slice(0, 10)

/** Issues (or returns) the visit's number in today's series for its room or service. */
export function issueQueueNumber(
  deps: { db: Db; clock: Clock },
  v: { visitId: string; queue: string; priority: PriorityClass | null }
): QueueTicket {
  const now = deps.clock()
  return issueTicket(deps.db, {
    visitId: v.visitId,
    day: localDay(now),
    queue: v.queue,
    priority: v.priority,
    issuedAt: localIsoWithOffset(now)
  })
}
