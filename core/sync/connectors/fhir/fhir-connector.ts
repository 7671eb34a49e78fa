import { createHash } from 'node:crypto'
import type { SyncTarget } from '../../../../contract/status'
import type { Submission } from '../../../../contract/submission'
import type { HttpClient, HttpResponse } from '../../http-client'
import {
  outcomeFromError,
  outcomeFromResponse,
  type SendOutcome,
  type TargetLabel
} from '../../transport/outcome'
import type { Connector, SendContext } from '../types'
import type { Bundle, BundleEntry } from './fhir-types'
import { mergeTransactionEntries } from './transaction'

export interface FhirConnectorOptions {
  target: SyncTarget
  name: string
  label: TargetLabel
  client: HttpClient
  /** Path of the FHIR base (transactions are POSTed to the base itself). Default ''. */
  path?: string
  /** The entries one submission contributes (HIS: buildHisBundle's, eMCH: its mapping's). */
  entries: (sub: Submission) => BundleEntry[]
  /** Largest number of submissions in one transaction. Default 20. */
  maxBatch?: number
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8'

/** Locations the server assigned, from a transaction-response Bundle; entry order matches the request. */
function responseLocations(res: HttpResponse): (string | null)[] {
  try {
    const parsed = JSON.parse(res.body.toString('utf8')) as {
      entry?: { response?: { location?: unknown } }[]
    }
    return (parsed.entry ?? []).map((e) =>
      typeof e.response?.location === 'string' ? e.response.location : null
    )
  } catch {
    return []
  }
}

function encounterIndex(bundle: Bundle, fullUrl: string): number {
  return bundle.entry.findIndex((e) => e.fullUrl === fullUrl)
}

/**
 * A connector that delivers submissions as FHIR R4 transaction Bundles. Each entry is a conditional create,
 * so the server returns the existing resource instead of a new one when a resend arrives.
 */
export function createFhirConnector(options: FhirConnectorOptions): Connector {
  const { client, label } = options
  const maxBatch = options.maxBatch ?? 20

  async function post(bundle: Bundle, idempotencyKey: string, ctx: SendContext): Promise<HttpResponse> {
    return client.request({
      method: 'POST',
      path: options.path ?? '',
      headers: { 'content-type': FHIR_JSON, accept: 'application/fhir+json' },
      body: JSON.stringify(bundle),
      idempotencyKey,
      ...(ctx.signal ? { signal: ctx.signal } : {})
    })
  }

  /** The receipt of one submission: where the server keeps its Encounter (the visit), else the status. */
  function receiptFor(res: HttpResponse, bundle: Bundle, encounterUrl: string): string {
    const location = responseLocations(res)[encounterIndex(bundle, encounterUrl)]
    return location ?? `HTTP ${res.status}`
  }

  async function send(sub: Submission, ctx: SendContext = {}): Promise<SendOutcome> {
    const now = ctx.now ?? Date.now
    let bundle: Bundle
    try {
      bundle = mergeTransactionEntries([options.entries(sub)])
    } catch (e) {
      return outcomeFromError(e, label)
    }
    const encounterUrl = bundle.entry.find((e) => e.resource.resourceType === 'Encounter')?.fullUrl ?? ''
    try {
      const res = await post(bundle, sub.idempotencyKey, ctx)
      return outcomeFromResponse(res, label, now(), (r) => receiptFor(r, bundle, encounterUrl))
    } catch (e) {
      return outcomeFromError(e, label)
    }
  }

  async function sendChunk(subs: Submission[], ctx: SendContext): Promise<SendOutcome[]> {
    const now = ctx.now ?? Date.now
    const outcomes: (SendOutcome | null)[] = subs.map(() => null)
    const groups: BundleEntry[][] = []
    const members: number[] = []
    subs.forEach((sub, i) => {
      try {
        groups.push(options.entries(sub))
        members.push(i)
      } catch (e) {
        outcomes[i] = outcomeFromError(e, label)
      }
    })
    if (groups.length === 0) return outcomes as SendOutcome[]
    const bundle = mergeTransactionEntries(groups)
    // The batch key is derived from its members, so the same batch resent carries the same key.
    const key = `batch:${createHash('sha256')
      .update(members.map((i) => subs[i]!.idempotencyKey).join('\n'))
      .digest('hex')}`
    let batchOutcome: SendOutcome
    let res: HttpResponse | null = null
    try {
      res = await post(bundle, key, ctx)
      batchOutcome = outcomeFromResponse(res, label, now(), () => '')
    } catch (e) {
      batchOutcome = outcomeFromError(e, label)
    }
    if (batchOutcome.kind === 'rejected' && members.length > 1) {
      // A transaction is all-or-nothing: find out which record the server refused by sending each alone.
      for (const i of members) outcomes[i] = await send(subs[i]!, ctx)
      return outcomes as SendOutcome[]
    }
    members.forEach((i, k) => {
      if (batchOutcome.kind !== 'sent' || !res) {
        outcomes[i] = batchOutcome
        return
      }
      const encounterUrl = groups[k]!.find((e) => e.resource.resourceType === 'Encounter')?.fullUrl ?? ''
      outcomes[i] = { kind: 'sent', receipt: receiptFor(res, bundle, encounterUrl) }
    })
    return outcomes as SendOutcome[]
  }

  async function sendBatch(subs: Submission[], ctx: SendContext = {}): Promise<SendOutcome[]> {
    const all: SendOutcome[] = []
    for (let i = 0; i < subs.length; i += maxBatch) {
      all.push(...(await sendChunk(subs.slice(i, i + maxBatch), ctx)))
    }
    return all
  }

  return { target: options.target, name: options.name, send, sendBatch, close: () => client.close() }
}
