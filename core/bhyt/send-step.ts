import type { Submission } from '../../contract/submission'
import { currentBhytCheck } from '../../db/bhyt-checks'
import type { Db } from '../../db/db-type'
import type { DeskBhyt } from './desk-bhyt'
import { formWithCheckedCard, visitCardFrom } from './visit-card'

/** What the outbox worker runs over each claimed batch before handing it to a connector. */
export type BeforeSend = (subs: Submission[]) => Promise<Submission[]>

/**
 * The sender's BHYT step, one per flush (docs/adr/0023): the batch's visits whose card is still unverified are
 * re-checked in one `recheckDue({visitIds})` call (never per visit, never twice in a flush, and not at all once the
 * gateway was found down in this flush); then each snapshot's `bhyt` block is replaced by what the visit's latest
 * check says, so a card verified after the visit was saved goes out with it. The queued row itself is not rewritten.
 */
export function createBhytSendStep(deps: { db: Db; bhyt: DeskBhyt }): BeforeSend {
  const tried = new Set<string>()
  let gatewayDown = false
  // Batches are sent concurrently; their rechecks run one after the other, so a gateway found down is asked once.
  let queue: Promise<void> = Promise.resolve()
  const recheck = async (subs: Submission[]): Promise<void> => {
    const visitIds = [...new Set(subs.map((s) => s.visit.id))].filter((id) => !tried.has(id))
    visitIds.forEach((id) => tried.add(id))
    if (visitIds.length === 0 || gatewayDown) return
    try {
      const summary = await deps.bhyt.recheckDue({ visitIds })
      if (summary.stillUnverified > 0) gatewayDown = true
    } catch {
      // A failed recheck (bad credentials, a broken answer) never holds the record back.
      gatewayDown = true
    }
  }
  return async (subs) => {
    const mine = queue.then(() => recheck(subs))
    queue = mine
    await mine
    return subs.map((sub) => withLatestCard(deps.db, sub))
  }
}

export function withLatestCard(db: Db, sub: Submission): Submission {
  const row = currentBhytCheck(db, sub.visit.id)
  if (!row) return sub
  const bhyt = visitCardFrom(row, sub.patient.form)
  return { ...sub, patient: { ...sub.patient, form: formWithCheckedCard(sub.patient.form, bhyt) }, bhyt }
}
