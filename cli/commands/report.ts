import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { writeAudit } from '../../core/audit/audit-log'
import { buildQualityReport, type QualityReport } from '../../core/reports/quality'
import { qualityReportFileName, qualityReportXlsx } from '../../core/reports/quality-xlsx'
import { writePrivateFile } from '../../core/config/private-file'
import { reportFacility } from '../../core/reports/report-facility'
import type { Command } from '../context'

const usage =
  'reception report quality --from YYYY-MM-DD --to YYYY-MM-DD [--xlsx FILE.xlsx|FOLDER] [--detailed]'

function human(r: QualityReport): string {
  const lines = [
    `Báo cáo chất lượng dữ liệu ${r.facility.code ?? '(chưa có mã CSKCB)'} ${r.facility.name ?? ''} ${r.range.from} → ${r.range.to}`,
    `Lượt tiếp đón: ${r.visits} (${r.patients} người) — chip ${r.visitsBySource.chip}, QR ${r.visitsBySource.qr}, nhập tay ${r.visitsBySource.manual}`,
    `Đọc chip: ${r.chipVerification.valid} xác thực được, ${r.chipVerification.invalid} thất bại, ${r.chipVerification.unchecked} chưa xác thực`,
    `Địa chỉ đã mã hoá xã/phường: ${r.codedAddresses.coded}/${r.codedAddresses.total} (${r.codedAddresses.percent}%)`,
    'Trường bắt buộc XML1:',
    ...r.completeness.map(
      (c) => `  ${c.field.padEnd(15)} ${c.label.padEnd(16)} ${c.filled}/${c.total} (${c.percent}%)`
    ),
    `Nhóm hồ sơ nghi trùng: ${r.duplicates.length}`,
    ...r.duplicates.map(
      (g) => `  ${g.fullName} ${g.dateOfBirth}: ${g.members.map((m) => m.code).join(', ')}`
    ),
    `Lượt có hồ sơ không đạt: ${r.invalid.length}`,
    ...r.invalid.map(
      (i) => `  ${i.visitedAt.slice(0, 10)} ${i.patientCode} ${i.fullName}: ${i.reasons.join('; ')}`
    ),
    `Gửi dữ liệu: đã gửi ${r.sync.sent}, chờ ${r.sync.pending}, bị từ chối ${r.sync.failed}, ngừng ${r.sync.dead}`,
    'Sống (phút từ lượt khám đến biên nhận):',
    ...r.timeliness.map(
      (d) =>
        `  ${d.day} ${d.target.padEnd(4)} nhận ${d.received}/${d.queued}, trung vị ${d.medianMinutes ?? '—'}, p90 ${d.p90Minutes ?? '—'}, lâu nhất ${d.maxMinutes ?? '—'}, quá 24 giờ ${d.lateOver24h}, chưa nhận ${d.notReceived}`
    )
  ]
  return lines.join('\n')
}

/** reception report quality --from D --to D [--xlsx FILE] */
export const report: Command = async (ctx, args) => {
  const [sub, ...rest] = args
  if (sub !== 'quality') throw AppError.of('VALIDATION', 'error.cli.usage', { usage })
  const { values } = parseArgs({
    args: rest,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      xlsx: { type: 'string' },
      detailed: { type: 'boolean' },
      json: { type: 'boolean' }
    }
  })
  if (!values.from || !values.to) throw AppError.of('VALIDATION', 'error.cli.usage', { usage })
  const services = ctx.services()
  const now = services.clock()
  const result = buildQualityReport(
    services.db,
    { from: values.from, to: values.to },
    { now, facility: reportFacility(services) }
  )
  let written: string | null = null
  if (values.xlsx) {
    // Counts only unless --detailed: the file that goes to the CDC never carries a name or an ID number.
    const kind = values.detailed ? 'detailed' : 'aggregate'
    const target =
      existsSync(values.xlsx) && statSync(values.xlsx).isDirectory()
        ? join(values.xlsx, qualityReportFileName(result, kind))
        : values.xlsx
    writePrivateFile(target, await qualityReportXlsx(result, kind))
    writeAudit(services.db, now.toISOString(), {
      actor: services.actor,
      action: 'export',
      entity: 'report',
      entityId: 'quality',
      detail: { from: values.from, to: values.to, visits: result.visits, kind }
    })
    written = target
  }
  ctx.out.result(written ? { ...result, xlsx: written } : result, (r: QualityReport & { xlsx?: string }) =>
    r.xlsx ? `${human(r)}\nĐã ghi: ${r.xlsx}` : human(r)
  )
}
