/**
 * Byte stream → symbols for scanners in USB-COM (CDC) mode. Pure. Framing works on bytes and decodes
 * UTF-8 only per finished frame: CR and LF never occur inside a multi-byte UTF-8 sequence, so a
 * character split across two chunks is always reassembled correctly.
 */

/**
 * What ends a symbol. 'auto' accepts CR, LF or CRLF (what most scanners' "suffix" setting sends);
 * 'none' relies on the idle gap alone (the adapter calls takePending() after it).
 */
export const serialTerminators = ['CR', 'LF', 'CRLF', 'auto', 'none'] as const
export type SerialTerminator = (typeof serialTerminators)[number]

const CR = 0x0d
const LF = 0x0a

export class SerialFramer {
  private buffer = new Uint8Array(0)

  constructor(
    private readonly terminator: SerialTerminator,
    /** A frame larger than this without a terminator is garbage (wrong baud rate); drop it. */
    private readonly maxFrameBytes = 8192
  ) {}

  get pending(): boolean {
    return this.buffer.length > 0
  }

  /** Adds a chunk; returns the frames it completed (without terminators, never empty). */
  push(chunk: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length)
    joined.set(this.buffer)
    joined.set(chunk, this.buffer.length)
    const frames: Uint8Array[] = []
    let start = 0
    if (this.terminator !== 'none') {
      for (let i = 0; i < joined.length; i++) {
        const end = this.terminatorLength(joined, i)
        if (end === 0) continue
        if (end < 0) break // a CR that may be the first half of CRLF: wait for the next byte
        if (i > start) frames.push(joined.slice(start, i))
        start = i + end
        i = start - 1
      }
    }
    this.buffer = joined.slice(start)
    if (this.buffer.length > this.maxFrameBytes) this.buffer = new Uint8Array(0)
    return frames
  }

  /** Returns (and clears) bytes waiting for a terminator: called after an idle gap. */
  takePending(): Uint8Array | null {
    const rest = this.buffer
    this.buffer = new Uint8Array(0)
    // A lone trailing CR in CRLF mode is a terminator whose LF never came.
    let end = rest.length
    while (end > 0 && (rest[end - 1] === CR || rest[end - 1] === LF)) end--
    return end > 0 ? rest.slice(0, end) : null
  }

  /** Length of the terminator starting at i: 0 = none, -1 = undecided (need more bytes). */
  private terminatorLength(bytes: Uint8Array, i: number): number {
    const b = bytes[i]
    switch (this.terminator) {
      case 'CR':
        return b === CR ? 1 : 0
      case 'LF':
        return b === LF ? 1 : 0
      case 'CRLF':
        if (b !== CR) return 0
        if (i + 1 >= bytes.length) return -1
        return bytes[i + 1] === LF ? 2 : 0
      case 'auto':
        if (b === LF) return 1
        if (b !== CR) return 0
        if (i + 1 >= bytes.length) return 1 // the LF of a CRLF, if it follows, makes an empty frame: skipped
        return bytes[i + 1] === LF ? 2 : 1
      default:
        return 0
    }
  }
}
