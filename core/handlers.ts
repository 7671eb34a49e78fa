import { calls, isCallName, type CallArgs, type CallName, type CallOutput } from '../contract/api'
import { AppError, toErrorValue, type Result } from '../contract/errors'
import type { Services } from './index'
import { getPatient } from './patients/get-patient'
import { queueStatus } from './queue/queue-status'
import { listCatalog } from './catalogs/list-catalog'
import { codeIdentity } from './reading/code-identity'
import { writeAudit } from './audit/audit-log'
import type { SyncScheduler } from './sync/schedule'
import { listQueue, retryQueued } from './sync/worker/queue-admin'
import { buildQualityReport } from './reports/quality'
import { createCorrection } from './reception/correct-patient'
import { qualityReportXlsx } from './reports/quality-xlsx'
import { collectDiagnostics, formatDiagnostics } from './diagnostics/diagnostics'

export type Handler<C extends CallName> = (args: CallArgs<C>) => CallOutput<C> | Promise<CallOutput<C>>
export type Handlers = { [C in CallName]: Handler<C> }

/** The implementation of every contract call, shared by IPC, the loopback HTTP transport and the CLI. */
export interface HandlerExtras {
  /** The running sync scheduler (app and browser mode); without it "send now" says sync is not running. */
  sync?: SyncScheduler | null
}

export function createHandlers(s: Services, extras: HandlerExtras = {}): Handlers {
  const { db } = s
  const correct = createCorrection({ db, clock: s.clock, actor: s.actor })
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
    'patients:register': (input) => s.register(input),
    'patients:search': ({ text, limit }) => s.searchPatients(text, limit),
    'patients:get': ({ id }) => {
      const record = getPatient(db, id)
      writeAudit(db, s.clock().toISOString(), {
        actor: s.actor,
        action: 'view',
        entity: 'patient',
        entityId: record.id
      })
      return record
    },
    'patients:correct': ({ patientId, patient }) => correct(patientId, patient),
    'queue:status': () => queueStatus(db),
    'queue:list': ({ status, target, limit }) =>
      listQueue(
        db,
        { ...(status ? { status } : {}), ...(target ? { target } : {}), limit },
        { withNames: true }
      ),
    'queue:retry': ({ ids }) => retryQueued(db, { ids }, s.clock()),
    'queue:flush': async ({ target }) => {
      if (!extras.sync) {
        throw new AppError(
          'CONFIG_INVALID',
          'Chức năng gửi chưa chạy trên máy này.',
          'sync scheduler not running'
        )
      }
      return extras.sync.flushNow(target ? { targets: [target] } : {})
    },
    'qr:submit': ({ text, via }) => s.submitQr(text, via),
    'identity:code': ({ identity }) => codeIdentity(identity, s.catalog),
    'report:quality': (range) => buildQualityReport(db, range, { now: s.clock(), catalog: s.catalog.admin }),
    'report:xlsx': async (range) => {
      const report = buildQualityReport(db, range, { now: s.clock(), catalog: s.catalog.admin })
      const file = await qualityReportXlsx(report)
      // The spreadsheet names patients: exporting it is an auditable act.
      writeAudit(db, s.clock().toISOString(), {
        actor: s.actor,
        action: 'export',
        entity: 'report',
        entityId: 'quality',
        detail: { from: range.from, to: range.to, visits: report.visits }
      })
      return {
        fileName: `bao-cao-chat-luong-${range.from}_${range.to}.xlsx`,
        base64: file.toString('base64')
      }
    },
    'catalogs:list': ({ kind, parent }) => listCatalog(s.catalog, kind, parent)
  }
}

/**
 * Validates the call name and input against the contract, runs the handler, validates the output, and returns
 * a Result: nothing throws across a transport.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown
): Promise<Result<unknown>> {
  try {
    if (!isCallName(name)) throw new AppError('VALIDATION', 'Yêu cầu không hợp lệ.', `Unknown call: ${name}`)
    const parsed = calls[name].input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      throw new AppError('VALIDATION', 'Dữ liệu gửi lên không hợp lệ.', `Invalid input for ${name}`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      })
    }
    const handler = handlers[name] as (args: unknown) => unknown
    const output = await handler(parsed.data)
    const checked = calls[name].output.safeParse(output)
    if (!checked.success)
      throw new Error(`Handler output for ${name} broke the contract: ${checked.error.message}`)
    return { ok: true, value: checked.data }
  } catch (e) {
    return { ok: false, error: toErrorValue(e) }
  }
}
