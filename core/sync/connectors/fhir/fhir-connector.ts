import { createHash } from 'node:crypto'
import type { SyncTarget } from '../../../../contract/status'
import type { Submission } from '../../../../contract/submission'
import type { HttpClient, HttpResponse } from '../../http-client'
import {
  outcomeFromError,
  noReceipt,
  outcomeFromResponse,
  type ReceiptReading,
  type SendOutcome,
  type TargetLabel
} from '../../transport/outcome'
import type { Connector, SendContext } from '../types'
import type { Bundle, BundleEntry } from './fhir-types'
import { mergeTransactionEntries } from './transaction'
import { entryIndexes, readTransactionReceipt } from './transaction-receipt'

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

  /**
   * The receipt of one submission inside a transaction's receipt: the ids of its entries, the Encounter (the
   * visit) as the receipt text.
   */
  function receiptOf(ids: readonly string[], bundle: Bundle, group: readonly BundleEntry[]): ReceiptReading {
    const own = entryIndexes(bundle, group).map((i) => ids[i]!)
    const encounter = own.find((id) => id.startsWith('Encounter/'))
    if (!encounter) return { ok: false, why: 'no Encounter in the receipt' }
    return { ok: true, receipt: encounter, ids: own }
  }

  async function send(sub: Submission, ctx: SendContext = {}): Promise<SendOutcome> {
    const now = ctx.now ?? Date.now
    let bundle: Bundle
    let group: BundleEntry[]
    try {
      group = options.entries(sub)
      bundle = mergeTransactionEntries([group])
    } catch (e) {
      return outcomeFromError(e, label)
    }
    try {
      const res = await post(bundle, sub.idempotencyKey, ctx)
      return outcomeFromResponse(res, label, now(), (r) => {
        const receipt = readTransactionReceipt(r, bundle)
        return receipt.ok ? receiptOf(receipt.ids, bundle, group) : receipt
      })
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
    let ids: readonly string[] = []
    try {
      const res = await post(bundle, key, ctx)
      batchOutcome = outcomeFromResponse(res, label, now(), (r) => {
        const receipt = readTransactionReceipt(r, bundle)
        if (!receipt.ok) return receipt
        ids = receipt.ids
        return { ok: true, receipt: '', ids }
      })
    } catch (e) {
      batchOutcome = outcomeFromError(e, label)
    }
    if (batchOutcome.kind === 'rejected' && members.length > 1) {
      // A transaction is all-or-nothing: find out which record the server refused by sending each alone.
      for (const i of members) outcomes[i] = await send(subs[i]!, ctx)
      return outcomes as SendOutcome[]
    }
    members.forEach((i, k) => {
      if (batchOutcome.kind !== 'sent') {
        outcomes[i] = batchOutcome
        return
      }
      const own = receiptOf(ids, bundle, groups[k]!)
      outcomes[i] = own.ok ? { kind: 'sent', receipt: own.receipt, ids: own.ids } : noReceipt(label, own.why)
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
