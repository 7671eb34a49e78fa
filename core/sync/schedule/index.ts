import type { Services } from '../../index'
import type { SyncConfigStore } from '../config/config-store'
import { loadSyncSettings, openSyncConfig } from '../config/open-config'
import type { SecretSealer } from '../config/secret-sealer'
import type { ConnectorFactory, RunFlushOptions } from '../worker/run-flush'
import { startSyncScheduler, type SyncScheduler } from './scheduler'

export type { SyncScheduler, SyncEvent, SchedulerState, FlushReason } from './scheduler'
export type { FlushProgress, FlushResult } from '../worker/outbox-worker'

export interface SyncRuntime extends SyncScheduler {
  readonly config: SyncConfigStore
}

/**
 * What the Electron main process and browser mode call once the services are open: starts the nightly
 * schedule (and send-when-online if configured) over the services' database and the data directory's sync
 * configuration. Call `stop()` before `services.close()`.
 */
export function startSync(
  services: Services,
  options: {
    sealer?: SecretSealer
    tickPattern?: string
    connectors?: ConnectorFactory
    beforeSend?: RunFlushOptions['beforeSend']
  } = {}
): SyncRuntime {
  const config = openSyncConfig(services, options.sealer)
  const scheduler = startSyncScheduler({
    db: services.db,
    clock: services.clock,
    settings: () => loadSyncSettings(config),
    ...(options.tickPattern ? { tickPattern: options.tickPattern } : {}),
    ...(options.connectors ? { connectors: options.connectors } : {}),
    ...(options.beforeSend ? { beforeSend: options.beforeSend } : {})
  })
  return Object.assign(scheduler, { config })
}
