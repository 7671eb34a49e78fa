import type { Db } from './connection'

/** Folds the WAL into the main file and truncates it (after a deletion, the WAL no longer holds the rows). */
export function truncateWal(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
}

/** Before deleting personal data: SQLite then overwrites the freed pages instead of leaving them readable. */
export function secureDeleteOn(db: Db): void {
  db.pragma('secure_delete = ON')
}

/** After a bulk load: fold the WAL into the main file and refresh the planner's statistics. */
export function checkpointAndAnalyze(db: Db): void {
  truncateWal(db)
  db.exec('ANALYZE')
}
