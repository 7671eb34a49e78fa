import type { Services } from './index'
import { createHandlers, type Handlers } from './handlers'
import { startDevices, type DeviceOptions, type Devices, type Publish } from './devices'
import { startSync, type SyncRuntime } from './sync/schedule'
import type { SecretSealer } from './sync/config/secret-sealer'
import { openSyncConfig } from './sync/config/open-config'
import { startDailyBackup, type DailyBackup } from './backup/daily-backup'
import { backupSettingsFrom } from './config/backup-settings'
import { systemContext } from './auth/actor'
import { createGate, type Gate } from './auth/gate'
import type { ScryptCost } from './auth/passwords'
import { startNightlyRetention } from './privacy/nightly'
import type { Log } from './logging/log'
import { loggedHandlers, logRuntimeEvents } from './logging/runtime-log'
import { createDeskBhyt } from './bhyt/desk-bhyt'
import { startBhytRecheck } from './bhyt/recheck-timer'
import { createBhytSendStep } from './bhyt/send-step'

export interface RuntimeOptions {
  /** Card reader and scanners; false for none (tests without hardware). */
  devices?: DeviceOptions | false
  /** Nightly/online sync; false for none. */
  sync?: { sealer?: SecretSealer; tickPattern?: string } | false
  /** Daily automatic backup (config backup.folder, backup.keep); false for none. */
  backup?: { tickPattern?: string | null } | false
  /** Password hashing cost (tests lower it; the default is in core/auth/passwords.ts). */
  scryptCost?: ScryptCost
  /** The daily retention run; false for none (tests). */
  retention?: boolean
  /** The app's log (data dir logs/): every call's outcome, device changes, sync results. */
  log?: Log
  /** The BHYT recheck timer of unverified cards (docs/adr/0023); false for none. */
  bhytRecheck?: { everyMs?: number } | false
}

export interface Runtime {
  handlers: Handlers
  /** What the transports call: sessions, roles and the actor per call (docs/adr/0020). */
  gate: Gate
  devices: Devices | null
  sync: SyncRuntime | null
  backup: DailyBackup | null
  stop(): Promise<void>
}

/**
 * Everything the app runs over its services, the same under Electron and in browser mode: contract handlers,
 * devices, the sync schedule, and status pushed to the screen whenever it changes.
 */
export function startRuntime(services: Services, publish: Publish, options: RuntimeOptions = {}): Runtime {
  // One BHYT service for the screen's checks, the recheck timer and the sender: one token, one throttle.
  const bhytConfig = openSyncConfig(services, options.sync ? options.sync.sealer : undefined)
  const bhyt = createDeskBhyt({ db: services.db, clock: services.clock, values: () => bhytConfig.values() })
  const beforeSend = () => createBhytSendStep({ db: services.db, bhyt })
  const sync = options.sync === false ? null : startSync(services, { ...options.sync, beforeSend })
  const stopRecheck =
    options.bhytRecheck === false ? null : startBhytRecheck(bhyt, options.bhytRecheck?.everyMs)
  const plain = createHandlers(services, { sync, card: () => devices?.card ?? null, bhyt })
  const handlers = options.log ? loggedHandlers(plain, options.log) : plain
  const offLog = options.log ? logRuntimeEvents(services, sync, options.log) : undefined
  const backupConfig =
    sync?.config ?? openSyncConfig(services, options.sync ? options.sync.sealer : undefined)
  const backup =
    options.backup === false
      ? null
      : startDailyBackup({
          db: services.db,
          dataDir: services.options.dataDir,
          key: services.options.key,
          appVersion: services.options.version,
          clock: services.clock,
          settings: () => backupSettingsFrom(backupConfig.values()),
          ...(options.backup?.tickPattern !== undefined ? { tickPattern: options.backup.tickPattern } : {})
        })
  const gate = createGate(services, handlers, { cost: options.scryptCost })
  const publishStatus = (): void => {
    void Promise.resolve(handlers['app:status']({}, systemContext)).then((s) => publish('status:changed', s))
  }
  const offDevices = services.devices.onChange(publishStatus)
  const offSync = sync?.subscribe((e) => {
    if (e.kind !== 'started') publishStatus()
  })
  const stopRetention = options.retention === false ? null : startNightlyRetention(services)
  const devices = options.devices === false ? null : startDevices(services, publish, options.devices ?? {})
  return {
    handlers,
    gate,
    devices,
    sync,
    backup,
    stop: async () => {
      stopRecheck?.()
      backup?.stop()
      offDevices()
      offSync?.()
      stopRetention?.()
      offLog?.()
      await devices?.stop()
      await sync?.stop({ abortInFlight: true })
      bhyt.close()
    }
  }
}
