import type { Services } from '../../index'
import { SyncConfigStore } from './config-store'
import { createKeyFileSealer, type SecretSealer } from './secret-sealer'
import { syncSettingsFrom, type SyncSettings } from './sync-settings'

/**
 * The sync configuration of these services' data directory. Secrets are sealed with `sealer` (the Electron
 * app passes one over safeStorage); without one, with a key derived from the database key (browser/CLI).
 */
export function openSyncConfig(services: Pick<Services, 'options'>, sealer?: SecretSealer): SyncConfigStore {
  return new SyncConfigStore({
    dataDir: services.options.dataDir,
    sealer: sealer ?? createKeyFileSealer(services.options.key)
  })
}

/** Typed effective settings, secrets opened. Throws CONFIG_INVALID when a stored value is unusable. */
export function loadSyncSettings(store: SyncConfigStore): SyncSettings {
  return syncSettingsFrom(store.values())
}
