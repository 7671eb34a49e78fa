import { randomBytes } from 'node:crypto'
import {
  encodeCommandApdu,
  exactLengthHint,
  externalAuthenticate,
  getChallenge,
  isSuccess,
  parseResponseApdu,
  readBinary,
  readBinarySfi,
  selectAid,
  selectEf,
  SW,
  swHex,
  type CommandApdu,
  type ResponseApdu
} from './apdu'
import { buildMutualAuthData, completeMutualAuth, deriveBacKeys, type BacKeys } from './bac'
import { accessDenied, cardRemoved, chipDataInvalid, fileNotFound, isAppError, keyRefused } from './errors'
import { performPace, type PacePassword } from './pace/pace'
import type { PaceInfo } from './pace/security-infos'
import { createAesChannel } from './sm/aes-suite'
import type { LdsFile } from './lds/files'
import type { MrzInfo } from './mrz'
import type { SecureChannel, SecureResponse } from './sm/secure-channel'
import { createTdesChannel } from './sm/tdes-suite'
import { decodeTlvHeader } from './tlv'
import { chunkLadderBelow, MIN_CHUNK, DEFAULT_HEADER_BYTES, DEFAULT_MAX_CHUNK } from './chunking'

/**
 * A BAC session over any transport: BAC, then secure-messaging file reads in adaptive chunks.
 * The transport is a bare `transmit` so the same code runs against PC/SC, the virtual chip or a trace.
 */

export type Transmit = (apdu: Uint8Array) => Promise<Uint8Array>

export interface FileRef {
  fid?: number
  sfi?: number
  label?: string
}

export interface SessionOptions {
  /** Largest plaintext bytes per READ BINARY to try first. Default 223 (fits short APDUs on CCID readers). */
  maxChunk?: number
  /** Allow extended-length APDUs (needed for maxChunk > 256). Default false. */
  extendedLength?: boolean
  /** Read files by short EF identifier (saves the SELECT) when the file has one. Default false. */
  preferSfi?: boolean
  /** Bytes read first to learn the TLV length. Default 6. */
  headerBytes?: number
  /** Largest file accepted. Default 64 KiB + header. */
  maxFileSize?: number
  /** Retries after transport errors / empty responses per file (each one re-runs BAC). Default 3. */
  maxRecoveries?: number
  /** Source of RND.IFD and K.IFD. Default node:crypto randomBytes. */
  random?: (length: number) => Uint8Array
  /** Asks the reader whether the card is still there; false turns a glitch into CARD_REMOVED. */
  cardPresent?: () => Promise<boolean>
}

export interface TransferStats {
  apdus: number
  bytesSent: number
  bytesReceived: number
  /** Times BAC was re-run to recover from a transport error or an unprotected error status. */
  recoveries: number
  /** Times the chunk size went down. */
  fallbacks: number
}

export interface ReadProgress {
  /** Bytes of the file received so far. */
  received: number
  total: number
}

export interface ReadFileOptions {
  onChunk?: (chunk: Uint8Array, progress: ReadProgress) => void
}

export interface ReadFileResult {
  data: Uint8Array
  /** Transfer cost of this file alone (includes recovery APDUs). */
  stats: TransferStats
  /** Chunk size in use when the file was done. */
  chunkSize: number
}

/** What opens the chip: the MRZ key for BAC, or a PACE password with the PACEInfo to run. */
export type AccessKey =
  | { protocol: 'BAC'; mrz: MrzInfo }
  | { protocol: 'PACE'; password: PacePassword; info: PaceInfo; sendParameterId?: boolean }

export interface IcaoSession {
  readonly kind: 'bac' | 'pace'
  /** One command under secure messaging (e.g. INTERNAL AUTHENTICATE), serialised with the file reads. */
  command(command: CommandApdu): Promise<SecureResponse>
  /** Continues under new session keys (after Chip Authentication); a later recovery re-runs the original access. */
  restartSecureMessaging(next: SecureChannel): void
  /** A file by FileRef / LdsFile, or a number: 1–31 = short EF identifier, otherwise FID. */
  readFile(file: FileRef | number, options?: ReadFileOptions): Promise<ReadFileResult>
  /** Totals since the session was opened (BAC included). */
  stats(): TransferStats
  chunkSize(): number
}

/** Thrown inside the session when the transport failed or answered nothing; the read may recover. */
class TransportGlitch extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}

const BAC_DENIED_SW = new Set([SW.AUTH_FAILED, SW.SECURITY_NOT_SATISFIED, SW.WRONG_DATA])
const MAX_OFFSET = 0x7fff

function emptyStats(): TransferStats {
  return { apdus: 0, bytesSent: 0, bytesReceived: 0, recoveries: 0, fallbacks: 0 }
}

function diffStats(after: TransferStats, before: TransferStats): TransferStats {
  return {
    apdus: after.apdus - before.apdus,
    bytesSent: after.bytesSent - before.bytesSent,
    bytesReceived: after.bytesReceived - before.bytesReceived,
    recoveries: after.recoveries - before.recoveries,
    fallbacks: after.fallbacks - before.fallbacks
  }
}

function normaliseRef(file: FileRef | number | LdsFile): FileRef & { label: string } {
  if (typeof file === 'number') {
    return file <= 0x1f
      ? { sfi: file, label: `SFI ${file}` }
      : { fid: file, label: `EF ${file.toString(16)}` }
  }
  if (file.fid === undefined && file.sfi === undefined) throw new RangeError('file needs a FID or an SFI')
  return {
    ...file,
    label: file.label ?? (file.fid !== undefined ? `EF ${file.fid.toString(16)}` : `SFI ${file.sfi}`)
  }
}

/** Opens the eMRTD application and runs BAC with the MRZ key; returns a session ready to read files. */
export function openBac(
  transmit: Transmit,
  mrz: MrzInfo,
  options: SessionOptions = {}
): Promise<IcaoSession> {
  return openSession(transmit, { protocol: 'BAC', mrz }, options)
}

/**
 * Opens the chip with BAC or PACE and returns a session ready to read files. PACE runs with the master file
 * current, then the eMRTD application is selected under secure messaging (ICAO 9303-11 §4.2).
 */
export async function openSession(
  transmit: Transmit,
  access: AccessKey,
  options: SessionOptions = {}
): Promise<IcaoSession> {
  const keys = access.protocol === 'BAC' ? deriveBacKeys(access.mrz) : undefined
  const random = options.random ?? ((n: number) => new Uint8Array(randomBytes(n)))
  const extended = options.extendedLength ?? false
  const maxChunk = Math.min(options.maxChunk ?? DEFAULT_MAX_CHUNK, extended ? 0xffff : 256)
  const headerBytes = options.headerBytes ?? DEFAULT_HEADER_BYTES
  const maxFileSize = options.maxFileSize ?? 0x10000 + 8
  const maxRecoveries = options.maxRecoveries ?? 3
  if (maxChunk < 1 || headerBytes < 4 || headerBytes > 8) throw new RangeError('bad chunk options')

  const totals = emptyStats()
  let chunk = maxChunk
  let channel: SecureChannel
  /** Key of the EF the chip has selected, or undefined after (re)authentication. */
  let current: string | undefined

  async function send(apdu: Uint8Array): Promise<Uint8Array> {
    totals.apdus++
    totals.bytesSent += apdu.length
    let raw: Uint8Array
    try {
      raw = await transmit(apdu)
    } catch (e) {
      if (isAppError(e) && (e.code === 'CARD_REMOVED' || e.code === 'NO_CARD')) throw e
      if (options.cardPresent && !(await options.cardPresent()))
        throw cardRemoved('transport error, card gone')
      throw new TransportGlitch(e instanceof Error ? e.message : String(e))
    }
    totals.bytesReceived += raw.length
    if (raw.length < 2) {
      if (options.cardPresent && !(await options.cardPresent()))
        throw cardRemoved('empty response, card gone')
      throw new TransportGlitch(raw.length === 0 ? 'empty response' : 'response shorter than a status word')
    }
    return raw
  }

  async function sendPlain(command: CommandApdu): Promise<ResponseApdu> {
    try {
      return parseResponseApdu(await send(encodeCommandApdu(command)))
    } catch (e) {
      // Before secure messaging there is nothing to resynchronise: an empty answer means the card is not talking.
      if (e instanceof TransportGlitch) throw cardRemoved(e.reason)
      throw e
    }
  }

  async function authenticate(): Promise<SecureChannel> {
    if (access.protocol === 'PACE') {
      const pace = await performPace(sendPlain, access.password, access.info, {
        random,
        sendParameterId: access.sendParameterId
      })
      channel = createAesChannel(pace)
      let selected: SecureResponse
      try {
        selected = await sendSecure(selectAid())
      } catch (e) {
        if (e instanceof TransportGlitch) throw cardRemoved(e.reason)
        throw e
      }
      if (selected.sw === SW.FILE_NOT_FOUND) throw fileNotFound('ứng dụng ICAO (AID A0000002471001)')
      if (!isSuccess(selected.sw))
        throw chipDataInvalid('SELECT eMRTD application after PACE failed', { sw: swHex(selected.sw) })
      return channel
    }
    return authenticateBac(keys!)
  }

  async function authenticateBac(bacKeys: BacKeys): Promise<SecureChannel> {
    const selected = await sendPlain(selectAid())
    if (selected.sw === SW.FILE_NOT_FOUND) throw fileNotFound('ứng dụng ICAO (AID A0000002471001)')
    if (!isSuccess(selected.sw))
      throw chipDataInvalid('SELECT eMRTD application failed', { sw: swHex(selected.sw) })
    const challenge = await sendPlain(getChallenge(8))
    if (!isSuccess(challenge.sw) || challenge.data.length !== 8) {
      throw chipDataInvalid('GET CHALLENGE failed', {
        sw: swHex(challenge.sw),
        length: challenge.data.length
      })
    }
    const rndIc = new Uint8Array(challenge.data)
    const rndIfd = random(8)
    const kIfd = random(16)
    const answer = await sendPlain(externalAuthenticate(buildMutualAuthData(bacKeys, rndIc, rndIfd, kIfd)))
    if (BAC_DENIED_SW.has(answer.sw as never) || (answer.sw & 0xfff0) === 0x63c0) {
      throw keyRefused('BAC', { sw: swHex(answer.sw) })
    }
    if (!isSuccess(answer.sw)) throw chipDataInvalid('EXTERNAL AUTHENTICATE failed', { sw: swHex(answer.sw) })
    return createTdesChannel(completeMutualAuth(bacKeys, rndIc, rndIfd, kIfd, answer.data))
  }

  async function sendSecure(command: CommandApdu): Promise<SecureResponse> {
    const wrapped = channel.wrap(command, { extended: extended && (command.le ?? 0) > 256 })
    return channel.unwrap(await send(wrapped))
  }

  async function recover(reason: string, budget: { left: number }): Promise<void> {
    if (budget.left <= 0) throw cardRemoved(`no usable response after retries (${reason})`)
    budget.left--
    totals.recoveries++
    current = undefined
    channel = await authenticate()
  }

  function shrinkChunk(): boolean {
    const next = chunkLadderBelow(chunk)
    if (next === undefined) return false
    chunk = next
    totals.fallbacks++
    return true
  }

  function checkFileSw(r: SecureResponse, file: FileRef & { label: string }, what: string): void {
    if (r.sw === SW.FILE_NOT_FOUND) throw fileNotFound(file.label)
    if (r.sw === SW.SECURITY_NOT_SATISFIED) throw accessDenied(file.label, swHex(r.sw))
    if (!isSuccess(r.sw)) throw chipDataInvalid(`${what} ${file.label} failed`, { sw: swHex(r.sw) })
  }

  async function select(
    file: FileRef & { label: string },
    key: string,
    budget: { left: number }
  ): Promise<void> {
    for (;;) {
      try {
        if (file.fid !== undefined) {
          checkFileSw(await sendSecure(selectEf(file.fid)), file, 'SELECT')
        } else {
          // Selecting by SFI: a one-byte read at offset 0 makes the file current.
          checkFileSw(await sendSecure(readBinarySfi(file.sfi!, 0, 1)), file, 'READ BINARY (SFI)')
        }
        current = key
        return
      } catch (e) {
        if (!(e instanceof TransportGlitch)) throw e
        await recover(e.reason, budget)
      }
    }
  }

  /** One READ BINARY with fallbacks; returns at least one byte. */
  async function readAt(
    file: FileRef & { label: string },
    key: string,
    state: { viaSfi: boolean },
    offset: number,
    wanted: number,
    budget: { left: number },
    wholeFile = false
  ): Promise<Uint8Array> {
    if (offset > MAX_OFFSET)
      throw chipDataInvalid('file larger than 32 KiB (odd-INS READ BINARY not supported)')
    let le = Math.min(wanted, chunk)
    for (;;) {
      if (current !== key && !(state.viaSfi && offset <= 0xff)) await select(file, key, budget)
      const useSfi = current !== key && state.viaSfi
      let r: SecureResponse
      try {
        r = await sendSecure(useSfi ? readBinarySfi(file.sfi!, offset, le) : readBinary(offset, le))
      } catch (e) {
        if (!(e instanceof TransportGlitch)) throw e
        // The chip may or may not have seen the command: the SSC is unknown, so start over.
        if (le > 256 && chunk > 256) {
          chunk = DEFAULT_MAX_CHUNK
          totals.fallbacks++
        } else shrinkChunk()
        le = Math.min(wanted, chunk)
        await recover(e.reason, budget)
        continue
      }
      if (useSfi && isSuccess(r.sw)) current = key
      const hint = exactLengthHint(r.sw)
      // Only a read that asked for a full chunk tells us something about the reader's or chip's limit;
      // a header or tail read that fails is about the file, not the chunk size.
      const limitedByChunk = le >= chunk
      if (hint !== undefined || r.sw === SW.WRONG_LENGTH) {
        if (le > 256 && chunk > 256 && (hint === undefined || hint < le)) {
          // An extended Le refused: the reader or chip takes short APDUs only. Remember that for the session.
          chunk = Math.min(hint ?? DEFAULT_MAX_CHUNK, DEFAULT_MAX_CHUNK)
          totals.fallbacks++
          le = Math.min(wanted, chunk)
        } else if (hint !== undefined && hint < le) {
          le = hint
          if (limitedByChunk) {
            chunk = hint
            totals.fallbacks++
          }
        } else if (!limitedByChunk && le > 1) {
          le = Math.max(1, Math.floor(le / 2))
        } else if (shrinkChunk()) {
          le = Math.min(wanted, chunk)
        } else {
          throw chipDataInvalid(`READ BINARY ${file.label}: no read size accepted`, { sw: swHex(r.sw) })
        }
        if (!r.protected) await recover(`unprotected ${swHex(r.sw)}`, budget)
        continue
      }
      if (useSfi && !isSuccess(r.sw) && r.sw !== SW.SECURITY_NOT_SATISFIED && file.fid !== undefined) {
        // The chip does not take this short EF identifier: select by FID from now on.
        state.viaSfi = false
        if (!r.protected) await recover(`unprotected ${swHex(r.sw)} on SFI read`, budget)
        continue
      }
      checkFileSw(r, file, 'READ BINARY')
      if (r.data.length === 0) {
        shrinkChunk()
        le = Math.min(wanted, chunk)
        await recover('no data in a successful READ BINARY', budget)
        continue
      }
      // A whole-file read is expected to come back short (the file ends); the size check is in readFile.
      if (
        r.sw === SW.OK &&
        limitedByChunk &&
        !wholeFile &&
        r.data.length < le &&
        r.data.length >= MIN_CHUNK
      ) {
        // A short answer to a full-chunk read: take what came and use that size from now on.
        chunk = r.data.length
        totals.fallbacks++
      }
      return r.data.length > wanted ? r.data.subarray(0, wanted) : r.data
    }
  }

  async function readFile(ref: FileRef | number, readOptions: ReadFileOptions = {}): Promise<ReadFileResult> {
    const file = normaliseRef(ref)
    const key = `${file.fid ?? ''}/${file.sfi ?? ''}`
    const state = { viaSfi: file.sfi !== undefined && (options.preferSfi === true || file.fid === undefined) }
    const before = { ...totals }
    const budget = { left: maxRecoveries }
    current = undefined // always select: another application may have changed the current EF
    if (!state.viaSfi) await select(file, key, budget)

    // With extended length the first READ BINARY asks for a whole chunk: the file usually comes back
    // complete in that one answer, and its TLV header tells whether anything is left to read.
    const whole = chunk > 256
    const head = await readAt(file, key, state, 0, whole ? chunk : headerBytes, budget, whole)
    let total: number
    try {
      const h = decodeTlvHeader(head)
      total = h.headerLength + h.length
    } catch (e) {
      throw isAppError(e) ? chipDataInvalid(`${file.label}: unreadable TLV header`) : e
    }
    if (total > maxFileSize) throw chipDataInvalid(`${file.label}: declared size too large`, { total })
    const data = new Uint8Array(total)
    let received = Math.min(head.length, total)
    data.set(head.subarray(0, received))
    readOptions.onChunk?.(data.subarray(0, received), { received, total })
    while (received < total) {
      const part = await readAt(file, key, state, received, total - received, budget)
      data.set(part, received)
      readOptions.onChunk?.(part, { received: received + part.length, total })
      received += part.length
    }
    return { data, stats: diffStats(totals, before), chunkSize: chunk }
  }

  // One command at a time: concurrent readFile calls would interleave and break the SSC.
  let queue: Promise<unknown> = Promise.resolve()
  function serialised(ref: FileRef | number, readOptions?: ReadFileOptions): Promise<ReadFileResult> {
    const run = queue.then(() => readFile(ref, readOptions))
    queue = run.catch(() => undefined)
    return run
  }

  function command(cmd: CommandApdu): Promise<SecureResponse> {
    const run = queue.then(async () => {
      try {
        return await sendSecure(cmd)
      } catch (e) {
        if (e instanceof TransportGlitch) throw cardRemoved(e.reason)
        throw e
      }
    })
    queue = run.catch(() => undefined)
    return run
  }

  channel = await authenticate()
  return {
    kind: access.protocol === 'BAC' ? 'bac' : 'pace',
    command,
    restartSecureMessaging: (next) => {
      channel = next
      current = undefined
    },
    readFile: serialised,
    stats: () => ({ ...totals }),
    chunkSize: () => chunk
  }
}
