import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { createBhytChecker, checkedElsewhereToday } from '../../core/bhyt/card-check'
import { createBhxhGateway } from '../../core/bhyt/gateway-client'
import { bhxhSettingsFrom } from '../../core/bhyt/settings'
import { openSyncConfig } from '../../core/sync/config/open-config'
import type { Command } from '../context'
import { clerkFromOptions } from '../bhyt-clerk'

/**
 * reception bhyt check --id ID12 | --card CODE --name "…" --dob YYYY-MM-DD|YYYY (--clerk-name N --clerk-id ID12 | --as USER)
 * Prints { code, usable, status, message, card, newCard, checkedElsewhere } and exits 0 whenever the gateway
 * answered (a refused card included); no answer → BHXH_UNAVAILABLE, bad credentials → BHXH_AUTH.
 */
const USAGE =
  'reception bhyt check --id ID12 | --card CODE --name NAME --dob YYYY-MM-DD|YYYY (--clerk-name NAME --clerk-id ID12 | --as USERNAME)'

export const bhyt: Command = async (ctx, args) => {
  const [sub, ...rest] = args
  if (sub !== 'check') throw AppError.of('VALIDATION', 'error.cli.usage', { usage: USAGE })
  const { values } = parseArgs({
    args: rest,
    options: {
      id: { type: 'string' },
      card: { type: 'string' },
      name: { type: 'string' },
      dob: { type: 'string' },
      'clerk-name': { type: 'string' },
      'clerk-id': { type: 'string' },
      as: { type: 'string' }
    },
    strict: true
  })
  const cardKey = values.id ?? values.card
  if (!cardKey || !values.name || !values.dob) {
    throw AppError.of('VALIDATION', 'error.cli.usage', { usage: USAGE })
  }
  const clerk = clerkFromOptions(() => ctx.services(), values)
  const settings = bhxhSettingsFrom(openSyncConfig(ctx.services()).values())
  const gateway = createBhxhGateway(settings)
  try {
    const checker = createBhytChecker({ gateway })
    const { result } = await checker.check({
      cardKey,
      fullName: values.name,
      dateOfBirth: values.dob,
      clerk: { fullName: clerk.fullName, idNumber: clerk.staffIdNumber ?? '' }
    })
    const warnings = checkedElsewhereToday(result, Date.now())
    const printed = {
      code: result.code,
      usable: result.usable,
      status: result.status,
      action: result.action,
      message: result.message,
      card: result.card,
      newCard: result.newCard,
      holder: result.holder,
      checkedElsewhere: result.checkedElsewhere,
      warnings: warnings.map((w) => w.key)
    }
    ctx.out.result(printed, (r: typeof printed) =>
      [`${r.code} · ${r.usable ? 'dùng được' : 'không dùng được'} · ${r.message}`, r.card?.cardNumber ?? '']
        .filter(Boolean)
        .join('\n')
    )
  } finally {
    gateway.close()
  }
}
