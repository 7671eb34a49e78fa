import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import {
  listAudit,
  verifyAuditChain,
  type AuditListItem,
  type VerifyResult
} from '../../core/audit/audit-query'
import type { Command } from '../context'

const line = (r: AuditListItem): string =>
  `${r.at}  ${r.actor.padEnd(16)} ${r.action.padEnd(14)} ${r.entity}${r.entityId ? ' ' + r.entityId : ''}${
    r.detail ? '  ' + JSON.stringify(r.detail) : ''
  }`

/**
 * reception audit verify | list [--patient ID] [--user U] [--from D --to D]
 * verify recomputes the hash chain and exits non-zero at the first edited or missing row.
 */
export const audit: Command = (ctx, args) => {
  const [sub, ...rest] = args
  const db = ctx.services().db
  if (sub === 'verify') {
    const r = verifyAuditChain(db, ctx.services().options.key)
    // A broken chain is an error (non-zero exit) naming the first row that does not match.
    if (!r.ok) throw AppError.of('CONFLICT', 'audit.broken', { id: r.brokenAt ?? 0 }, { reason: r.reason })
    ctx.out.result(
      r,
      (v: VerifyResult) =>
        `Nhật ký truy cập nguyên vẹn: ${v.rows} dòng (${v.unchained} dòng cũ chưa có chuỗi băm). Mã cuối: ${v.head ?? '-'}`
    )
    return
  }
  if (sub === 'list') {
    const { values } = parseArgs({
      args: rest,
      options: {
        patient: { type: 'string' },
        user: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        limit: { type: 'string' }
      }
    })
    const rows = listAudit(db, {
      ...(values.patient ? { patientId: values.patient } : {}),
      ...(values.user ? { user: values.user } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      ...(values.limit ? { limit: Number(values.limit) } : {})
    })
    return ctx.out.result(rows, (l: AuditListItem[]) =>
      l.length ? l.map(line).join('\n') : 'Không có dòng nào.'
    )
  }
  throw new AppError(
    'VALIDATION',
    'Dùng: reception audit verify | list [--patient ID] [--user U] [--from D --to D]',
    'Usage: audit verify | list'
  )
}
