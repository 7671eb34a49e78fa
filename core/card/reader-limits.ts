/**
 * READ BINARY size per reader, found once and remembered for the life of the process: the first read tries an
 * extended-length Le and the session falls back (6700, 6Cxx, transport error) to short APDUs; the size that
 * worked is used from the first command of the next read on that reader.
 */
const EXTENDED_FIRST_TRY = 0xffff
/** Receive buffer for an extended-length R-APDU: 65 536 data bytes + SM objects + SW, within pcsc-lite's limit. */
export const EXTENDED_RECV = 65_538
const remembered = new Map<string, number>()

export function readSizeFor(readerName: string): { extendedLength: boolean; maxChunk: number } {
  const chunk = remembered.get(readerName) ?? EXTENDED_FIRST_TRY
  return { extendedLength: chunk > 256, maxChunk: chunk }
}

export function rememberReadSize(readerName: string, chunk: number): void {
  if (chunk > 0) remembered.set(readerName, chunk)
}

export function forgetReadSizes(): void {
  remembered.clear()
}
