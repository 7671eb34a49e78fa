import type { Db } from './connection'

/**
 * How many live patient records carry each occupation code: the desk's own "common ones first" (docs/adr/0030).
 * The code lives in the encrypted form_json only, hence json_extract; one pass over patients, grouped.
 */
export function occupationUsage(db: Db): Map<string, number> {
  const rows = db
    .prepare<[], { code: string; n: number }>(
      `SELECT json_extract(form_json, '$.occupationCode') AS code, count(*) AS n
         FROM patients
        WHERE merged_into IS NULL AND json_extract(form_json, '$.occupationCode') IS NOT NULL
        GROUP BY code`
    )
    .all()
  return new Map(rows.map((r) => [r.code, r.n]))
}
