import type { HttpClient } from '../../http-client'
import { createFhirConnector } from '../fhir/fhir-connector'
import type { Connector } from '../types'
import { hisEntries } from './his-bundle'

export const hisLabel = { nameVi: 'HIS', unavailableCode: 'HIS_UNAVAILABLE' } as const

/** The facility HIS over HL7 FHIR R4 (VN Core identifiers), transactions POSTed to `path` under the client's base. */
export function createHisFhirConnector(
  client: HttpClient,
  options: { path?: string; maxBatch?: number } = {}
): Connector {
  return createFhirConnector({
    target: 'his',
    name: 'his-fhir',
    label: hisLabel,
    client,
    entries: hisEntries,
    ...options
  })
}
