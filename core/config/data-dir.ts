import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_DIR_NAME = 'reception-desk'

/** The OS app-data folder, the same one Electron's app.getPath('userData') gives for this app name. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.RECEPTION_DATA_DIR) return env.RECEPTION_DATA_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME)
}

/** For the Electron key store: never a fresh key beside an existing database (DB_KEY_MISSING), and the key file a
 * restore wrote is adopted. */
export { assertKeyMayBeCreated, KEY_FILE_NAME } from '../../db/data-dir'
export { readKeyFile } from '../../db/key-file'
