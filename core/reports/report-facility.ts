import type { Services } from '../index'
import { openSyncConfig } from '../sync/config/open-config'
import type { ReportFacility } from './quality'

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null)

/**
 * The facility a report is about: the code (MA_CSKCB) and name set with `reception config set facility.code …`
 * (or IT's machine file), unless the services were opened with one.
 */
export function reportFacility(services: Pick<Services, 'options'>): ReportFacility {
  const given = services.options.facility
  if (given?.code) return { code: given.code, name: given.name }
  const config = openSyncConfig(services)
  return { code: text(config.get('facility.code').value), name: text(config.get('facility.name').value) }
}
