import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'

/**
 * Writes a file only its owner can read (0600), whatever was there before: the photo, reports and backups hold
 * personal data. A fresh temporary file is renamed over the target, so an old 0644 file never keeps its mode and
 * a crash never leaves half a file under the final name.
 */
export function writePrivateFile(path: string, data: Uint8Array | string): void {
  const tmp = `${path}.${process.pid}.tmp`
  const fd = openSync(tmp, 'w', 0o600)
  try {
    if (process.platform !== 'win32') chmodSync(tmp, 0o600) // the umask cannot widen it, but an old tmp could
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data)
    fsyncSync(fd)
  } catch (e) {
    closeSync(fd)
    rmSync(tmp, { force: true })
    throw e
  }
  closeSync(fd)
  renameSync(tmp, path)
}
