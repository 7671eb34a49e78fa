import type { Services } from './index'
import { createHandlers, type Handlers } from './handlers'
import { startDevices, type DeviceOptions, type Devices, type Publish } from './devices'
import { startSync, type SyncRuntime } from './sync/schedule'
import type { SecretSealer } from './sync/config/secret-sealer'
import type { Log } from './logging/log'
import { loggedHandlers, logRuntimeEvents } from './logging/runtime-log'

export interface RuntimeOptions {
  /** Card reader and scanners; false for none (tests without hardware). */
  devices?: DeviceOptions | false
  /** Nightly/online sync; false for none. */
  sync?: { sealer?: SecretSealer; tickPattern?: string } | false
  /** The app's log (data dir logs/): every call's outcome, device changes, sync results. */
  log?: Log
}

export interface Runtime {
  handlers: Handlers
  devices: Devices | null
  sync: SyncRuntime | null
  stop(): Promise<void>
}

/**
 * Everything the app runs over its services, the same under Electron and in browser mode: contract handlers,
 * devices, the sync schedule, and status pushed to the screen whenever it changes.
 */
export function startRuntime(services: Services, publish: Publish, options: RuntimeOptions = {}): Runtime {
  const sync = options.sync === false ? null : startSync(services, options.sync ?? {})
  const plain = createHandlers(services, { sync })
  const handlers = options.log ? loggedHandlers(plain, options.log) : plain
  const offLog = options.log ? logRuntimeEvents(services, sync, options.log) : undefined
  const publishStatus = (): void => {
    void Promise.resolve(handlers['app:status']({})).then((s) => publish('status:changed', s))
  }
  const offDevices = services.devices.onChange(publishStatus)
  const offSync = sync?.subscribe((e) => {
    if (e.kind !== 'started') publishStatus()
  })
  const devices = options.devices === false ? null : startDevices(services, publish, options.devices ?? {})
  return {
    handlers,
    devices,
    sync,
    stop: async () => {
      offDevices()
      offSync?.()
      offLog?.()
      await devices?.stop()
      await sync?.stop({ abortInFlight: true })
    }
  }
}
