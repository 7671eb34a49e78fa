import type { Db } from './connection'

export function getSetting<T>(db: Db, key: string): T | null {
  const row = db
    .prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?')
    .get(key)
  return row ? (JSON.parse(row.value_json) as T) : null
}

export function setSetting(db: Db, key: string, value: unknown, at: string): void {
  db.prepare(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`
  ).run(key, JSON.stringify(value), at)
}
