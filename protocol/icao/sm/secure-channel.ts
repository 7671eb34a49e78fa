import type { CommandApdu } from '../apdu'

/**
 * A secure-messaging channel over which the session sends plain commands. BAC gives a 3DES channel
 * (see {@link createTdesChannel}); PACE / Chip Authentication with AES plug in by providing another
 * {@link SmCipherSuite} to the same generic wrapper (see docs/adr/0003-icao-protocol.md).
 */
export interface SecureChannel {
  readonly kind: string
  /** Protects a command: increments the SSC, encrypts data (DO87), adds Le (DO97) and the MAC (DO8E). */
  wrap(command: CommandApdu, options?: { extended?: boolean }): Uint8Array
  /**
   * Checks and opens a response: increments the SSC, verifies DO8E over DO87/DO99, decrypts DO87.
   * A bare status word (no SM objects) is returned with `protected: false`; 6987/6988 throw SM_MAC_INVALID.
   */
  unwrap(response: Uint8Array): SecureResponse
  /** Current send sequence counter (a copy), for tests and diagnostics. */
  ssc(): Uint8Array
}

export interface SecureResponse {
  data: Uint8Array
  sw: number
  /** True when the response carried a MAC that verified. */
  protected: boolean
}

/**
 * The algorithm-specific part of ICAO secure messaging. Everything else (DO layout, SSC handling,
 * MAC input) is shared between 3DES (BAC) and AES (PACE/CA).
 */
export interface SmCipherSuite {
  readonly name: string
  /** 8 for 3DES, 16 for AES; also the SSC length. */
  readonly blockSize: number
  /** Encrypts ISO 9797-1 method 2 padded data; `ssc` is the value after incrementing (AES derives its IV from it). */
  encrypt(ssc: Uint8Array, padded: Uint8Array): Uint8Array
  decrypt(ssc: Uint8Array, ciphertext: Uint8Array): Uint8Array
  /** 8-byte MAC over already padded SSC||data. */
  mac(padded: Uint8Array): Uint8Array
}
