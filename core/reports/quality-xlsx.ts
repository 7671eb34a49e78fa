import type ExcelJS from 'exceljs'
import type { QualityReport } from './quality'

const sourceLabel = { chip: 'Chip CCCD', qr: 'Mã QR', manual: 'Nhập tay' } as const
const syncLabel = {
  sent: 'Đã gửi',
  pending: 'Đang chờ gửi',
  failed: 'Bị từ chối (cần sửa)',
  dead: 'Ngừng gửi (quá số lần thử)',
  notQueued: 'Chưa đưa vào hàng đợi'
} as const

/** 'YYYY-MM-DD…' → 'dd/mm/yyyy', how the province writes dates. */
function viDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-')
  return d && m ? `${d}/${m}/${y}` : iso.split('-').reverse().join('/')
}

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: { header: string; key: string; width: number }[]
) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns
  ws.getRow(1).font = { bold: true }
  return ws
}

/**
 * The quality report as a workbook the province can open: one sheet per principle, Vietnamese headers, one row
 * per item. Returned as bytes; the caller decides where they go (and records the export in the audit log).
 */
export async function qualityReportXlsx(report: QualityReport): Promise<Buffer> {
  // exceljs costs ~0.27 s to load: only an export pays for it, not every start.
  const { default: excel } = await import('exceljs')
  const wb = new excel.Workbook()
  wb.creator = 'Tiếp đón CCCD'
  wb.created = new Date(report.generatedAt)

  const summary = sheet(wb, 'Tổng hợp', [
    { header: 'Chỉ tiêu', key: 'item', width: 48 },
    { header: 'Giá trị', key: 'value', width: 18 }
  ])
  summary.addRows([
    { item: 'Từ ngày', value: viDate(report.range.from) },
    { item: 'Đến ngày', value: viDate(report.range.to) },
    { item: 'Số lượt tiếp đón', value: report.visits },
    { item: 'Số người bệnh', value: report.patients },
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

  const completeness = sheet(wb, 'Đủ - Trường bắt buộc', [
    { header: 'Trường XML1', key: 'field', width: 18 },
    { header: 'Nội dung', key: 'label', width: 22 },
    { header: 'Số lượt có dữ liệu', key: 'filled', width: 20 },
    { header: 'Tổng số lượt', key: 'total', width: 14 },
    { header: 'Tỷ lệ (%)', key: 'percent', width: 12 }
  ])
  completeness.addRows(report.completeness.map((c) => ({ ...c })))

  const duplicates = sheet(wb, 'Sạch - Nghi trùng', [
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
        dateOfBirth: viDate(g.dateOfBirth),
        idNumber: m.idNumber ?? ''
      })
  })

  const invalid = sheet(wb, 'Đúng - Hồ sơ lỗi', [
    { header: 'Ngày khám', key: 'visitedAt', width: 14 },
    { header: 'Mã bệnh nhân', key: 'patientCode', width: 16 },
    { header: 'Họ tên', key: 'fullName', width: 30 },
    { header: 'Lý do không đạt', key: 'reasons', width: 80 }
  ])
  invalid.addRows(
    report.invalid.map((r) => ({
      visitedAt: viDate(r.visitedAt),
      patientCode: r.patientCode,
      fullName: r.fullName,
      reasons: r.reasons.join('; ')
    }))
  )

  return Buffer.from(await wb.xlsx.writeBuffer())
}
