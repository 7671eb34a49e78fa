// Chip contents from a folder (e.g. a synthetic dump for a demo): files named COM, SOD, DG1…DG16, with or
// without a .bin extension. The BAC key comes from DG1's MRZ unless given.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ChipOptions } from './chip'

const NAMES: Record<string, number> = { COM: 0x011e, SOD: 0x011d, CARDACCESS: 0x011c }
for (let n = 1; n <= 16; n++) NAMES[`DG${n}`] = 0x0100 + n

/** MRZ information (document number, DOB, expiry with check digits) from a DG1 holding a TD1 or TD3 MRZ. */
export function mrzInfoFromDg1(dg1: Uint8Array): string {
  const b = Buffer.from(dg1)
  const at = b.indexOf(Buffer.from([0x5f, 0x1f]))
  if (at < 0) throw new Error('DG1 has no MRZ (5F1F)')
  let i = at + 2
  let len = b[i++]!
  if (len === 0x81) len = b[i++]!
  const mrz = b.subarray(i, i + len).toString('ascii')
  if (mrz.length === 90) return mrz.slice(5, 15) + mrz.slice(30, 37) + mrz.slice(38, 45)
  if (mrz.length === 88) return mrz.slice(44, 54) + mrz.slice(57, 64) + mrz.slice(65, 72)
  throw new Error(`unsupported MRZ length ${mrz.length}`)
}

export function chipOptionsFromFolder(dir: string, mrzInfo?: string): ChipOptions {
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`)
  const files = new Map<number, Uint8Array>()
  for (const entry of readdirSync(dir)) {
    const key = entry
      .replace(/\.bin$/i, '')
      .replace(/^EF\./i, '')
      .toUpperCase()
    const fid = NAMES[key]
    if (fid !== undefined) files.set(fid, readFileSync(join(dir, entry)))
  }
  const dg1 = files.get(0x0101)
  const info = mrzInfo ?? (dg1 ? mrzInfoFromDg1(dg1) : undefined)
  if (!info) throw new Error('folder has no DG1; pass the MRZ information explicitly')
  return { files, mrzInfo: info, deniedFiles: [0x0103] }
}
