import type { HttpResponse } from '../../http-client'
import type { Bundle, BundleEntry } from './fhir-types'

/**
 * The receipt of a FHIR transaction (docs/adr/0017): a `transaction-response` Bundle with one entry per request
 * entry, in the same order, each with a 2xx status and the location of the resource the server now holds, of
 * the same type as the one sent. Anything else (an HTML page, an empty body, broken JSON, a Bundle of the
 * wrong type or length, a 4xx inside) proves nothing, and the records stay queued.
 */
export type TransactionReceipt = { ok: true; ids: readonly string[] } | { ok: false; why: string }

/** "Patient/12", from a relative or absolute location, with any "/_history/n" dropped. */
const LOCATION = /(?:^|\/)([A-Z][A-Za-z]{0,63})\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/

export function resourceIdOf(location: string): { type: string; id: string } | null {
  const m = LOCATION.exec(location)
  return m ? { type: m[1]!, id: m[2]! } : null
}

export function readTransactionReceipt(res: HttpResponse, sent: Bundle): TransactionReceipt {
  let parsed: unknown
  try {
    parsed = JSON.parse(res.body.toString('utf8'))
  } catch {
    return { ok: false, why: res.body.length === 0 ? 'empty body' : 'body is not JSON' }
  }
  if (!parsed || typeof parsed !== 'object') return { ok: false, why: 'body is not a FHIR resource' }
  const bundle = parsed as { resourceType?: unknown; type?: unknown; entry?: unknown }
  if (bundle.resourceType !== 'Bundle' || bundle.type !== 'transaction-response') {
    return { ok: false, why: 'not a transaction-response Bundle' }
  }
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : []
  if (entries.length !== sent.entry.length) {
    return { ok: false, why: `${entries.length} response entries for ${sent.entry.length} sent` }
  }
  const ids: string[] = []
  for (const [i, raw] of entries.entries()) {
    const response = (raw as { response?: { status?: unknown; location?: unknown } } | null)?.response
    if (typeof response?.status !== 'string' || !/^2\d\d(\s|$)/.test(response.status)) {
      return { ok: false, why: `entry ${i} has no 2xx status` }
    }
    const where = typeof response.location === 'string' ? resourceIdOf(response.location) : null
    const type = sent.entry[i]!.resource.resourceType
    if (!where || where.type !== type) return { ok: false, why: `entry ${i} names no ${type} location` }
    ids.push(`${where.type}/${where.id}`)
  }
  return { ok: true, ids }
}

/** Where each entry of `group` ended up in the merged bundle: by fullUrl, or by the condition it was merged on. */
export function entryIndexes(bundle: Bundle, group: readonly BundleEntry[]): number[] {
  const condition = (e: BundleEntry): string | null =>
    e.request.ifNoneExist ? `${e.request.url}?${e.request.ifNoneExist}` : null
  const out: number[] = []
  for (const entry of group) {
    let i = bundle.entry.findIndex((e) => e.fullUrl === entry.fullUrl)
    if (i < 0 && condition(entry) !== null)
      i = bundle.entry.findIndex((e) => condition(e) === condition(entry))
    if (i >= 0) out.push(i)
  }
  return out
}
