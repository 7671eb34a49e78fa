import type { BhytCheckResult } from '../../contract/bhyt'
import { isAppError } from '../../contract/errors'
import { formatMessage } from '../../contract/messages'
import {
  insertBhytCheck,
  dueBhytRechecks,
  postponeBhytRecheck,
  type BhytCheckRow
} from '../../db/bhyt-checks'
import type { Db } from '../../db/db-type'
import type { BhytChecker, BhytCheckRequest } from './card-check'

/**
 * BHYT checks as the visit's evidence: every answer is stored with the visit; when the gateway cannot be reached the
 * visit goes on with the card 'unverified', the outage is recorded (time, error), and the check is re-run later —
 * by `recheckDue` on a timer and before the visit's record goes to the HIS (docs/desk-duties.md §1.5).
 */
export interface RecordedCheck {
  checkId: number
  result: BhytCheckResult
}

const FIRST_RECHECK_MS = 5 * 60_000
const MAX_RECHECK_MS = 60 * 60_000

export function unverifiedResult(atIso: string): BhytCheckResult {
  return {
    code: null,
    usable: false,
    status: 'unverified',
    action: 'retry-later',
    messageKey: 'bhyt.unavailable',
    message: formatMessage('vi', 'bhyt.unavailable'),
    card: null,
    newCard: null,
    holder: null,
    checkedElsewhere: [],
    checkedAt: atIso
  }
}

interface Deps {
  db: Db
  checker: BhytChecker
  now?: () => number
}

function outageOf(e: unknown, atIso: string): string | null {
  if (isAppError(e) && e.code === 'BHXH_UNAVAILABLE') {
    const why = (e.details as { why?: string } | undefined)?.why ?? ''
    return JSON.stringify({ at: atIso, code: e.code, why })
  }
  return null
}

/** Runs one check and stores it (linked to the visit when there is one). Errors other than an outage propagate. */
export async function checkAndRecord(
  deps: Deps,
  request: BhytCheckRequest & { visitId?: string | null; patientId?: string | null }
): Promise<RecordedCheck> {
  const now = deps.now ?? Date.now
  const base = {
    visitId: request.visitId ?? null,
    patientId: request.patientId ?? null,
    cardKey: request.cardKey,
    fullName: request.fullName,
    dateOfBirth: request.dateOfBirth,
    clerkName: request.clerk.fullName,
    clerkId: request.clerk.idNumber
  }
  try {
    const { result, raw } = await deps.checker.check(request)
    const checkId = insertBhytCheck(deps.db, {
      ...base,
      status: result.status,
      resultCode: result.code,
      resultJson: JSON.stringify(result),
      rawJson: JSON.stringify(raw),
      outageJson: null,
      checkedAt: result.checkedAt,
      recheckAfter: result.status === 'unverified' ? new Date(now() + FIRST_RECHECK_MS).toISOString() : null
    })
    return { checkId, result }
  } catch (e) {
    const atIso = new Date(now()).toISOString()
    const outage = outageOf(e, atIso)
    if (!outage) throw e
    const result = unverifiedResult(atIso)
    const checkId = insertBhytCheck(deps.db, {
      ...base,
      status: 'unverified',
      resultCode: null,
      resultJson: JSON.stringify(result),
      rawJson: null,
      outageJson: outage,
      checkedAt: atIso,
      recheckAfter: new Date(now() + FIRST_RECHECK_MS).toISOString()
    })
    return { checkId, result }
  }
}

function nextDelay(row: BhytCheckRow, now: number): number {
  const since = now - Date.parse(row.checkedAt)
  return Math.min(MAX_RECHECK_MS, Math.max(FIRST_RECHECK_MS, since))
}

export interface RecheckSummary {
  rechecked: number
  stillUnverified: number
}

/**
 * Re-runs the due unverified checks of saved visits (`visitIds` limits it to those visits, e.g. the ones about to be
 * sent to the HIS). Stops at the first outage: the gateway is down for all of them, and asking again is what gets
 * an account restricted.
 */
export async function recheckDue(
  deps: Deps,
  options: { visitIds?: string[]; limit?: number } = {}
): Promise<RecheckSummary> {
  const now = deps.now ?? Date.now
  const nowMs = now()
  const nowIso = new Date(nowMs).toISOString()
  const wanted = options.visitIds ? new Set(options.visitIds) : null
  // Before sending, a visit's check is re-run even when its timer is not due yet.
  const due = dueBhytRechecks(deps.db, wanted ? '9999-12-31' : nowIso, options.limit ?? 50).filter(
    (r) => !wanted || (r.visitId && wanted.has(r.visitId))
  )
  const summary: RecheckSummary = { rechecked: 0, stillUnverified: 0 }
  for (let i = 0; i < due.length; i++) {
    const row = due[i]!
    const recorded = await checkAndRecord(deps, {
      cardKey: row.cardKey,
      fullName: row.fullName,
      dateOfBirth: row.dateOfBirth,
      clerk: { fullName: row.clerkName, idNumber: row.clerkId },
      force: true,
      visitId: row.visitId,
      patientId: row.patientId
    })
    if (recorded.result.status !== 'unverified') {
      summary.rechecked++
      continue
    }
    // The new unverified row superseded the old one; push it and everything not yet tried back.
    const delay = nextDelay(row, nowMs)
    const later = new Date(nowMs + delay).toISOString()
    const outage = JSON.stringify({ at: nowIso, code: 'BHXH_UNAVAILABLE', why: 'recheck' })
    postponeBhytRecheck(deps.db, recorded.checkId, later, outage)
    summary.stillUnverified += due.length - i
    break
  }
  return summary
}
