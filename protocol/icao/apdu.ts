import { concat, hex } from './bytes'
import { chipDataInvalid } from './errors'

/** ISO/IEC 7816-4 command and response APDUs, short and extended length. */

export interface CommandApdu {
  cla: number
  ins: number
  p1: number
  p2: number
  /** Command data (Lc is derived from it). */
  data?: Uint8Array
  /** Expected response length; 256 (short) / 65536 (extended) mean "as much as possible". Absent = no Le. */
  le?: number
}

export interface ResponseApdu {
  data: Uint8Array
  sw: number
}

export const SW = {
  OK: 0x9000,
  WARNING_EOF: 0x6282,
  AUTH_FAILED: 0x6300,
  WRONG_LENGTH: 0x6700,
  SECURITY_NOT_SATISFIED: 0x6982,
  SM_DATA_MISSING: 0x6987,
  SM_DATA_INCORRECT: 0x6988,
  WRONG_DATA: 0x6a80,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00
} as const

export const ICAO_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01)

/** Largest Le a short APDU can express (encoded as 00). */
export const SHORT_LE_MAX = 256
export const EXTENDED_LE_MAX = 65536

export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0')
}

export function isSuccess(sw: number): boolean {
  return sw === SW.OK || (sw & 0xff00) === 0x6100 || sw === SW.WARNING_EOF
}

/** 6Cxx: the card tells the exact Le to use (00 means 256). */
export function exactLengthHint(sw: number): number | undefined {
  if ((sw & 0xff00) !== 0x6c00) return undefined
  return sw & 0xff || 256
}

/** True when the command needs the extended-length encoding. */
export function needsExtendedLength(apdu: CommandApdu): boolean {
  return (apdu.data?.length ?? 0) > 255 || (apdu.le ?? 0) > SHORT_LE_MAX
}

/** Serialises a command APDU; picks extended length when required or when `extended` is forced. */
export function encodeCommandApdu(apdu: CommandApdu, extended = needsExtendedLength(apdu)): Uint8Array {
  const header = Uint8Array.of(apdu.cla, apdu.ins, apdu.p1, apdu.p2)
  const data = apdu.data ?? new Uint8Array(0)
  if (data.length > 65535) throw new RangeError('command data too long')
  if (apdu.le !== undefined && (apdu.le < 1 || apdu.le > EXTENDED_LE_MAX))
    throw new RangeError(`bad Le ${apdu.le}`)
  if (!extended) {
    if (data.length > 255 || (apdu.le ?? 0) > SHORT_LE_MAX)
      throw new RangeError('short APDU cannot carry this')
    const lc = data.length > 0 ? Uint8Array.of(data.length) : new Uint8Array(0)
    const le = apdu.le !== undefined ? Uint8Array.of(apdu.le & 0xff) : new Uint8Array(0)
    return concat(header, lc, data, le)
  }
  const lc = data.length > 0 ? Uint8Array.of(0x00, data.length >> 8, data.length & 0xff) : new Uint8Array(0)
  let le = new Uint8Array(0)
  if (apdu.le !== undefined) {
    const v = apdu.le & 0xffff // 65536 encodes as 0000
    le = data.length > 0 ? Uint8Array.of(v >> 8, v & 0xff) : Uint8Array.of(0x00, v >> 8, v & 0xff)
  }
  return concat(header, lc, data, le)
}

/** Splits an R-APDU into data and SW1SW2. Fewer than 2 bytes is not a response at all. */
export function parseResponseApdu(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw chipDataInvalid('response shorter than a status word', { length: bytes.length })
  const n = bytes.length
  return { data: bytes.subarray(0, n - 2), sw: (bytes[n - 2]! << 8) | bytes[n - 1]! }
}

export function describeResponse(r: ResponseApdu): string {
  return `SW ${swHex(r.sw)}, ${r.data.length} data bytes (${hex(r.data.subarray(0, 4))}…)`
}

// ---------------------------------------------------------------------------------------------
// Builders (plain, i.e. before secure messaging wraps them)

/** SELECT by DF name (AID), no response data (P2 = 0C). */
export function selectAid(aid: Uint8Array = ICAO_AID): CommandApdu {
  return { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: aid }
}

/** SELECT EF under the current DF by its 2-byte file identifier, no response data. */
export function selectEf(fid: number): CommandApdu {
  if (!Number.isInteger(fid) || fid < 0 || fid > 0xffff) throw new RangeError(`bad FID ${fid}`)
  return { cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(fid >> 8, fid & 0xff) }
}

/** READ BINARY of the currently selected EF at `offset` (15-bit). */
export function readBinary(offset: number, le: number): CommandApdu {
  if (!Number.isInteger(offset) || offset < 0 || offset > 0x7fff) throw new RangeError(`bad offset ${offset}`)
  return { cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le }
}

/** READ BINARY with a short EF identifier (P1 = 0x80|SFI, P2 = offset 0–255); also selects the EF. */
export function readBinarySfi(sfi: number, offset: number, le: number): CommandApdu {
  if (!Number.isInteger(sfi) || sfi < 1 || sfi > 30) throw new RangeError(`bad SFI ${sfi}`)
  if (!Number.isInteger(offset) || offset < 0 || offset > 0xff)
    throw new RangeError(`bad SFI offset ${offset}`)
  return { cla: 0x00, ins: 0xb0, p1: 0x80 | sfi, p2: offset, le }
}

export function getChallenge(length = 8): CommandApdu {
  return { cla: 0x00, ins: 0x84, p1: 0x00, p2: 0x00, le: length }
}

/** EXTERNAL AUTHENTICATE / MUTUAL AUTHENTICATE as used by BAC (INS 82). */
export function externalAuthenticate(data: Uint8Array, le = 0x28): CommandApdu {
  return { cla: 0x00, ins: 0x82, p1: 0x00, p2: 0x00, data, le }
}
