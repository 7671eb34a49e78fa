import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../../contract/errors'
import type { MessageKey } from '../../../contract/messages'
import { isTestBuild } from '../../config/build-flavour'
import { APP_DIR_NAME } from '../../config/data-dir'
import { ignoredTlsEnvironment, plainHttpRefusal } from '../transport/plain-http'
import { configKeys, isConfigKey, urlKeys, type ConfigValue } from './keys'
import type { SecretSealer } from './secret-sealer'

export const USER_CONFIG_FILE = 'config.json'

/**
 * The machine-wide file facility IT writes (read-only to clerks): %ProgramData%\reception-desk\config.json on
 * Windows, /etc/reception-desk/config.json elsewhere. RECEPTION_MACHINE_CONFIG moves it only in test builds: in
 * a release any user could otherwise swap IT's locked file for their own.
 */
export function machineConfigPath(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  testBuild = isTestBuild()
): string {
  if (env.RECEPTION_MACHINE_CONFIG && testBuild) return env.RECEPTION_MACHINE_CONFIG
  if (platform === 'win32') {
    return join(env.PROGRAMDATA ?? env.ProgramData ?? 'C:\\ProgramData', APP_DIR_NAME, 'config.json')
  }
  return join('/etc', APP_DIR_NAME, 'config.json')
}

export type ConfigSourceName = 'default' | 'user' | 'machine'

export interface ConfigEntry {
  key: string
  /** Secrets are never returned: `value` is null and `isSet` says whether one is stored. */
  value: ConfigValue | null
  isSet: boolean
  secret: boolean
  source: ConfigSourceName
  help: string
}

type Flat = Record<string, unknown>

/** Machine files may be nested ({"his": {"url": …}}) or flat ({"his.url": …}); both become flat keys. */
function flatten(value: unknown, prefix = '', out: Flat = {}): Flat {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Flat)) {
      const key = prefix ? `${prefix}.${k}` : k
      if (isConfigKey(key) || !(v && typeof v === 'object' && !Array.isArray(v))) out[key] = v
      else flatten(v, key, out)
    }
  }
  return out
}

const sealedSchema = z.object({ sealed: z.string() })

function readJson(path: string, who: MessageKey): Flat {
  if (!existsSync(path)) return {}
  try {
    return flatten(JSON.parse(readFileSync(path, 'utf8')) as unknown)
  } catch {
    throw AppError.of('CONFIG_INVALID', 'error.config.fileUnreadable', { who, path })
  }
}

export interface SyncConfigStoreOptions {
  dataDir: string
  sealer: SecretSealer
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  /** Default: isTestBuild(). */
  testBuild?: boolean
}

/**
 * Sync settings in three layers: built-in defaults, the data directory's config.json (what
 * `reception config set` writes) and the machine-wide file IT deploys, which wins and cannot be changed from
 * a desk. Files are read on every call, so a running app sees a change at its next flush.
 */
export class SyncConfigStore {
  readonly userPath: string
  readonly machinePath: string
  /** Environment switches refused: the machine-config override in a release, TLS weakeners (reported by `config get`). */
  readonly ignoredEnvironment: readonly string[]
  private readonly sealer: SecretSealer

  constructor(options: SyncConfigStoreOptions) {
    const env = options.env ?? process.env
    const testBuild = options.testBuild ?? isTestBuild()
    this.userPath = join(options.dataDir, USER_CONFIG_FILE)
    this.machinePath = machineConfigPath(env, options.platform, testBuild)
    this.ignoredEnvironment = [
      ...(env.RECEPTION_MACHINE_CONFIG && !testBuild ? ['RECEPTION_MACHINE_CONFIG'] : []),
      ...ignoredTlsEnvironment(env)
    ]
    this.sealer = options.sealer
  }

  private layers(): { user: Flat; machine: Flat } {
    return {
      user: readJson(this.userPath, 'label.config.user'),
      machine: readJson(this.machinePath, 'label.config.machine')
    }
  }

  private requireKey(key: string): void {
    if (!isConfigKey(key)) {
      throw AppError.of('VALIDATION', 'error.config.unknownKey', {
        key,
        keys: Object.keys(configKeys).join(', ')
      })
    }
  }

  /** The effective value of a key with its source; a stored value that does not fit its key is an error. */
  private resolve(
    key: string,
    layers: { user: Flat; machine: Flat }
  ): { raw: unknown; source: ConfigSourceName } {
    if (layers.machine[key] !== undefined && layers.machine[key] !== null)
      return { raw: layers.machine[key], source: 'machine' }
    if (configKeys[key]!.machineOnly) return { raw: configKeys[key]!.default, source: 'default' }
    if (layers.user[key] !== undefined && layers.user[key] !== null)
      return { raw: layers.user[key], source: 'user' }
    const follows = configKeys[key]!.defaultFrom
    if (follows) {
      const other = this.resolve(follows.key, layers)
      return { raw: follows.value(this.decode(follows.key, other.raw, other.source)), source: 'default' }
    }
    return { raw: configKeys[key]!.default, source: 'default' }
  }

  private decode(key: string, raw: unknown, source: ConfigSourceName): ConfigValue | null {
    const def = configKeys[key]!
    if (raw === null || raw === undefined) return null
    if (def.secret) {
      const sealed = sealedSchema.safeParse(raw)
      if (sealed.success) return this.sealer.open(sealed.data.sealed)
      // Only IT's machine file (admin-only ACL) may hold a secret as plain text; sealing needs a desk's key.
      if (source === 'machine' && typeof raw === 'string') return raw
      throw this.invalid(key, source)
    }
    const checked = def.check.safeParse(raw)
    if (!checked.success) throw this.invalid(key, source)
    return checked.data
  }

  private invalid(key: string, source: ConfigSourceName): AppError {
    const path = source === 'machine' ? this.machinePath : this.userPath
    return AppError.of('CONFIG_INVALID', 'error.config.fileValueInvalid', { key, path })
  }

  /** One entry for display: secrets are reported as set or not, never shown. */
  get(key: string): ConfigEntry {
    this.requireKey(key)
    const { raw, source } = this.resolve(key, this.layers())
    const def = configKeys[key]!
    return {
      key,
      value: def.secret ? null : this.decode(key, raw, source),
      isSet: raw !== null && raw !== undefined,
      secret: def.secret,
      source,
      help: def.help
    }
  }

  list(): ConfigEntry[] {
    return Object.keys(configKeys).map((k) => this.get(k))
  }

  /** Typed effective values with secrets opened, for building connectors. Never print this. */
  values(): Record<string, ConfigValue | null> {
    const layers = this.layers()
    const out: Record<string, ConfigValue | null> = {}
    for (const key of Object.keys(configKeys)) {
      const { raw, source } = this.resolve(key, layers)
      out[key] = this.decode(key, raw, source)
    }
    // A hand-edited file is held to the same rule as `config set`: nothing goes out in clear.
    for (const key of urlKeys) this.requireSafeUrl(key, out[key], out['sync.allowPlainHttp'] === true)
    return out
  }

  private requireSafeUrl(key: string, value: unknown, allowPlainHttp: boolean): void {
    if (typeof value !== 'string') return
    const host = plainHttpRefusal(value, allowPlainHttp)
    if (host !== null) {
      throw AppError.of('CONFIG_INVALID', 'config.plainHttpRefused', { host }, { key })
    }
  }

  /** Validates and stores a value in the data directory's file; secrets are sealed before they touch disk. */
  set(key: string, rawValue: string): ConfigEntry {
    this.requireKey(key)
    const layers = this.layers()
    if (layers.machine[key] !== undefined && layers.machine[key] !== null) {
      throw AppError.of('FORBIDDEN', 'error.config.lockedByMachine', { key, path: this.machinePath })
    }
    const def = configKeys[key]!
    if (def.machineOnly) {
      throw AppError.of('FORBIDDEN', 'config.machineOnly', { key, path: this.machinePath })
    }
    let value: ConfigValue
    try {
      value = def.parse(rawValue)
    } catch (e) {
      const reason = e instanceof z.ZodError ? e.issues.map((i) => i.message).join('; ') : 'không hợp lệ'
      throw AppError.of('VALIDATION', 'error.config.valueInvalid', { key, reason })
    }
    if ((urlKeys as readonly string[]).includes(key)) {
      const allowed = this.decode(
        'sync.allowPlainHttp',
        layers.machine['sync.allowPlainHttp'] ?? false,
        'machine'
      )
      this.requireSafeUrl(key, value, allowed === true)
    }
    const stored = def.secret ? { sealed: this.sealer.seal(String(value)) } : value
    this.writeUser({ ...layers.user, [key]: stored })
    return this.get(key)
  }

  unset(key: string): ConfigEntry {
    this.requireKey(key)
    const { user } = this.layers()
    const rest = Object.fromEntries(Object.entries(user).filter(([k]) => k !== key))
    this.writeUser(rest)
    return this.get(key)
  }

  /** Atomic and owner-only: a crash mid-write leaves the old file, and other users cannot read it. */
  private writeUser(values: Flat): void {
    mkdirSync(join(this.userPath, '..'), { recursive: true, mode: 0o700 })
    const tmp = `${this.userPath}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify(values, null, 2) + '\n', { mode: 0o600 })
    renameSync(tmp, this.userPath)
  }
}
