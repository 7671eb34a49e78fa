import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { exportSubject, restrictSubject, eraseSubject, type EraseResult } from '../../core/privacy/subject'
import { subjectExportHtml } from '../../core/privacy/subject-html'
import { INVENTORY, type InventoryEntry } from '../../core/privacy/inventory'
import { runRetention, type RetentionResult } from '../../core/privacy/retention'
import type { Command } from '../context'

const usage =
  'Dùng: reception privacy export --patient ID --out FILE.json | restrict --patient ID | erase --patient ID | inventory'

/**
 * reception privacy export | restrict | erase | inventory — the data subject's requests (NĐ 356 Đ5), each
 * written to the access log as the OS user who ran it.
 */
export const privacy: Command = (ctx, args) => {
  const [sub, ...rest] = args
  if (sub === 'inventory') {
    return ctx.out.result(INVENTORY, (l: InventoryEntry[]) =>
      l
        .map(
          (e) =>
            `${e.data}\n  nơi lưu: ${e.where}\n  mục đích: ${e.purpose}\n  căn cứ: ${e.basis}\n  nơi nhận: ${e.recipients}\n  thời hạn: ${e.retention}\n  mã hoá: ${e.encrypted}`
        )
        .join('\n\n')
    )
  }
  const { values } = parseArgs({
    args: rest,
    options: { patient: { type: 'string' }, out: { type: 'string' } }
  })
  if (!values.patient) throw new AppError('VALIDATION', usage, 'Usage: privacy … --patient ID')
  const s = ctx.services()
  const now = s.clock()
  if (sub === 'export') {
    if (!values.out) throw new AppError('VALIDATION', usage, 'Usage: privacy export --out FILE')
    const x = exportSubject(s.db, values.patient, now, s.actor)
    const json = values.out
    const html = json.replace(/\.json$/i, '') + '.html'
    // The files hold personal data: readable by the owner only.
    writeFileSync(json, JSON.stringify(x, null, 2), { mode: 0o600 })
    writeFileSync(html, subjectExportHtml(x), { mode: 0o600 })
    return ctx.out.result(
      { json, html, accessRows: x.accessLog.length },
      (r: { json: string; html: string }) => `Đã xuất: ${r.json}, ${r.html}`
    )
  }
  if (sub === 'restrict') {
    const r = restrictSubject(s.db, values.patient, now, s.actor)
    return ctx.out.result(
      r,
      (v: typeof r) => `Đã hạn chế xử lý từ ${v.restrictedAt}; ${v.held} bản gửi bị giữ lại.`
    )
  }
  if (sub === 'erase') {
    const r = eraseSubject(s.db, values.patient, now, s.actor)
    ctx.out.result(r, (v: EraseResult) =>
      v.erased ? `Đã xoá ${v.rows} dòng dữ liệu.` : `Từ chối xoá: ${v.reason}`
    )
    if (!r.erased)
      throw new AppError('CONFLICT', r.reason, 'Erasure refused: medical-record retention period')
    return
  }
  throw new AppError('VALIDATION', usage, 'Usage: privacy')
}

/** reception retention run — what the nightly run does, now. */
export const retention: Command = (ctx, args) => {
  if (args[0] !== 'run')
    throw new AppError('VALIDATION', 'Dùng: reception retention run', 'Usage: retention run')
  const s = ctx.services()
  const r = runRetention(s.db, s.clock(), s.options.key, s.actor)
  ctx.out.result(
    r,
    (v: RetentionResult) =>
      `Đã xoá ${v.unlinkedReadsDeleted} lần đọc thẻ không dùng, ${v.payloadsCleared} bản gửi đã giao, gộp ${v.auditRowsSummarised} dòng nhật ký cũ vào bản tóm tắt có chữ ký.`
  )
}
