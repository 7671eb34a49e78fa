import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Migration {
  version: number
  name: string
  sql: string
}

/**
 * Where the numbered .sql files are: beside this module in the source tree, or in out/main/migrations in the
 * built app (the build copies them there; shared chunks sit one level down).
 */
function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const dir of [here, join(here, 'migrations'), join(here, '..', 'migrations')]) {
    if (existsSync(dir) && readdirSync(dir).some((f) => /^\d{3}_.*\.sql$/.test(f))) return dir
  }
  throw new Error(`Database migrations not found near ${here}`)
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') }))
}
