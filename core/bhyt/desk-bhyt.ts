import type { BhytCheckResult } from '../../contract/bhyt'
import { AppError } from '../../contract/errors'
import type { Db } from '../../db/db-type'
import type { Actor } from '../auth/actor'
import type { Clock } from '../clock'
import type { ConfigValue } from '../sync/config/keys'
import { checkedElsewhereToday, createBhytChecker, type BhytChecker } from './card-check'
import { createBhxhGateway, md5Upper, type BhxhGateway } from './gateway-client'
import { bhxhSettingsFrom, type BhxhSettings } from './settings'
import { checkAndRecord, recheckDue, type RecheckSummary } from './visit-checks'

/**
 * The desk's one BHYT service: the `bhyt:check` call, the recheck timer and the sender's recheck share it, so they
 * share one gateway token and one 15-minute throttle. The gateway is built from the settings in force and rebuilt
 * when IT changes them; with `bhxh.enabled` false or no URL every use answers CONFIG_INVALID (not an outage).
 */
export interface DeskCheckInput {
  cardKey: string
  fullName: string
  dateOfBirth: string
  patientId?: string | null
  force?: boolean
}

export interface DeskCheckOutput {
  checkId: number
  result: BhytCheckResult
  elsewhereToday: boolean
}

export interface DeskBhyt {
  /** True when the settings allow a check (enabled, URL and account set). */
  configured(): boolean
  check(input: DeskCheckInput, clerk: Pick<Actor, 'fullName' | 'staffIdNumber'>): Promise<DeskCheckOutput>
  /** Re-runs due unverified checks (all, or those of `visitIds`); nothing when not configured. */
  recheckDue(options?: { visitIds?: string[] }): Promise<RecheckSummary>
  close(): void
}

export interface DeskBhytDeps {
  db: Db
  clock: Clock
  /** The effective config with secrets opened, read at each use. */
  values: () => Record<string, ConfigValue | null>
}

/** The clerk the gateway wants (hoTenCb/cccdCb): an account without a 12-digit ID number cannot look cards up. */
export function clerkOf(actor: Pick<Actor, 'fullName' | 'staffIdNumber'>): {
  fullName: string
  idNumber: string
} {
  const idNumber = actor.staffIdNumber ?? ''
  if (!actor.fullName.trim() || !/^\d{12}$/.test(idNumber)) throw AppError.of('VALIDATION', 'bhyt.clerkNoId')
  return { fullName: actor.fullName, idNumber }
}

const settingsKey = (s: BhxhSettings): string =>
  JSON.stringify([s.url, s.username, md5Upper(s.password), s.caFile])

export function createDeskBhyt(deps: DeskBhytDeps): DeskBhyt {
  let current: { key: string; gateway: BhxhGateway; checker: BhytChecker } | null = null
  const now = (): number => deps.clock().getTime()

  function checker(): BhytChecker {
    const settings = bhxhSettingsFrom(deps.values())
    const key = settingsKey(settings)
    if (current?.key !== key) {
      current?.gateway.close()
      const gateway = createBhxhGateway({ ...settings, now })
      current = { key, gateway, checker: createBhytChecker({ gateway, now }) }
    }
    return current.checker
  }

  return {
    configured() {
      try {
        bhxhSettingsFrom(deps.values())
        return true
      } catch {
        return false
      }
    },
    async check(input, actor) {
      const clerk = clerkOf(actor)
      const recorded = await checkAndRecord(
        { db: deps.db, checker: checker(), now },
        {
          cardKey: input.cardKey,
          fullName: input.fullName,
          dateOfBirth: input.dateOfBirth,
          clerk,
          force: input.force ?? false,
          patientId: input.patientId ?? null
        }
      )
      return {
        checkId: recorded.checkId,
        result: recorded.result,
        elsewhereToday: checkedElsewhereToday(recorded.result, now()).length > 0
      }
    },
    async recheckDue(options = {}) {
      let c: BhytChecker
      try {
        c = checker()
      } catch {
        return { rechecked: 0, stillUnverified: 0 }
      }
      return recheckDue({ db: deps.db, checker: c, now }, options)
    },
    close() {
      current?.gateway.close()
      current = null
    }
  }
}
