import { readFileSync } from 'node:fs'
import { AppError } from '../../contract/errors'
import { importTrustFile, trustList } from '../../core/card/trust-store'
import type { Command } from '../context'

/** reception trust import FILE | trust list: the CSCA certificates chip signatures are verified against. */
export const trust: Command = (ctx, args) => {
  const [sub, file] = args
  const services = ctx.services()
  if (sub === 'import' && file) {
    const result = importTrustFile(services.db, readFileSync(file), file, services.clock().toISOString())
    ctx.out.result(result, (r: typeof result) =>
      [`Đã nhập ${r.added} chứng thư CSCA mới (${r.alreadyPresent} đã có).`, ...r.subjects].join('\n')
    )
    return
  }
  if (sub === 'list') {
    const list = trustList(services.db)
    ctx.out.result(list, (l: typeof list) =>
      [
        `CSCA (${l.cscas.length}):`,
        ...l.cscas.map((c) => `  ${c.subject}  (hết hạn ${c.notAfter.slice(0, 10)}, từ ${c.source})`),
        `Người ký tài liệu đã gặp (${l.signersSeen.length}):`,
        ...l.signersSeen.map((s) => `  ${s.subject} ← ${s.issuer} ×${s.timesSeen}`)
      ].join('\n')
    )
    return
  }
  throw new AppError(
    'VALIDATION',
    'Dùng: reception trust import FILE | trust list',
    'usage: trust import FILE | trust list'
  )
}
