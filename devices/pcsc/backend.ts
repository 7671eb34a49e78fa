// The small surface of PC/SC the reader manager needs. The real implementation wraps the `smartcard`
// N-API addon (smartcard-backend.ts); tests use an in-memory fake.

/** SCARD_STATE_* flags (pcsc-lite values; identical on Windows and macOS). */
export const ReaderFlags = {
  CHANGED: 0x0002,
  UNKNOWN: 0x0004,
  UNAVAILABLE: 0x0008,
  EMPTY: 0x0010,
  PRESENT: 0x0020,
  EXCLUSIVE: 0x0080,
  INUSE: 0x0100,
  MUTE: 0x0200
} as const

export interface PcscReaderState {
  name: string
  /** SCARD_STATE_* event flags. */
  state: number
  atr: Uint8Array | null
}

export interface PcscCardHandle {
  readonly atr: Uint8Array | null
  /** Sends one APDU and resolves with the raw R-APDU (data ‖ SW1 SW2), or rejects with a PC/SC error. */
  transmit(apdu: Uint8Array, maxRecvLength: number): Promise<Uint8Array>
  disconnect(): void
}

export interface PcscContext {
  /** Current readers with their state; [] when none. Throws when the service is gone. */
  readers(): PcscReaderState[]
  /**
   * Blocks until a reader in `known` changes state, a reader is added/removed, or the timeout passes.
   * Resolves with the new states ([] on timeout, null when cancelled); rejects when the service is gone.
   */
  waitForChange(known: PcscReaderState[], timeoutMs: number): Promise<PcscReaderState[] | null>
  cancel(): void
  connect(reader: string, mode: 'exclusive' | 'shared'): Promise<PcscCardHandle>
  close(): void
}

export interface PcscBackend {
  /** SCardEstablishContext; throws when the service is not running. */
  establish(): PcscContext
}
