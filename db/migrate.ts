import type { Db as Database } from './db-type'
import type { Migration } from './migrations'

/** First line of a migration that must run with foreign keys off (a table rebuild). */
export const FOREIGN_KEYS_OFF = '-- foreign_keys: off'

/** Applies every migration newer than the database's user_version, each in its own transaction. */
export function migrate(db: Database, migrations: Migration[]): number[] {
  const current = db.pragma('user_version', { simple: true }) as number
  const applied: number[] = []
  for (const m of migrations) {
    if (m.version <= current) continue
    // A migration that rebuilds a table other tables reference (SQLite's documented 12-step ALTER) runs with
    // foreign keys off, which only takes effect outside a transaction, and must leave no broken reference.
    const rebuild = m.sql.startsWith(FOREIGN_KEYS_OFF)
    const fkWasOn = db.pragma('foreign_keys', { simple: true }) === 1
    if (rebuild) db.pragma('foreign_keys = OFF')
    try {
      db.transaction(() => {
        db.exec(m.sql)
        if (rebuild && (db.pragma('foreign_key_check') as unknown[]).length > 0)
          throw new Error(`Migration ${m.name} left broken foreign keys`)
        db.pragma(`user_version = ${m.version}`)
      })()
    } finally {
      if (rebuild && fkWasOn) db.pragma('foreign_keys = ON')
    }
    applied.push(m.version)
  }
  return applied
}
