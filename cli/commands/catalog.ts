import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { parseAdminUnitsImport } from '../../core/coding/importer/admin-units-import'
import { storeImportedUnits } from '../../core/catalogs/stored-catalog'
import { codeIdentity } from '../../core/reading/code-identity'
import { xml1AdministrativeFields } from '../../core/coding/xml1/administrative-fields'
import { writeAudit } from '../../core/audit/audit-log'
import type { Command } from '../context'
import { readIdentityFile } from '../identity-file'
import { withReturningPatient } from '../../core/reading/match-identity'
import { withHisPatient } from '../../core/reading/his-returning'
import { hisNote } from '../his-note'
import { importOccupations } from './catalog-occupations'

/**
 * reception import-catalog admin-units|occupations FILE(.json|.csv): imports the national unit list or the
 * occupation list and reports what changed.
 */
export const importCatalog: Command = (ctx, args) => {
  const [kind, file] = args.filter((a) => !a.startsWith('--'))
  if ((kind !== 'admin-units' && kind !== 'occupations') || !file) {
    throw AppError.of('VALIDATION', 'error.cli.usage', {
      usage: 'reception import-catalog admin-units|occupations <FILE.json|FILE.csv>'
    })
  }
  let content: string
  try {
    content = readFileSync(file, 'utf8')
  } catch (e) {
    throw AppError.of('VALIDATION', 'error.cli.fileUnreadable', { file }).withDetail(String(e))
  }
  const format = extname(file).toLowerCase() === '.csv' ? 'csv' : 'json'
  if (kind === 'occupations') return importOccupations(ctx, content, format)
  const services = ctx.services()
  const result = parseAdminUnitsImport(content, format, services.catalog.admin.data.current)
  const at = services.clock().toISOString()
  services.db.transaction(() => {
    storeImportedUnits(services.db, result.list, at)
    writeAudit(services.db, at, {
      actor: services.actor,
      action: 'update',
      entity: 'catalog',
      entityId: 'admin-units',
      detail: { provinces: result.list.provinces.length, communes: result.list.communes.length }
    })
  })()
  const summary = {
    version: result.list.version.id,
    provinces: result.list.provinces.length,
    communes: result.list.communes.length,
    diff: {
      added: result.diff.added.length,
      removed: result.diff.removed.length,
      renamed: result.diff.renamed.length,
      codeReused: result.diff.codeReused.length,
      recoded: result.diff.recoded.length
    },
    problems: result.problems
  }
  ctx.out.result({ ...summary, changes: result.diff }, () =>
    [
      `Đã nhập danh mục ${summary.version}: ${summary.provinces} tỉnh, ${summary.communes} xã/phường.`,
      `Thêm ${summary.diff.added}, bỏ ${summary.diff.removed}, đổi tên ${summary.diff.renamed}, mã dùng lại ${summary.diff.codeReused}, đổi mã ${summary.diff.recoded}.`,
      ...summary.problems.slice(0, 20).map((p) => `! ${JSON.stringify(p)}`)
    ].join('\n')
  )
}

/**
 * reception normalize --from identity.json: the coded patient (MoH codes, address candidates, warnings), the
 * patient on file (this computer, else the HIS: `his`, docs/adr/0024) and the XML1 administrative values the
 * sender would write for a visit today (the one XML1 builder).
 */
export const normalize: Command = async (ctx, args) => {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, json: { type: 'boolean' } } })
  const identity = readIdentityFile(values.from)
  const services = ctx.services()
  const local = withReturningPatient(
    services.db,
    codeIdentity(identity, services.catalog),
    null,
    services.catalog
  )
  const coded = await withHisPatient(local, services.his)
  const today = services.clock().toISOString().slice(0, 10)
  const xml1 = xml1AdministrativeFields(coded.form, today, { catalog: services.catalog.admin })
  ctx.out.result({ ...coded, his: hisNote(coded), xml1 })
}
