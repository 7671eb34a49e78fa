import { AppError } from '../../../../contract/errors'
import type { Submission } from '../../../../contract/submission'
import type { HttpClient, HttpResponse } from '../../http-client'
import {
  outcomeFromError,
  outcomeFromResponse,
  type ReceiptReading,
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

/**
 * The acknowledgement an XML 4750 receiver answers when it took a document (docs/adr/0017): JSON
 * `{"maKetQua": "000", "maGiaoDich": "<its transaction code>", "maLk": "<the MA_LK sent>"}`. The echoed MA_LK
 * proves the answer is about this record; the transaction code is kept (the BHXH portal forgets after 60 days).
 */
export function readXmlAcknowledgement(res: HttpResponse, maLk: string): ReceiptReading {
  let parsed: unknown
  try {
    parsed = JSON.parse(res.body.toString('utf8'))
  } catch {
    return { ok: false, why: res.body.length === 0 ? 'empty body' : 'body is not JSON' }
  }
  const ack = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>
  if (ack['maKetQua'] !== '000') return { ok: false, why: 'maKetQua is not "000"' }
  const code = ack['maGiaoDich']
  if (typeof code !== 'string' || !/^\S{1,100}$/.test(code)) return { ok: false, why: 'no maGiaoDich' }
  if (ack['maLk'] !== maLk) return { ok: false, why: 'maLk does not echo the record sent' }
  return { ok: true, receipt: code, ids: [code] }
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
    const ids: string[] = []
    let last: SendOutcome = { kind: 'sent', receipt: '' }
    const documents = [
      ...(docs.checkIn ? [['xml0', docs.checkIn] as const] : []),
      ['xml1', docs.dossier] as const
    ]
    for (const [suffix, body] of documents) {
      const res = await d.client.request({
        method: 'POST',
        path: d.path ?? '',
        headers: { 'content-type': XML_CONTENT, accept: 'application/json' },
        body,
        idempotencyKey: `${sub.idempotencyKey}:${suffix}`,
        ...(ctx.signal ? { signal: ctx.signal } : {})
      })
      last = outcomeFromResponse(res, label, now(), (r) => readXmlAcknowledgement(r, docs.maLk))
      if (last.kind !== 'sent') return last
      ids.push(...(last.ids ?? []))
    }
    return { ...last, ids }
  }

  async function toFolder(dir: string, docs: Xml4750Documents): Promise<SendOutcome> {
    const checkInName = dropFileName(docs.facilityCode, docs.maLk, 'XML0')
    const dossierName = dropFileName(docs.facilityCode, docs.maLk, 'HOSO')
    // The receipt of a folder is the file itself: flushed, renamed into place and found there whole.
    if (docs.checkIn) await writeFileAtomic(dir, checkInName, docs.checkIn)
    await writeFileAtomic(dir, dossierName, docs.dossier)
    return {
      kind: 'sent',
      receipt: dossierName,
      ids: docs.checkIn ? [checkInName, dossierName] : [dossierName]
    }
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
