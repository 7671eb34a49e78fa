import type ExcelJS from 'exceljs'
import type { QualityReport } from './quality'
import { requiredXml1Fields } from './quality'
import { visitServiceCodes } from '../sync/connectors/visit-service'
import type { VisitType } from '../../contract/patient'

const sourceLabel = { chip: 'Chip CCCD', qr: 'Mã QR', manual: 'Nhập tay' } as const
const syncLabel = {
  sent: 'Đã gửi',
  pending: 'Đang chờ gửi',
  failed: 'Bị từ chối (cần sửa)',
  dead: 'Ngừng gửi (quá số lần thử)',
  notQueued: 'Chưa đưa vào hàng đợi'
} as const
const targetLabel = { his: 'HIS cơ sở', emch: 'eMCH' } as const
const DATE_FORMAT = 'dd/mm/yyyy'
/** Rows above each sheet's table: facility, period, export kind, blank. The table's header is the next row. */
export const HEADER_ROWS = 4

/** Which workbook: counts only (for the CDC; the default) or with names and patient codes (the facility's own). */
export type ReportExportKind = 'aggregate' | 'detailed'

/** 'YYYY-MM-DD…' → a Date at that day's UTC midnight: Excel shows the same calendar day wherever it is opened. */
export function excelDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1))
}

const serviceLabel = (type: string): string => visitServiceCodes[type as VisitType]?.displayVi ?? type

/** The file name the province files it under: chat-luong_<MA_CSKCB>_<from>_<to>.xlsx (chi-tiet for the named one). */
export function qualityReportFileName(report: QualityReport, kind: ReportExportKind = 'aggregate'): string {
  const code = (report.facility.code ?? 'chua-co-ma-cskcb').replace(/[^\w-]/g, '')
  const stem = kind === 'aggregate' ? 'chat-luong' : 'chat-luong-chi-tiet'
  return `${stem}_${code}_${report.range.from}_${report.range.to}.xlsx`
}

interface Column {
  header: string
  key: string
  width: number
  date?: boolean
}

/** A sheet whose first rows name the facility and the period, then the table with a frozen header row. */
function sheet(
  wb: ExcelJS.Workbook,
  report: QualityReport,
  kind: ReportExportKind,
  name: string,
  columns: Column[]
) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROWS }] })
  ws.columns = columns.map(({ key, width, date }) => ({
    key,
    width,
    ...(date ? { style: { numFmt: DATE_FORMAT } } : {})
  }))
  const f = report.facility
  ws.getCell('A1').value = 'Cơ sở KCB'
  ws.getCell('B1').value = f.code ?? '(chưa cấu hình mã CSKCB)'
  ws.getCell('C1').value = f.name ?? ''
  ws.getCell('A2').value = 'Từ ngày'
  ws.getCell('B2').value = excelDay(report.range.from)
  ws.getCell('C2').value = 'Đến ngày'
  ws.getCell('D2').value = excelDay(report.range.to)
  for (const ref of ['B2', 'D2']) ws.getCell(ref).numFmt = DATE_FORMAT
  ws.getCell('A3').value =
    kind === 'aggregate'
      ? 'Bản tổng hợp: chỉ số lượng, không có họ tên, số định danh hay mã bệnh nhân'
      : 'Bản chi tiết có họ tên: chỉ dùng trong cơ sở, không gửi lên tuyến trên'
  for (const ref of ['A1', 'B1', 'C1', 'A3']) ws.getCell(ref).font = { bold: true }
  const header = ws.getRow(HEADER_ROWS)
  header.values = columns.map((c) => c.header)
  header.font = { bold: true }
  return ws
}

/**
 * The quality report as a workbook the province can open and merge across facilities: the facility code and name
 * on every sheet and in the file name, days as real date cells, a "Sống" sheet. The aggregate kind (the default,
 * what is sent upwards) holds counts only; the detailed kind adds the duplicate groups and flawed records with
 * names, per patient. Returned as bytes; the caller decides where they go (and records the export).
 */
export async function qualityReportXlsx(
  report: QualityReport,
  kind: ReportExportKind = 'aggregate'
): Promise<Buffer> {
  // exceljs costs ~0.27 s to load: only an export pays for it, not every start.
  const { default: excel } = await import('exceljs')
  const wb = new excel.Workbook()
  wb.creator = 'Tiếp đón CCCD'
  wb.created = new Date(report.generatedAt)
  const add = (name: string, columns: Column[]) => sheet(wb, report, kind, name, columns)

  const summary = add('Tổng hợp', [
    { header: 'Chỉ tiêu', key: 'item', width: 52 },
    { header: 'Giá trị', key: 'value', width: 18 }
  ])
  summary.addRows([
    { item: 'Số lượt tiếp đón', value: report.visits },
    { item: 'Số người bệnh', value: report.perPatient.patients },
    { item: 'Người bệnh đến 1 lượt', value: report.perPatient.seenOnce },
    { item: 'Người bệnh đến từ 2 lượt', value: report.perPatient.seenSeveral },
    { item: 'Người bệnh có hồ sơ không đạt kiểm tra', value: report.perPatient.withInvalid },
    ...(['chip', 'qr', 'manual'] as const).map((s) => ({
      item: `Lượt tiếp đón theo nguồn: ${sourceLabel[s]}`,
      value: report.visitsBySource[s]
    })),
    ...(['chip', 'qr', 'manual'] as const).map((s) => ({
      item: `Lượt đọc thẻ theo nguồn: ${sourceLabel[s]}`,
      value: report.readsBySource[s]
    })),
    { item: 'Đọc chip: dữ liệu được chữ ký số xác thực', value: report.chipVerification.valid },
    { item: 'Đọc chip: xác thực thất bại', value: report.chipVerification.invalid },
    { item: 'Đọc chip: chưa xác thực', value: report.chipVerification.unchecked },
    { item: 'Tỷ lệ địa chỉ đã mã hoá xã/phường (%)', value: report.codedAddresses.percent },
    { item: 'Số nhóm hồ sơ nghi trùng', value: report.duplicates.length },
    { item: 'Số lượt có hồ sơ không đạt kiểm tra', value: report.invalid.length },
    ...(Object.keys(syncLabel) as (keyof typeof syncLabel)[]).map((k) => ({
      item: `Gửi dữ liệu: ${syncLabel[k]}`,
      value: report.sync[k]
    }))
  ])

  const byDay = add('Theo ngày - dịch vụ', [
    { header: 'Ngày', key: 'day', width: 12, date: true },
    { header: 'Dịch vụ', key: 'service', width: 24 },
    { header: 'Số lượt', key: 'visits', width: 10 },
    { header: 'Số người', key: 'patients', width: 10 },
    { header: 'Chip CCCD', key: 'chip', width: 11 },
    { header: 'Mã QR', key: 'qr', width: 9 },
    { header: 'Nhập tay', key: 'manual', width: 10 },
    { header: 'Lượt có hồ sơ lỗi', key: 'invalid', width: 16 },
    { header: 'Địa chỉ đã mã hoá', key: 'coded', width: 16 }
  ])
  byDay.addRows(
    report.daily.map((d) => ({
      day: excelDay(d.day),
      service: serviceLabel(d.serviceType),
      visits: d.visits,
      patients: d.patients,
      ...d.bySource,
      invalid: d.invalid,
      coded: d.codedAddresses
    }))
  )

  const completeness = add('Đủ - Trường bắt buộc', [
    { header: 'Trường XML1', key: 'field', width: 18 },
    { header: 'Nội dung', key: 'label', width: 22 },
    { header: 'Số lượt có dữ liệu', key: 'filled', width: 20 },
    { header: 'Tổng số lượt', key: 'total', width: 14 },
    { header: 'Tỷ lệ (%)', key: 'percent', width: 12 }
  ])
  completeness.addRows(report.completeness.map((c) => ({ ...c })))

  const fieldsByDay = add('Đủ - Theo ngày', [
    { header: 'Ngày', key: 'day', width: 12, date: true },
    { header: 'Dịch vụ', key: 'service', width: 24 },
    { header: 'Số lượt', key: 'visits', width: 10 },
    ...requiredXml1Fields.map(({ field }) => ({ header: field, key: field, width: 14 }))
  ])
  fieldsByDay.addRows(
    report.daily.map((d) => ({
      day: excelDay(d.day),
      service: serviceLabel(d.serviceType),
      visits: d.visits,
      ...d.filled
    }))
  )

  const timely = add('Sống', [
    { header: 'Ngày khám', key: 'day', width: 12, date: true },
    { header: 'Nơi nhận', key: 'target', width: 12 },
    { header: 'Số bản gửi', key: 'queued', width: 11 },
    { header: 'Đã có biên nhận', key: 'received', width: 15 },
    { header: 'Trung vị (phút)', key: 'median', width: 15 },
    { header: 'P90 (phút)', key: 'p90', width: 11 },
    { header: 'Lâu nhất (phút)', key: 'max', width: 15 },
    { header: 'Nhận sau quá 24 giờ', key: 'late', width: 19 },
    { header: 'Chưa nhận', key: 'notReceived', width: 11 }
  ])
  timely.addRows(
    report.timeliness.map((d) => ({
      day: excelDay(d.day),
      target: targetLabel[d.target],
      queued: d.queued,
      received: d.received,
      median: d.medianMinutes,
      p90: d.p90Minutes,
      max: d.maxMinutes,
      late: d.lateOver24h,
      notReceived: d.notReceived
    }))
  )

  if (kind === 'detailed') detailedSheets(add, report)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The named sheets, for the facility's own clean-up: duplicate groups, and flawed records one row per patient. */
function detailedSheets(
  add: (name: string, columns: Column[]) => ExcelJS.Worksheet,
  report: QualityReport
): void {
  const duplicates = add('Sạch - Nghi trùng', [
    { header: 'Nhóm', key: 'group', width: 8 },
    { header: 'Mã bệnh nhân', key: 'code', width: 16 },
    { header: 'Họ tên', key: 'fullName', width: 30 },
    { header: 'Ngày sinh', key: 'dateOfBirth', width: 14 },
    { header: 'Số CCCD', key: 'idNumber', width: 16 }
  ])
  report.duplicates.forEach((g, i) => {
    for (const m of g.members)
      duplicates.addRow({
        group: i + 1,
        code: m.code,
        fullName: m.fullName,
        // A partial date of birth (year or year-month only) stays text: Excel has no partial dates.
        dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(g.dateOfBirth) ? excelDay(g.dateOfBirth) : g.dateOfBirth,
        idNumber: m.idNumber ?? ''
      })
  })
  duplicates.getColumn('dateOfBirth').numFmt = DATE_FORMAT

  const perPatient = new Map<
    string,
    { code: string; fullName: string; visits: number; last: string; reasons: Set<string> }
  >()
  for (const r of report.invalid) {
    const p = perPatient.get(r.patientId) ?? {
      code: r.patientCode,
      fullName: r.fullName,
      visits: 0,
      last: r.visitedAt,
      reasons: new Set<string>()
    }
    p.visits += 1
    if (r.visitedAt > p.last) p.last = r.visitedAt
    for (const reason of r.reasons) p.reasons.add(reason)
    perPatient.set(r.patientId, p)
  }
  const invalid = add('Đúng - Hồ sơ lỗi', [
    { header: 'Mã bệnh nhân', key: 'code', width: 16 },
    { header: 'Họ tên', key: 'fullName', width: 30 },
    { header: 'Số lượt lỗi', key: 'visits', width: 12 },
    { header: 'Lượt gần nhất', key: 'last', width: 14, date: true },
    { header: 'Lý do không đạt', key: 'reasons', width: 80 }
  ])
  invalid.addRows(
    [...perPatient.values()].map((p) => ({
      code: p.code,
      fullName: p.fullName,
      visits: p.visits,
      last: excelDay(p.last),
      reasons: [...p.reasons].join('; ')
    }))
  )
}
