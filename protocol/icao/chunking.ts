/**
 * Read-size policy and APDU arithmetic shared by the session and the benchmarks.
 * 223 plaintext bytes keep a 3DES-protected response under 256 bytes (CCID short-APDU readers);
 * jmrtd uses the same figure.
 */

export const DEFAULT_MAX_CHUNK = 0xdf
export const DEFAULT_HEADER_BYTES = 6

/** Sizes tried, largest first, after a failure (gmrtd-like ladder). */
export const CHUNK_LADDER = [0xdf, 0xa0, 0x80, 0x60, 0x40, 0x20, 0x10] as const

/** Smallest size the ladder goes down to. */
export const MIN_CHUNK = 0x10

/** The next smaller size to try after `current` failed, or undefined at the bottom. */
export function chunkLadderBelow(current: number): number | undefined {
  return CHUNK_LADDER.find((size) => size < current)
}

/** Lower bound: READ BINARY commands (+ one SELECT) to move `fileSize` bytes in `chunkSize` pieces. */
export function theoreticalMinApdus(
  fileSize: number,
  chunkSize: number,
  options: { select?: boolean } = {}
): number {
  if (chunkSize < 1) throw new RangeError('chunk size must be positive')
  return (options.select === false ? 0 : 1) + Math.ceil(fileSize / chunkSize)
}

/**
 * What {@link openBac}'s readFile sends when nothing fails: SELECT, header read, then full chunks. With an
 * extended-length chunk (> 256) the first read asks for a whole chunk, so there is no separate header read.
 */
export function plannedApdus(
  fileSize: number,
  chunkSize: number,
  options: { select?: boolean; headerBytes?: number } = {}
): number {
  if (chunkSize < 1) throw new RangeError('chunk size must be positive')
  const header =
    chunkSize > 256 ? chunkSize : Math.min(options.headerBytes ?? DEFAULT_HEADER_BYTES, chunkSize)
  const rest = Math.max(0, fileSize - header)
  return (options.select === false ? 0 : 1) + 1 + Math.ceil(rest / chunkSize)
}
