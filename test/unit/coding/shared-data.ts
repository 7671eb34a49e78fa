import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The shared admin-unit data, read in place (never copied into the repo): ../shared/data/admin-units from the repo root. */
export const sharedDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/admin-units'
)

export function readShared(name: string): string {
  return readFileSync(resolve(sharedDir, name), 'utf8')
}

export interface CurrentProvince {
  Code: string
  FullName: string
  Wards: { Code: string; FullName: string; ProvinceCode: string }[]
}

export interface SplitsFile {
  data: {
    level1_id: string
    name: string
    level3s: { level3_id: string; name: string; splits: { new_id: string; name: string }[] }[]
  }[]
}

export const currentUnits = (): CurrentProvince[] =>
  JSON.parse(readShared('units-2025-current.json')) as CurrentProvince[]
export const oldToNew = (): SplitsFile => JSON.parse(readShared('old-to-new-splits.json')) as SplitsFile
