import { parseOccupationsImport } from '../../core/coding/importer/occupations-import'
import { storeImportedOccupations } from '../../core/catalogs/stored-catalog'
import { writeAudit } from '../../core/audit/audit-log'
import type { CliContext } from '../context'

/**
 * reception import-catalog occupations FILE(.csv|.json): the QĐ 34/2020/QĐ-TTg level-5 list IT was given. Parsing
 * happens before anything is written, so a malformed file changes nothing; the store and its audit row are one
 * transaction (docs/adr/0030).
 */
export function importOccupations(ctx: CliContext, content: string, format: 'csv' | 'json'): void {
  const services = ctx.services()
  const result = parseOccupationsImport(content, format, services.catalog.occupations)
  const at = services.clock().toISOString()
  const diff = {
    added: result.diff.added.length,
    renamed: result.diff.renamed.length,
    removed: result.diff.removed.length
  }
  services.db.transaction(() => {
    storeImportedOccupations(services.db, result.list, at)
    writeAudit(services.db, at, {
      actor: services.actor,
      action: 'update',
      entity: 'catalog',
      entityId: 'occupations',
      detail: { entries: result.list.entries.length, ...diff, rejected: result.problems.length }
    })
  })()
  const summary = { entries: result.list.entries.length, diff, rejected: result.problems.length }
  ctx.out.result({ ...summary, problems: result.problems, changes: result.diff }, () =>
    [
      `Đã nhập danh mục nghề nghiệp: ${summary.entries} mã.`,
      `Thêm ${diff.added}, đổi tên ${diff.renamed}, bỏ ${diff.removed}; ${summary.rejected} dòng bị loại.`,
      ...result.problems.slice(0, 20).map((p) => `! ${p.message}`)
    ].join('\n')
  )
}
