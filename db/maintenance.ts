import type { Db } from './connection'

/** After a bulk load: fold the WAL into the main file and refresh the planner's statistics. */
export function checkpointAndAnalyze(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.exec('ANALYZE')
}
