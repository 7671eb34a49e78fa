import type { ConfigValue } from './keys'
import { syncSettingsFrom, type EndpointSettings } from './sync-settings'

/** What the desk needs to ask the HIS for a patient: the sending endpoint, with its TLS and auth rules. */
export interface HisLookupSettings {
  endpoint: EndpointSettings
  allowPlainHttp: boolean
}

/**
 * The HIS lookup is asked only when `his.lookup` is on, the HIS takes FHIR (an XML 4750 endpoint cannot be
 * searched) and it has an address. Throws CONFIG_INVALID like the sender when the auth settings are incomplete.
 */
export function hisLookupSettingsFrom(v: Record<string, ConfigValue | null>): HisLookupSettings | null {
  if (v['his.lookup'] !== true) return null
  const s = syncSettingsFrom(v)
  if (s.his.protocol !== 'fhir' || !s.his.endpoint) return null
  return { endpoint: s.his.endpoint, allowPlainHttp: s.allowPlainHttp }
}
