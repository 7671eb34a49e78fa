import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The source datasets the embedded catalogue is built from, read in place when they are there: by default a
 * `shared/data` folder beside the repository, or the folder RECEPTION_SHARED_DATA names. Tests that cross-check
 * against them skip (with SHARED_SKIP_NOTE in their name) on a clone without it; nothing else needs them.
 */
export const sharedDataDir = resolve(
  process.env.RECEPTION_SHARED_DATA ??
    resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data')
)
export const sharedDir = resolve(sharedDataDir, 'admin-units')

export const sharedAvailable = existsSync(resolve(sharedDir, 'units-2025-current.json'))

/** Appended to the name of a suite that needs the source data, so a skipped run says why. */
export const SHARED_SKIP_NOTE = sharedAvailable
  ? ''
  : ` [SKIPPED: source data not found at ${sharedDir}; set RECEPTION_SHARED_DATA to cross-check]`

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
