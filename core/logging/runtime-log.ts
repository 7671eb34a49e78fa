import { toErrorValue } from '../../contract/errors'
import type { CallName } from '../../contract/api'
import type { Handlers } from '../handlers'
import type { Services } from '../index'
import type { SyncRuntime } from '../sync/schedule'
import type { Log } from './log'

/** Calls that change or send data are worth a line at info; the rest (status polls, lists) only at debug. */
const noteworthy = new Set<string>([
  'patients:register',
  'patients:correct',
  'queue:flush',
  'queue:retry',
  'report:quality'
])

/**
 * Wraps every handler so each call leaves a line with its name, duration and outcome (the error code and
 * English message on failure) — never its arguments or result, which carry personal data.
 */
export function loggedHandlers(handlers: Handlers, log: Log): Handlers {
  const wrapped: Record<string, unknown> = {}
  for (const [name, handler] of Object.entries(handlers) as [
    CallName,
    (a: unknown, ctx: unknown) => unknown
  ][]) {
    // The call context (who is calling) passes through untouched: the handlers audit with it.
    wrapped[name] = (args: unknown, ctx: unknown) => {
      const started = performance.now()
      const ok = (): void => {
        const fields = { call: name, ms: Math.round(performance.now() - started) }
        if (noteworthy.has(name)) log.info('call', fields)
        else log.debug('call', fields)
      }
      const failed = (e: unknown): never => {
        const v = toErrorValue(e)
        const level = v.code === 'INTERNAL' ? 'error' : 'warn'
        log[level]('call failed', {
          call: name,
          ms: Math.round(performance.now() - started),
          code: v.code,
          error: v.messageEn ?? v.message
        })
        throw e
      }
      try {
        const result = handler(args, ctx)
        if (result instanceof Promise) return result.then((r) => (ok(), r), failed)
        ok()
        return result
      } catch (e) {
        return failed(e)
      }
    }
  }
  return wrapped as Handlers
}

/** Reader/scanner state changes and sync outcomes: what IT asks first when a desk "does not work". */
export function logRuntimeEvents(services: Services, sync: SyncRuntime | null, log: Log): () => void {
  let last = ''
  const offDevices = services.devices.onChange(() => {
    const { reader, scanner } = services.devices
    const now = `${reader.state}/${scanner.state}`
    if (now === last) return
    last = now
    log.info('devices', { reader: reader.state, readerModel: reader.readerName, scanner: scanner.state })
  })
  const offQr = services.onQrRead((read) => log.info('qr read', { via: read.via, readId: read.readId }))
  const offSync = sync?.subscribe((e) => {
    if (e.kind === 'finished') {
      const r = e.result
      log.info('sync finished', {
        reason: e.reason,
        sent: r.sent,
        failed: r.failed,
        dead: r.dead,
        remaining: r.remaining
      })
    } else if (e.kind === 'error') {
      log.warn('sync failed', {
        reason: e.reason,
        code: e.error.code,
        error: e.error.messageEn ?? e.error.message
      })
    } else if (e.kind === 'started') {
      log.debug('sync started', { reason: e.reason })
    }
  })
  return () => {
    offDevices()
    offQr()
    offSync?.()
  }
}
