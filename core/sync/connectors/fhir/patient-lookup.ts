import type { HttpClient } from '../../http-client'
import { HttpTransportError } from '../../http-client'
import { sid } from './vn-core'

/**
 * The HIS as the facility's shared memory: at scan time, ask the HIS whether it already knows this ID number
 * (`GET Patient?identifier=<VN Core national_id system>|<ID>`), so a patient registered at desk 1 is a returning
 * patient at desk 2. A short deadline: the desk never waits on a slow HIS; offline means local only.
 */
export interface HisPatientHit {
  /** The HIS's own Patient.id, kept so the HIS is never sent a second Patient. */
  hisId: string
  fullName: string | null
  birthDate: string | null
  gender: string | null
  /** Facility patient code (MA_BN) when the HIS carries it. */
  identifiers: { system: string; value: string }[]
}

/** The facility patient code (MA_BN) on a HIS Patient: the identifier the desks write it under (vn-core sid). */
export function facilityCodeOf(hit: HisPatientHit): string | null {
  return hit.identifiers.find((i) => i.system === sid.patientInternalId)?.value ?? null
}

export type HisLookupResult =
  { state: 'found'; hit: HisPatientHit } | { state: 'not-found' } | { state: 'offline'; why: string }

export interface HisPatientLookup {
  findByIdNumber(idNumber: string): Promise<HisLookupResult>
}

/** The desk's form never waits longer than this on the HIS (docs/adr/0024). */
export const LOOKUP_TIMEOUT_MS = 1_500

interface SearchBundle {
  resourceType?: string
  entry?: { resource?: Record<string, unknown> }[]
}

function hitFrom(resource: Record<string, unknown>): HisPatientHit | null {
  if (resource['resourceType'] !== 'Patient' || typeof resource['id'] !== 'string') return null
  // A FHIR id: it goes back into a reference (Patient/<id>), so nothing else is taken.
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(resource['id'])) return null
  const names = Array.isArray(resource['name']) ? (resource['name'] as Record<string, unknown>[]) : []
  const ids = Array.isArray(resource['identifier'])
    ? (resource['identifier'] as Record<string, unknown>[])
    : []
  return {
    hisId: resource['id'],
    fullName: typeof names[0]?.['text'] === 'string' ? (names[0]['text'] as string) : null,
    birthDate: typeof resource['birthDate'] === 'string' ? resource['birthDate'] : null,
    gender: typeof resource['gender'] === 'string' ? resource['gender'] : null,
    identifiers: ids
      .filter((i) => typeof i['system'] === 'string' && typeof i['value'] === 'string')
      .map((i) => ({ system: i['system'] as string, value: i['value'] as string }))
  }
}

export function createHisPatientLookup(
  http: HttpClient,
  options: { timeoutMs?: number } = {}
): HisPatientLookup {
  const timeoutMs = options.timeoutMs ?? LOOKUP_TIMEOUT_MS
  return {
    async findByIdNumber(idNumber) {
      if (!/^\d{12}$/.test(idNumber)) return { state: 'not-found' }
      const signal = AbortSignal.timeout(timeoutMs)
      try {
        const res = await http.request({
          method: 'GET',
          path: 'Patient',
          query: { identifier: `${sid.nationalId}|${idNumber}` },
          headers: { accept: 'application/fhir+json' },
          signal
        })
        if (res.status === 404) return { state: 'not-found' }
        if (res.status < 200 || res.status >= 300) return { state: 'offline', why: `HTTP ${res.status}` }
        const bundle = JSON.parse(res.body.toString('utf8')) as SearchBundle
        if (bundle.resourceType !== 'Bundle') return { state: 'offline', why: 'not a Bundle' }
        for (const e of bundle.entry ?? []) {
          const hit = e.resource ? hitFrom(e.resource) : null
          if (hit) return { state: 'found', hit }
        }
        return { state: 'not-found' }
      } catch (e) {
        if (e instanceof HttpTransportError) return { state: 'offline', why: e.kind }
        if (e instanceof SyntaxError) return { state: 'offline', why: 'unreadable answer' }
        throw e
      }
    }
  }
}
