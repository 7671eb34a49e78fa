import { XMLParser } from 'fast-xml-parser'
import type { HandlerReply } from './fhir-store'

/**
 * Receives XML 4750 documents: the XML0 check-in (CHI_TIEU_TRANG_THAI_KCB) and GIAMDINHHS dossiers with
 * base64 tables. Checks the rules a receiver enforces, written here independently of the client's field
 * table (from docs/health-data.md §1.3–1.5) so a shared mistake cannot pass unseen, and keeps one record per
 * (table, facility, MA_LK): a resend replaces nothing and adds nothing. A document taken is acknowledged with
 * `{maKetQua: "000", maGiaoDich, maLk, thongDiep}` (the acknowledgement of docs/adr/0017).
 */
export interface StoredXml {
  table: 'XML0' | 'XML1'
  maCskcb: string
  maLk: string
  fields: Record<string, string>
  receipt: string
}

const RULES: Record<string, { max: number; pattern?: RegExp; required?: boolean }> = {
  MA_LK: { max: 100, required: true },
  MA_BN: { max: 100, required: true },
  HO_TEN: { max: 255, required: true },
  SO_CCCD: { max: 15 },
  NGAY_SINH: { max: 12, pattern: /^\d{4}(\d{2}){4}$/, required: true },
  GIOI_TINH: { max: 1, pattern: /^[123]$/, required: true },
  MA_QUOCTICH: { max: 3 },
  MA_DANTOC: { max: 2 },
  MA_NGHE_NGHIEP: { max: 5 },
  DIA_CHI: { max: 1024 },
  MATINH_CU_TRU: { max: 3 },
  MAHUYEN_CU_TRU: { max: 3 },
  MAXA_CU_TRU: { max: 5 },
  DIEN_THOAI: { max: 15 },
  MA_DOITUONG_KCB: { max: 4 },
  NGAY_VAO: { max: 12, pattern: /^\d{12}$/, required: true },
  MA_LOAI_KCB: { max: 2, pattern: /^\d{2}$/, required: true },
  MA_CSKCB: { max: 5, required: true }
}

const parser = new XMLParser({
  // Codes are strings: "01" must stay "01", "022…" must keep its zero.
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true
})

function reply(status: number, body: object): HandlerReply {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) }
}

function reject(message: string): HandlerReply {
  return reply(400, { maKetQua: '400', thongDiep: message })
}

function asRecord(node: unknown): Record<string, string> | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(node as Record<string, unknown>))
    out[k] = typeof v === 'string' ? v : ''
  return out
}

function check(table: string, fields: Record<string, string>): string | null {
  for (const [name, rule] of Object.entries(RULES)) {
    const value = fields[name]
    if (value === undefined) {
      if (rule.required) return `${table}: thiếu trường ${name}`
      continue
    }
    if (rule.required && value === '') return `${table}: trường ${name} để trống`
    if ([...value].length > rule.max) return `${table}: trường ${name} vượt quá ${rule.max} ký tự`
    if (value !== '' && rule.pattern && !rule.pattern.test(value))
      return `${table}: trường ${name} sai định dạng`
  }
  return null
}

export class XmlStore {
  private records: StoredXml[] = []
  private seq = 1

  all(): StoredXml[] {
    return this.records.map((r) => ({ ...r, fields: { ...r.fields } }))
  }

  clear(): void {
    this.records = []
    this.seq = 1
  }

  private keep(table: 'XML0' | 'XML1', fields: Record<string, string>): string {
    const existing = this.records.find(
      (r) => r.table === table && r.maCskcb === fields['MA_CSKCB'] && r.maLk === fields['MA_LK']
    )
    if (existing) return existing.receipt
    const receipt = `GD${String(this.seq++).padStart(8, '0')}`
    this.records.push({ table, maCskcb: fields['MA_CSKCB']!, maLk: fields['MA_LK']!, fields, receipt })
    return receipt
  }

  receive(body: Buffer): HandlerReply {
    let doc: Record<string, unknown>
    try {
      doc = parser.parse(body.toString('utf8')) as Record<string, unknown>
    } catch {
      return reject('Tệp XML không đọc được.')
    }
    const checkIn = doc['CHI_TIEU_TRANG_THAI_KCB'] as Record<string, Record<string, unknown>> | undefined
    if (checkIn) {
      const fields = asRecord(checkIn['DSACH_TRANG_THAI_KCB']?.['TRANG_THAI_KCB'])
      if (!fields) return reject('XML0: thiếu TRANG_THAI_KCB')
      const problem = check('XML0', fields)
      if (problem) return reject(problem)
      return reply(200, {
        maKetQua: '000',
        maGiaoDich: this.keep('XML0', fields),
        maLk: fields['MA_LK'],
        thongDiep: 'Thành công'
      })
    }
    const envelope = doc['GIAMDINHHS'] as Record<string, Record<string, unknown>> | undefined
    if (envelope) return this.receiveEnvelope(envelope)
    return reject('Không nhận dạng được loại tệp XML.')
  }

  private receiveEnvelope(envelope: Record<string, Record<string, unknown>>): HandlerReply {
    const facility = String(envelope['THONGTINDONVI']?.['MACSKCB'] ?? '')
    const info = envelope['THONGTINHOSO'] as Record<string, unknown> | undefined
    if (!/^\d{8}$/.test(String(info?.['NGAYLAP'] ?? ''))) return reject('NGAYLAP phải có dạng yyyymmdd')
    const hoso = (info?.['DANHSACHHOSO'] as Record<string, unknown> | undefined)?.['HOSO'] as
      Record<string, unknown> | undefined
    const filesRaw = hoso?.['FILEHOSO']
    const files = (Array.isArray(filesRaw) ? filesRaw : filesRaw ? [filesRaw] : []) as Record<
      string,
      string
    >[]
    if (files.length === 0) return reject('Hồ sơ không có FILEHOSO')
    const tables: { table: 'XML1'; fields: Record<string, string> }[] = []
    for (const file of files) {
      if (file['LOAIHOSO'] !== 'XML1') continue
      const content = String(file['NOIDUNGFILE'] ?? '')
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content)) return reject('NOIDUNGFILE không phải base64')
      let inner: Record<string, unknown>
      try {
        inner = parser.parse(Buffer.from(content, 'base64').toString('utf8')) as Record<string, unknown>
      } catch {
        return reject('XML1 không đọc được')
      }
      const fields = asRecord(inner['TONG_HOP'])
      if (!fields) return reject('XML1: thiếu TONG_HOP')
      const problem = check('XML1', fields)
      if (problem) return reject(problem)
      if (fields['MA_CSKCB'] !== facility) return reject('MACSKCB của hồ sơ không khớp với XML1')
      tables.push({ table: 'XML1', fields })
    }
    if (tables.length === 0) return reject('Hồ sơ không có XML1')
    const receipts = tables.map((t) => this.keep(t.table, t.fields))
    // The acknowledgement echoes the record's MA_LK (docs/adr/0017): one dossier carries one episode.
    return reply(200, {
      maKetQua: '000',
      maGiaoDich: receipts.join(';'),
      maLk: tables[0]!.fields['MA_LK'],
      thongDiep: 'Thành công'
    })
  }
}
