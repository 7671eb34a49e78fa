import { createRequire } from 'node:module'
import type * as Xmlbuilder2 from 'xmlbuilder2'
import type { Submission } from '../../../../contract/submission'
import { toXmlDate } from '../local-time'
import { xmlVisitFields } from '../../../coding/xml1/visit-fields'
import { checkRecord, xml0Fields, xml1Fields, type XmlField, type XmlRecord, type XmlTable } from './fields'
import { xml0Record, xml1Record, type Xml1Options } from './records'

// xmlbuilder2 costs ~0.15 s to load: it is loaded at the first XML document, not at every app start.
let xmlbuilder: typeof Xmlbuilder2 | null = null
function create(declaration: typeof DECLARATION): ReturnType<typeof Xmlbuilder2.create> {
  xmlbuilder ??= createRequire(import.meta.url)('xmlbuilder2') as typeof Xmlbuilder2
  return xmlbuilder.create(declaration)
}

const DECLARATION = { version: '1.0', encoding: 'UTF-8' } as const
// Empty elements are written as <X></X>: some receivers' parsers treat <X/> differently from an empty string.
const RENDER = { prettyPrint: false, allowEmptyTags: true } as const

function renderRecord(
  table: XmlTable,
  fields: readonly XmlField[],
  record: XmlRecord,
  wrap: string[]
): string {
  const values = checkRecord(table, fields, record)
  const doc = create(DECLARATION)
  let node = doc.ele(wrap[0]!)
  for (const name of wrap.slice(1)) node = node.ele(name)
  for (const [name, value] of values) node.ele(name).txt(value)
  return doc.end(RENDER)
}

/** XML0, the check-in message: CHI_TIEU_TRANG_THAI_KCB/DSACH_TRANG_THAI_KCB/TRANG_THAI_KCB (§1.3). */
export function buildXml0(sub: Submission): string {
  return renderRecord('XML0', xml0Fields, xml0Record(sub), [
    'CHI_TIEU_TRANG_THAI_KCB',
    'DSACH_TRANG_THAI_KCB',
    'TRANG_THAI_KCB'
  ])
}

/** XML1, the administrative block reception owns, root TONG_HOP (§1.4). */
export function buildXml1(sub: Submission, options: Xml1Options = {}): string {
  return renderRecord('XML1', xml1Fields, xml1Record(sub, options), ['TONG_HOP'])
}

/**
 * The GIAMDINHHS file envelope (§1.2): one episode per file, each table base64-encoded in a FILEHOSO.
 * NGAYLAP is the visit date from the snapshot, not the send time, so every resend is byte-identical and
 * the receiver's idempotency check sees the same body. The facility signature (CHUKYDONVI) is added by
 * the signing step at the facility, which holds the registered certificate; it is not written here.
 */
export function buildEnvelope(
  sub: Submission,
  facilityCode: string,
  files: { type: string; xml: string }[]
): string {
  const doc = create(DECLARATION)
  const root = doc.ele('GIAMDINHHS')
  root.ele('THONGTINDONVI').ele('MACSKCB').txt(facilityCode)
  const info = root.ele('THONGTINHOSO')
  info.ele('NGAYLAP').txt(toXmlDate(sub.visit.visitedAt))
  info.ele('SOLUONGHOSO').txt('1')
  const hoso = info.ele('DANHSACHHOSO').ele('HOSO')
  for (const file of files) {
    const f = hoso.ele('FILEHOSO')
    f.ele('LOAIHOSO').txt(file.type)
    f.ele('NOIDUNGFILE').txt(Buffer.from(file.xml, 'utf8').toString('base64'))
  }
  return doc.end(RENDER)
}

export interface Xml4750Documents {
  /** Episode key (MA_LK); file names and receiver dedup use it. */
  maLk: string
  facilityCode: string
  /** The check-in message, sent on its own as the BHXH check-in call expects; null for an emergency. */
  checkIn: Buffer | null
  /** The GIAMDINHHS envelope carrying XML1. */
  dossier: Buffer
}

/** Both documents for one submission, UTF-8 bytes. Throws AppError VALIDATION naming the offending field. */
export function buildXml4750Documents(sub: Submission, options: Xml1Options = {}): Xml4750Documents {
  // XML0 is not sent for an emergency (MA_DOITUONG_KCB 2): the episode starts without a check-in.
  const checkIn = isEmergency(sub) ? null : buildXml0(sub)
  const xml1 = buildXml1(sub, options)
  const facilityCode = xml0Record(sub)['MA_CSKCB']!
  return {
    maLk: sub.visit.id,
    facilityCode,
    checkIn: checkIn === null ? null : Buffer.from(checkIn, 'utf8'),
    dossier: Buffer.from(buildEnvelope(sub, facilityCode, [{ type: 'XML1', xml: xml1 }]), 'utf8')
  }
}

/** An emergency visit, by its flag or its provisional category (2 = emergency, QĐ 3276/2025). */
export function isEmergency(sub: Submission): boolean {
  return sub.visit.emergency === true || xmlVisitFields(sub.visit).MA_DOITUONG_KCB === '2'
}
