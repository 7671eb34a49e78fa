import type { PriorityClass, QueueTicket } from '../../contract/desk'
import type { VisitType } from '../../contract/patient'
import type { Db } from '../../db/db-type'
import { issueTicket } from '../../db/queue-tickets'
import { localIsoWithOffset, type Clock } from '../clock'

/** Age in whole years on `today` from a YYYY-MM-DD / YYYY-MM / YYYY birth date (unknown parts count as 1 January). */
export function ageInYears(dateOfBirth: string, today: Date): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(dateOfBirth)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2] ?? '1')
  const d = Number(m[3] ?? '1')
  let age = today.getFullYear() - y
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age--
  return age
}

/**
 * The priority classes the record suggests, most urgent first; the clerk confirms one (or none). Severe disability
 * and merit cannot be read from the record: the clerk adds them.
 */
export function suggestPriority(
  p: { dateOfBirth: string; sex: string; serviceType: VisitType | string; emergency?: boolean },
  today: Date
): PriorityClass[] {
  const out: PriorityClass[] = []
  if (p.emergency) out.push('emergency')
  const age = ageInYears(p.dateOfBirth, today)
  if (age !== null && age < 6) out.push('under-6')
  if (p.sex === 'female' && (p.serviceType === 'antenatal' || p.serviceType === 'delivery'))
    out.push('pregnant')
  if (age !== null && age >= 75) out.push('aged-75')
  return out
}

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
