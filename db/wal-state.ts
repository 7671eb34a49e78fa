import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs'

/**
 * Reads SQLite's write-ahead log the way SQLite's own recovery does, so the app can tell how many committed
 * frames a WAL really holds before SQLite silently drops a damaged tail. Format: sqlite.org/fileformat2.html#walformat
 * (32-byte header; frames of a 24-byte header plus one page; a running checksum over both).
 */

const WAL_HEADER = 32
const FRAME_HEADER = 24
const MAGIC_LE = 0x377f0682
const MAGIC_BE = 0x377f0683

export interface WalScan {
  /** The header's two salts as hex: a new value means SQLite restarted the log after a full checkpoint. */
  salt: string
  /** Frames up to and including the last valid commit frame: what SQLite will replay. */
  committedFrames: number
}

/** SQLite's WAL checksum: pairs of 32-bit words, Fibonacci-weighted, continuing from the previous frame. */
function checksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let s1 = s[0]
  let s2 = s[1]
  for (let i = 0; i < data.length; i += 8) {
    const a = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i)
    const b = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4)
    s1 = (s1 + a + s2) >>> 0
    s2 = (s2 + b + s1) >>> 0
  }
  return [s1, s2]
}

/** Null when there is no usable log (absent, empty, or its header is invalid: SQLite then ignores it whole). */
export function scanWal(walPath: string): WalScan | null {
  if (!existsSync(walPath)) return null
  const wal = readFileSync(walPath)
  if (wal.length < WAL_HEADER) return null
  const magic = wal.readUInt32BE(0)
  if (magic !== MAGIC_LE && magic !== MAGIC_BE) return null
  const bigEndian = magic === MAGIC_BE
  const pageSize = wal.readUInt32BE(8)
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null
  let sum = checksum(wal.subarray(0, 24), bigEndian, [0, 0])
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) return null
  const salt = wal.subarray(16, 24)
  let committedFrames = 0
  const frameSize = FRAME_HEADER + pageSize
  for (let n = 1, at = WAL_HEADER; at + frameSize <= wal.length; n++, at += frameSize) {
    const header = wal.subarray(at, at + FRAME_HEADER)
    if (!header.subarray(8, 16).equals(salt)) break
    sum = checksum(header.subarray(0, 8), bigEndian, sum)
    sum = checksum(wal.subarray(at + FRAME_HEADER, at + frameSize), bigEndian, sum)
    if (sum[0] !== header.readUInt32BE(16) || sum[1] !== header.readUInt32BE(20)) break
    if (header.readUInt32BE(4) !== 0) committedFrames = n
  }
  return { salt: salt.toString('hex'), committedFrames }
}

export interface WalIndexState {
  salt: string
  /** Frames of the log that are committed (the wal-index's mxFrame). */
  mxFrame: number
  /** Frames already copied into the database file by a checkpoint. */
  backfilled: number
}

/**
 * The live log's state from the wal-index (-shm) header, which SQLite updates at every commit. Fields are in
 * the machine's byte order; the salt is copied raw from the WAL header.
 */
export function readWalIndex(fd: number): WalIndexState | null {
  const buf = Buffer.alloc(100)
  if (readSync(fd, buf, 0, 100, 0) < 100) return null
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
  const u32 = (at: number) => (little ? buf.readUInt32LE(at) : buf.readUInt32BE(at))
  if (buf[12] === 0) return null // isInit: no log yet
  return { salt: buf.subarray(32, 40).toString('hex'), mxFrame: u32(16), backfilled: u32(96) }
}

export function openWalIndex(shmPath: string): number | null {
  try {
    return existsSync(shmPath) && statSync(shmPath).size >= 136 ? openSync(shmPath, 'r') : null
  } catch {
    return null
  }
}

export function closeQuietly(fd: number | null): void {
  if (fd === null) return
  try {
    closeSync(fd)
  } catch {
    // already closed
  }
}
