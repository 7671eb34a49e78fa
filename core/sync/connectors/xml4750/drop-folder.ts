import { createHash, randomUUID } from 'node:crypto'
import { open, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Writes a file so a reader polling the folder sees either nothing or the whole file: the bytes go to a
 * hidden temporary name in the same folder (same volume, so rename is atomic), are flushed to disk, and
 * only then renamed into place; the folder itself is flushed so the rename survives a power cut.
 * Temporary names start with "." and end in ".tmp", which a HIS importer's "*.xml" pattern skips.
 */
export async function writeFileAtomic(dir: string, name: string, data: Buffer): Promise<void> {
  const finalPath = join(dir, name)
  const tmpPath = join(dir, `.${name}.${randomUUID()}.tmp`)
  const handle = await open(tmpPath, 'wx', 0o640)
  try {
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmpPath, finalPath)
  } catch (e) {
    await unlink(tmpPath).catch(() => undefined)
    throw e
  }
  await syncDirectory(dir)
  // The file in place, whole, is the receipt: a share that acknowledged the rename but holds something else
  // (another writer, a truncating filter driver) must not count as delivered.
  const placed = await stat(finalPath)
  if (!placed.isFile() || placed.size !== data.length) {
    throw Object.assign(new Error('drop file not in place after rename'), { code: 'EIO' })
  }
}

async function syncDirectory(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Windows cannot open or flush a directory handle; NTFS journals the rename itself.
  } finally {
    await handle?.close()
  }
}

/**
 * A file name from the episode key that is safe on Windows shares and stable across resends (a resend
 * replaces the same file instead of adding a second one). Keys that needed escaping get a short hash so
 * two different keys can never collide on one name.
 */
export function dropFileName(facilityCode: string, maLk: string, kind: 'XML0' | 'HOSO'): string {
  const safe = maLk.replace(/[^0-9A-Za-z._-]/g, '_').slice(0, 80)
  const suffix =
    safe === maLk ? '' : `_${createHash('sha256').update(maLk, 'utf8').digest('hex').slice(0, 10)}`
  return `${facilityCode}_${safe}${suffix}_${kind}.xml`
}
