import type { BhytAction, BhytCheckStatus } from '../../contract/bhyt'
import type { MessageKey } from '../../contract/messages'

/**
 * Every maKetQua of the card check (docs/desk-duties.md §1.4) → whether the card can be used, the check's
 * state and what the clerk does next. One table: the CLI, the screen and the quality report read it.
 */
export interface ResultMeaning {
  usable: boolean
  status: BhytCheckStatus
  action: BhytAction
  messageKey: MessageKey
}

const row = (usable: boolean, status: BhytCheckStatus, action: BhytAction, messageKey: MessageKey) => ({
  usable,
  status,
  action,
  messageKey
})

const TABLE: Record<string, ResultMeaning> = {
  '000': row(true, 'verified', 'use', 'bhyt.result.000'),
  '001': row(true, 'verified', 'use-check-papers', 'bhyt.result.001'),
  '002': row(true, 'verified', 'use-check-papers', 'bhyt.result.002'),
  '003': row(true, 'verified', 'switch-to-new-card', 'bhyt.result.003'),
  '004': row(true, 'verified', 'offer-new-card', 'bhyt.result.004'),
  '010': row(false, 'refused', 'not-usable', 'bhyt.result.010'),
  '050': row(false, 'refused', 'not-usable', 'bhyt.result.050'),
  '051': row(false, 'refused', 'correct-card-number', 'bhyt.result.051'),
  '052': row(false, 'refused', 'correct-card-number', 'bhyt.result.052'),
  '053': row(false, 'refused', 'correct-card-number', 'bhyt.result.053'),
  '054': row(false, 'refused', 'tell-it', 'bhyt.result.054'),
  '055': row(false, 'refused', 'tell-it', 'bhyt.result.055'),
  '060': row(false, 'refused', 'correct-name', 'bhyt.result.060'),
  '061': row(false, 'refused', 'correct-name', 'bhyt.result.061'),
  '070': row(false, 'refused', 'correct-birth-date', 'bhyt.result.070'),
  '100': row(false, 'unverified', 'retry-later', 'bhyt.result.gatewayError'),
  '101': row(false, 'unverified', 'retry-later', 'bhyt.result.gatewayError'),
  '500': row(false, 'unverified', 'retry-later', 'bhyt.result.gatewayError'),
  '110': row(false, 'refused', 'not-usable', 'bhyt.result.110'),
  '120': row(false, 'refused', 'not-usable', 'bhyt.result.reduced'),
  '121': row(false, 'refused', 'not-usable', 'bhyt.result.reduced'),
  '122': row(false, 'refused', 'not-usable', 'bhyt.result.reduced'),
  '123': row(false, 'refused', 'not-usable', 'bhyt.result.reduced'),
  '124': row(false, 'refused', 'not-usable', 'bhyt.result.reduced'),
  '130': row(false, 'refused', 'child-flow', 'bhyt.result.130'),
  '205': row(false, 'unverified', 'report-bug', 'bhyt.result.205')
}

/** The documented codes, for tests and the ADR. */
export const documentedResultCodes = Object.keys(TABLE)

/** An undocumented code is never taken as usable: the card stays unverified and IT is told. */
export function meaningOf(code: string): ResultMeaning {
  return TABLE[code] ?? row(false, 'unverified', 'report-bug', 'bhyt.result.unknown')
}
