import type { Db as Database } from './db-type'
import type { Migration } from './migrations'

/** Applies every migration newer than the database's user_version, each in its own transaction. */
export function migrate(db: Database, migrations: Migration[]): number[] {
  const current = db.pragma('user_version', { simple: true }) as number
  const applied: number[] = []
  for (const m of migrations) {
    if (m.version <= current) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
    })()
    applied.push(m.version)
  }
  return applied
}
