import type { Services } from '../index'
import { openSyncConfig } from '../sync/config/open-config'
import { effectiveLogLevel, nullLog, type Log } from './log'
import { openLog } from './open-log'
import type { LogFields } from './scrub'

/** The configured `log.level` (user or machine config); a broken config file must not stop logging. */
function configuredLevel(services: Pick<Services, 'options'>): unknown {
  try {
    return openSyncConfig(services).get('log.level').value
  } catch {
    return null
  }
}

/**
 * A Log usable at once whose file opens in the background: lines written before it is ready are kept and
 * written in order. The app's first screen does not wait for pino-roll to load.
 */
export function deferredLog(ready: Promise<Log>): Log {
  let target: Log | null = null
  const pending: [keyof Omit<Log, 'flush'>, string, LogFields | undefined][] = []
  void ready.then(
    (log) => {
      target = log
      for (const [level, event, fields] of pending.splice(0)) log[level](event, fields)
    },
    () => {
      target = nullLog
      pending.length = 0
    }
  )
  const at =
    (level: keyof Omit<Log, 'flush'>) =>
    (event: string, fields?: LogFields): void => {
      if (target) target[level](event, fields)
      // Written later: keep when it happened.
      else pending.push([level, event, { ...fields, at: new Date().toISOString() }])
    }
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    flush: async () => {
      await ready.catch(() => undefined)
      await (target ?? nullLog).flush()
    }
  }
}

/** The log of a running app or CLI over these services, with a first line saying what started. */
export function openServicesLog(services: Pick<Services, 'options'>, name: 'app' | 'cli'): Log {
  const { dataDir, version, mode } = services.options
  const ready = openLog({
    dataDir,
    name,
    level: effectiveLogLevel(configuredLevel(services)),
    version
  }).catch((e: unknown) => {
    process.stderr.write(`logs disabled: ${e instanceof Error ? e.message : String(e)}\n`)
    return nullLog
  })
  const log = deferredLog(ready)
  if (name === 'app') {
    log.info('start', {
      mode,
      version,
      node: process.versions.node,
      electron: process.versions.electron,
      platform: `${process.platform}-${process.arch}`
    })
  }
  return log
}
