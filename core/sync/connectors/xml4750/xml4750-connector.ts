import { AppError } from '../../../../contract/errors'
import type { Submission } from '../../../../contract/submission'
import type { HttpClient, HttpResponse } from '../../http-client'
import {
  outcomeFromError,
  outcomeFromResponse,
  type SendOutcome,
  type TargetLabel
} from '../../transport/outcome'
import type { Connector, SendContext } from '../types'
import { buildXml4750Documents, type Xml4750Documents } from './documents'
import { dropFileName, writeFileAtomic } from './drop-folder'
import type { Xml1Options } from './records'

/** Where XML 4750 files go: POSTed to an endpoint, or written into a folder the HIS imports from. */
export type XmlDelivery =
  { kind: 'http'; client: HttpClient; path?: string } | { kind: 'drop-folder'; dir: string }

export interface Xml4750ConnectorOptions {
  delivery: XmlDelivery
  xml1?: Xml1Options
}

const XML_CONTENT = 'application/xml; charset=utf-8'

function receiptOf(res: HttpResponse): string {
  // BHXH-style replies name the transaction (maGiaoDich); keep it, the portal forgets after 60 days.
  try {
    const parsed = JSON.parse(res.body.toString('utf8')) as Record<string, unknown>
    for (const key of ['maGiaoDich', 'receipt', 'id']) {
      const v = parsed[key]
      if (typeof v === 'string' && v) return v
    }
  } catch {
    // not JSON: fall through
  }
  const location = res.headers['location']
  return typeof location === 'string' && location ? location : `HTTP ${res.status}`
}

/**
 * XML 4750 delivery: the XML0 check-in first, then the GIAMDINHHS dossier with XML1. Each has its own
 * idempotency key derived from the submission's, so a resend after a half-finished attempt repeats the
 * first document harmlessly and completes the second.
 */
export function createXml4750Connector(options: Xml4750ConnectorOptions): Connector {
  const { delivery } = options
  const label: TargetLabel = {
    nameVi: delivery.kind === 'http' ? 'HIS (XML 4750)' : 'label.target.xmlFolder',
    unavailableCode: 'HIS_UNAVAILABLE'
  }

  async function viaHttp(
    d: Extract<XmlDelivery, { kind: 'http' }>,
    sub: Submission,
    docs: Xml4750Documents,
    ctx: SendContext
  ): Promise<SendOutcome> {
    const now = ctx.now ?? Date.now
    let last: SendOutcome = { kind: 'sent', receipt: '' }
    for (const [suffix, body] of [
      ['xml0', docs.checkIn],
      ['xml1', docs.dossier]
    ] as const) {
      const res = await d.client.request({
        method: 'POST',
        path: d.path ?? '',
        headers: { 'content-type': XML_CONTENT, accept: 'application/json' },
        body,
        idempotencyKey: `${sub.idempotencyKey}:${suffix}`,
        ...(ctx.signal ? { signal: ctx.signal } : {})
      })
      last = outcomeFromResponse(res, label, now(), receiptOf)
      if (last.kind !== 'sent') return last
    }
    return last
  }

  async function toFolder(dir: string, docs: Xml4750Documents): Promise<SendOutcome> {
    const checkInName = dropFileName(docs.facilityCode, docs.maLk, 'XML0')
    const dossierName = dropFileName(docs.facilityCode, docs.maLk, 'HOSO')
    await writeFileAtomic(dir, checkInName, docs.checkIn)
    await writeFileAtomic(dir, dossierName, docs.dossier)
    return { kind: 'sent', receipt: dossierName }
  }

  async function send(sub: Submission, ctx: SendContext = {}): Promise<SendOutcome> {
    try {
      const docs = buildXml4750Documents(sub, options.xml1)
      if (delivery.kind === 'http') return await viaHttp(delivery, sub, docs, ctx)
      return await toFolder(delivery.dir, docs)
    } catch (e) {
      return folderOrTransportOutcome(e, label)
    }
  }

  return {
    target: 'his',
    name: delivery.kind === 'http' ? 'xml-4750-http' : 'xml-4750-folder',
    send,
    close: () => {
      if (delivery.kind === 'http') delivery.client.close()
    }
  }
}

/** File-system errors (share offline, disk full, no permission) leave the record intact: retry later. */
function folderOrTransportOutcome(e: unknown, label: TargetLabel): SendOutcome {
  const code = (e as NodeJS.ErrnoException | null)?.code
  if (
    typeof code === 'string' &&
    /^E[A-Z]+$/.test(code) &&
    !(e instanceof Error && e.name === 'HttpTransportError')
  ) {
    const full = code === 'ENOSPC'
    return {
      kind: 'retryable',
      error: AppError.of(
        full ? 'DISK_FULL' : label.unavailableCode,
        full ? 'error.xml.folderFull' : 'error.xml.folderWriteFailed',
        undefined,
        { errno: code }
      )
        .withDetail(`drop folder write failed: ${code}`)
        .toValue()
    }
  }
  return outcomeFromError(e, label)
}
