import type { HttpClient } from '../../http-client'
import { createFhirConnector } from '../fhir/fhir-connector'
import type { Connector } from '../types'
import { emchEntries } from './emch-mapping'

export const emchLabel = { nameVi: 'eMCH', unavailableCode: 'TARGET_UNAVAILABLE' } as const

/** eMCH, by default as a FHIR transaction (the mapping in emch-mapping.ts is the part to replace). */
export function createEmchConnector(
  client: HttpClient,
  options: { path?: string; maxBatch?: number } = {}
): Connector {
  return createFhirConnector({
    target: 'emch',
    name: 'emch-fhir',
    label: emchLabel,
    client,
    entries: emchEntries,
    ...options
  })
}
