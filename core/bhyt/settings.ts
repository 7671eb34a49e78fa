import { AppError } from '../../contract/errors'
import type { ConfigValue } from '../sync/config/keys'

export interface BhxhSettings {
  url: string
  username: string
  password: string
  caFile: string | null
}

const str = (v: Record<string, ConfigValue | null>, k: string): string | null =>
  typeof v[k] === 'string' && (v[k] as string).trim() ? (v[k] as string) : null

/** The gateway settings from the effective config (secrets opened); CONFIG_INVALID when one is missing or off. */
export function bhxhSettingsFrom(values: Record<string, ConfigValue | null>): BhxhSettings {
  const url = str(values, 'bhxh.url')
  const username = str(values, 'bhxh.username')
  const password = str(values, 'bhxh.password')
  const missing = [!url && 'bhxh.url', !username && 'bhxh.username', !password && 'bhxh.password'].filter(
    Boolean
  )
  if (values['bhxh.enabled'] === false || missing.length > 0 || !url || !username || !password) {
    throw AppError.of('CONFIG_INVALID', 'error.BHXH_NOT_CONFIGURED', undefined, {
      missing,
      enabled: values['bhxh.enabled'] !== false
    })
  }
  return { url, username, password, caFile: str(values, 'bhxh.ca') }
}
