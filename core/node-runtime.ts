import { loadOrCreateKeyFile } from '../db/key-file'
import pkg from '../package.json'
import { createServices, type Services } from './index'
import { defaultDataDir } from './config/data-dir'

export const APP_VERSION: string = pkg.version

/**
 * Services for the plain-Node entry points (CLI and browser mode): the database key comes from the 0600 key file
 * in the data directory (the Electron app seals its key with safeStorage instead).
 */
export function openNodeServices(opts: { dataDir?: string; mode: 'web' | 'cli' }): Services {
  const dataDir = opts.dataDir ?? defaultDataDir()
  return createServices({ dataDir, key: loadOrCreateKeyFile(dataDir), mode: opts.mode, version: APP_VERSION })
}
