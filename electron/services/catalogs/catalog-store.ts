import type { Db } from '../../../db/connection'
import type { CatalogEntry, CatalogKind } from '../../contract/api'

export interface CatalogRow {
  kind: string
  listVersion: string
  code: string
  name: string
  parentCode: string | null
  effectiveFrom: string | null
  effectiveTo: string | null
  data?: unknown
}

/** Which list version is current for each kind (settings key catalog.current.<kind>). */
const CURRENT_PREFIX = 'catalog.current.'

const kindToTable: Record<CatalogKind, string> = {
  ethnicity: 'ethnicity',
  nationality: 'nationality',
  occupation: 'occupation',
  province: 'admin_unit',
  commune: 'admin_unit'
}

/** Inserts rows that are missing (embedded defaults never overwrite an import) and marks versions current. */
export function seedCatalog(db: Db, rows: CatalogRow[], current: Record<string, string>, at: string): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO catalogs (kind, list_version, code, name, parent_code, effective_from, effective_to, data_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const setCurrent = db.prepare(
    `INSERT OR IGNORE INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)`
  )
  let added = 0
  db.transaction(() => {
    for (const r of rows) {
      added += insert.run(
        r.kind,
        r.listVersion,
        r.code,
        r.name,
        r.parentCode,
        r.effectiveFrom,
        r.effectiveTo,
        r.data === undefined ? null : JSON.stringify(r.data)
      ).changes
    }
    for (const [kind, version] of Object.entries(current))
      setCurrent.run(CURRENT_PREFIX + kind, JSON.stringify(version), at)
  })()
  return added
}

export function currentVersion(db: Db, table: string): string | null {
  const row = db
    .prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
    .get(CURRENT_PREFIX + table)
  return row ? (JSON.parse(row.value_json) as string) : null
}

/** Entries of one kind in the current list; provinces are admin units without a parent, communes have one. */
export function listCatalog(db: Db, kind: CatalogKind, parent: string | null): CatalogEntry[] {
  const table = kindToTable[kind]
  const version = currentVersion(db, table)
  if (!version) return []
  const level =
    kind === 'province' ? 'AND parent_code IS NULL' : kind === 'commune' ? 'AND parent_code IS NOT NULL' : ''
  const byParent = parent === null ? '' : 'AND parent_code = @parent'
  return db
    .prepare<Record<string, string | null>, { code: string; name: string; parent_code: string | null }>(
      `SELECT code, name, parent_code FROM catalogs WHERE kind = @kind AND list_version = @version ${level} ${byParent}
       ORDER BY code`
    )
    .all({ kind: table, version, parent })
    .map((r) => ({ code: r.code, name: r.name, parent: r.parent_code }))
}
