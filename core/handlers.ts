import { calls, type CallArgs, type CallOutput, type GuardedCallName } from '../contract/api'
import { AppError, toErrorValue, type Result } from '../contract/errors'
import type { Services } from './index'
import { getPatient } from './patients/get-patient'
import { queueStatus } from './queue/queue-status'
import { listCatalog } from './catalogs/list-catalog'
import { occupationUsage } from '../db/occupation-usage'
import { codeIdentity } from './reading/code-identity'
import { writeAudit } from './audit/audit-log'
import type { SyncScheduler } from './sync/schedule'
import { listQueue, retryQueued } from './sync/worker/queue-admin'
import { buildQualityReport } from './reports/quality'
import { reportFacility } from './reports/report-facility'
import { createCorrection } from './reception/correct-patient'
import { qualityReportFileName, qualityReportXlsx } from './reports/quality-xlsx'
import type { CallContext } from './auth/actor'
import { searchKind } from './patients/search-kind'
import { possibleDuplicates } from './patients/possible-duplicates'
import { visitHistoryOf } from './patients/visit-history'
import { mergePatients, unmergePatients } from './patients/merge'
import { CHIP_CONSENT_MS, NOTICE_VERSION, recordConsent } from './consent/consent'
import type { CardService } from './card/card-service'
import { collectDiagnostics, formatDiagnostics } from './diagnostics/diagnostics'
import { slipForVisit } from './desk/slip-for-visit'
import { createDeskBhyt, type DeskBhyt } from './bhyt/desk-bhyt'
import { readBhytQr } from './bhyt/qr-read'
import { openSyncConfig } from './sync/config/open-config'

/** Every handler gets the caller per call (ctx.actor): the access log names the person, not the process. */
export type Handler<C extends GuardedCallName> = (
  args: CallArgs<C>,
  ctx: CallContext
) => CallOutput<C> | Promise<CallOutput<C>>
export type Handlers = { [C in GuardedCallName]: Handler<C> }

/** The implementation of every contract call, shared by IPC, the loopback HTTP transport and the CLI. */
export interface HandlerExtras {
  /** The running sync scheduler (app and browser mode); without it "send now" says sync is not running. */
  sync?: SyncScheduler | null
  /** The card reader service (app and browser mode), for a CAN typed at a card-only desk. */
  card?: () => CardService | null
  /** The BHYT check service the runtime's recheck timer shares; without it, one over the data dir's config. */
  bhyt?: DeskBhyt
}

export function createHandlers(s: Services, extras: HandlerExtras = {}): Handlers {
  const { db } = s
  const correct = createCorrection({ db, clock: s.clock })
  const bhyt = extras.bhyt ?? createDeskBhyt({ db, clock: s.clock, values: () => openSyncConfig(s).values() })
  const audit = (ctx: CallContext, entry: Omit<Parameters<typeof writeAudit>[2], 'actor'>): void =>
    writeAudit(db, s.clock().toISOString(), { actor: ctx.actor.id, ...entry })
  // The desk's occupation counts, once per session: the order of the picker need not move while the clerk types.
  let usageOfOccupations: Map<string, number> | undefined
  const reportOptions = () => ({
    now: s.clock(),
    catalog: s.catalog.admin,
    facility: reportFacility(s)
  })
  return {
    'app:info': () => ({
      version: s.options.version,
      mode: s.options.mode === 'electron' ? 'electron' : 'web',
      dataDir: s.options.dataDir,
      facilityCode: s.options.facility?.code ?? null
    }),
    'app:status': () => ({ reader: s.devices.reader, scanner: s.devices.scanner, queue: queueStatus(db) }),
    'app:diagnostics': () => {
      const d = collectDiagnostics(s)
      return { generatedAt: d.generatedAt, text: formatDiagnostics(d) }
    },
    'patients:register': (input, ctx) => s.register(input, ctx.actor.id),
    'patients:search': ({ text, limit }, ctx) => {
      const found = s.searchPatients(text, limit)
      // The kind of query, never its text: the log must not become a second copy of the names.
      audit(ctx, {
        action: 'search',
        entity: 'patient',
        entityId: null,
        detail: { kind: searchKind(text), results: found.length }
      })
      return found
    },
    'patients:get': ({ id }, ctx) => {
      const record = getPatient(db, id)
      audit(ctx, { action: 'view', entity: 'patient', entityId: record.id })
      return record
    },
    'patients:correct': ({ patientId, patient }, ctx) => correct(patientId, patient, ctx.actor.id),
    'patients:visits': ({ patientId }, ctx) => {
      const visits = visitHistoryOf(db, getPatient(db, patientId).id)
      audit(ctx, {
        action: 'view',
        entity: 'patient',
        entityId: patientId,
        detail: { visits: visits.length }
      })
      return visits
    },
    'patients:possibleDuplicates': (typed, ctx) => {
      const found = possibleDuplicates(db, typed)
      // Like a search: the kind and the count, never the typed name or phone.
      audit(ctx, {
        action: 'search',
        entity: 'patient',
        entityId: null,
        detail: { kind: 'possible-duplicates', results: found.length }
      })
      return found
    },
    // mergePatients / unmergePatients write their own audit entries (with what moved), in their transaction.
    'patients:merge': ({ keepId, mergeId, reason }, ctx) =>
      mergePatients(db, keepId, mergeId, ctx.actor.id, { clock: s.clock, ...(reason ? { reason } : {}) }),
    'patients:unmerge': ({ mergedId, reason }, ctx) =>
      unmergePatients(db, mergedId, ctx.actor.id, { clock: s.clock, ...(reason ? { reason } : {}) }),
    'queue:status': () => queueStatus(db),
    'queue:list': ({ status, target, limit }, ctx) => {
      const items = listQueue(
        db,
        { ...(status ? { status } : {}), ...(target ? { target } : {}), limit },
        { withNames: true }
      )
      audit(ctx, {
        action: 'list',
        entity: 'queue',
        entityId: null,
        detail: { status, target, rows: items.length }
      })
      return items
    },
    'queue:retry': ({ ids }, ctx) =>
      db.transaction(() => {
        const r = retryQueued(db, { ids }, s.clock())
        audit(ctx, {
          action: 'update',
          entity: 'queue',
          entityId: null,
          detail: { retry: ids, requeued: r.requeued }
        })
        return r
      })(),
    'queue:flush': async ({ target }, ctx) => {
      if (!extras.sync) {
        throw AppError.of('CONFIG_INVALID', 'error.sync.notRunning')
      }
      const result = await extras.sync.flushNow(target ? { targets: [target] } : {})
      audit(ctx, { action: 'submit', entity: 'queue', entityId: target, detail: { ...result } })
      return result
    },
    'qr:submit': ({ text, via }, ctx) => s.submitQr(text, via, ctx.actor.id),
    'card:open': ({ can }) => {
      const card = extras.card?.() ?? null
      if (!card) throw AppError.of('NO_SERVICE', 'error.card.serviceMissing')
      // The read reports through card events (identity, verified, photo, done or error).
      void card.tryRead(null, can)
      return { started: true }
    },
    'card:forgetKeys': () => {
      const forgotten = s.chipKeyHints.recent() !== null
      s.chipKeyHints.clear()
      return { forgotten }
    },
    'identity:code': ({ identity }) => codeIdentity(identity, s.catalog),
    'report:quality': (range, ctx) => {
      const report = buildQualityReport(db, range, reportOptions())
      audit(ctx, {
        action: 'view',
        entity: 'report',
        entityId: 'quality',
        detail: { from: range.from, to: range.to }
      })
      return report
    },
    'report:xlsx': async ({ detailed, ...range }, ctx) => {
      const report = buildQualityReport(db, range, reportOptions())
      const kind = detailed ? 'detailed' : 'aggregate'
      const file = await qualityReportXlsx(report, kind)
      // Even the aggregate leaves the facility: every export is an auditable act, the named one above all.
      audit(ctx, {
        action: 'export',
        entity: 'report',
        entityId: 'quality',
        detail: { from: range.from, to: range.to, visits: report.visits, kind }
      })
      return { fileName: qualityReportFileName(report, kind), base64: file.toString('base64') }
    },
    'consent:chip': (_, ctx) => {
      const now = s.clock()
      const consentId = recordConsent(db, now.toISOString(), {
        purpose: 'chip_read',
        given: true,
        actor: ctx.actor.id
      })
      s.chipConsent.arm(consentId, ctx.actor.id, now.getTime())
      return { consentId, noticeVersion: NOTICE_VERSION, validSeconds: CHIP_CONSENT_MS / 1000 }
    },
    'desk:slip': ({ visitId, format }, ctx) => {
      const slip = slipForVisit(
        { db, clock: s.clock },
        { visitId, format, facilityName: s.options.facility?.name ?? null }
      )
      // The page names the patient: printing it is logged like viewing the record.
      audit(ctx, { action: 'view', entity: 'visit', entityId: visitId, detail: { slip: format } })
      return slip
    },
    'catalogs:list': ({ kind, parent }) =>
      listCatalog(s.catalog, kind, parent, () => (usageOfOccupations ??= occupationUsage(db))),
    'bhyt:check': async (input, ctx) => {
      const out = await bhyt.check(input, ctx.actor)
      // Sending a card to BHXH is disclosure of personal data: logged by outcome only, never the card or name.
      audit(ctx, {
        action: 'submit',
        entity: 'bhyt_check',
        entityId: String(out.checkId),
        detail: { status: out.result.status, code: out.result.code }
      })
      return out
    },
    'bhyt:qr': ({ text }) => readBhytQr(text)
  }
}

/**
 * Validates the call name and input against the contract, runs the handler, validates the output, and returns
 * a Result: nothing throws across a transport.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  ctx: CallContext
): Promise<Result<unknown>> {
  try {
    if (!isHandled(handlers, name))
      throw AppError.of('VALIDATION', 'error.request.unknown').withDetail(`Unknown call: ${name}`)
    const parsed = calls[name].input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      throw AppError.of('VALIDATION', 'error.request.invalid', undefined, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      }).withDetail(`Invalid input for ${name}`)
    }
    const handler = handlers[name] as (args: unknown, ctx: CallContext) => unknown
    const output = await handler(parsed.data, ctx)
    const checked = calls[name].output.safeParse(output)
    if (!checked.success)
      throw new Error(`Handler output for ${name} broke the contract: ${checked.error.message}`)
    return { ok: true, value: checked.data }
  } catch (e) {
    return { ok: false, error: toErrorValue(e) }
  }
}

function isHandled(handlers: Handlers, name: string): name is GuardedCallName {
  return (
    Object.prototype.hasOwnProperty.call(handlers, name) && Object.prototype.hasOwnProperty.call(calls, name)
  )
}
