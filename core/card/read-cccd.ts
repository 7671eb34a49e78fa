import { AppError, isAppError } from '../../contract/errors'
import type { Identity } from '../../contract/identity'
import type { PassiveAuthValue, ReadStep } from '../../contract/reading'
// Direct modules, not the protocol/icao barrel: the barrel also carries passive authentication (pkijs),
// which is imported on demand below.
import { LDS_FILES } from '../../protocol/icao/lds/files'
import { parseDg2 } from '../../protocol/icao/lds/dg2'
import type { MrzInfo } from '../../protocol/icao/mrz'
import { openBac, type IcaoSession, type SessionOptions, type Transmit } from '../../protocol/icao/session'
import { theoreticalMinApdus } from '../../protocol/icao/chunking'
import { decodeDg13 } from '../../protocol/cccd'
import type { verifyPassiveAuth } from '../../protocol/icao/pa/passive-auth'

export interface ChipKeyInput {
  /** BAC MRZ information strings (24 characters), most likely first. */
  mrzInfo: readonly string[]
  /** PACE card access number (not used until PACE lands; kept so callers need not change). */
  can: string | null
}

export interface ReadCccdOptions {
  includePhoto?: boolean
  cscaCertificates?: readonly Uint8Array[]
  session?: SessionOptions
  /** Monotonic milliseconds (performance.now by default). */
  now?: () => number
  onProgress?: (step: ReadStep, percent: number) => void
  /** DG13 decoded: the caller fills the form before the photo is read. */
  onIdentity?: (identity: Identity) => void
  /** DG1 + DG13 checked against EF.SOD, before the photo is read. */
  onVerified?: (pa: PassiveAuthValue) => void
}

export interface CccdReadResult {
  identity: Identity
  chip: {
    accessControl: 'BAC'
    dataGroups: number[]
    passiveAuthentication: PassiveAuthValue
    mrzInfoUsed: string
  }
  photo: { mime: string; bytes: Uint8Array } | null
  timings: { authMs: number; identityMs: number; totalMs: number }
  apdus: number
  bytesRead: number
  chunkSize: number
  /** Fewest APDUs the files read could take at this chunk size (BAC included): the benchmark's yardstick. */
  minimumApdus: number
}

const BAC_APDUS = 3 // SELECT AID, GET CHALLENGE, EXTERNAL AUTHENTICATE

/** Splits a 24-character MRZ information string into the parts BAC derives its keys from. */
export function parseMrzInfo(info: string): MrzInfo {
  if (!/^[0-9A-Z<]{9}\d[0-9<]{6}\d[0-9<]{6}\d$/.test(info)) {
    throw new AppError(
      'VALIDATION',
      'Thông tin mở khoá chip không đúng dạng.',
      'MRZ information must be 24 characters'
    )
  }
  return {
    documentNumber: info.slice(0, 9),
    dateOfBirth: info.slice(10, 16),
    dateOfExpiry: info.slice(17, 23)
  }
}

function toPaValue(r: ReturnType<typeof verifyPassiveAuth>): PassiveAuthValue {
  return {
    status: r.status,
    dataGroupHashes: r.dataGroupHashes,
    signature: r.signature,
    chain: r.chain,
    signerSubject: r.signerSubject
  }
}

/** Tries each candidate key (expiry unknown → a few candidates); the wrong ones are refused by the chip. */
async function authenticate(
  transmit: Transmit,
  keys: ChipKeyInput,
  session: SessionOptions
): Promise<{ session: IcaoSession; mrzInfo: string; failedApdus: number }> {
  if (keys.mrzInfo.length === 0) {
    throw new AppError(
      'BAC_DENIED',
      'Chưa có thông tin để mở khoá chip: hãy quét mã QR trên thẻ hoặc nhập số CCCD và ngày sinh.',
      'No chip key available'
    )
  }
  let apdus = 0
  for (const info of keys.mrzInfo) {
    try {
      const s = await openBac(transmit, parseMrzInfo(info), session)
      return { session: s, mrzInfo: info, failedApdus: apdus }
    } catch (e) {
      if (isAppError(e) && e.code === 'BAC_DENIED') {
        apdus += BAC_APDUS
        continue
      }
      throw e
    }
  }
  throw new AppError(
    'BAC_DENIED',
    'Sai thông tin mở khoá chip (số CCCD, ngày sinh hoặc ngày hết hạn không khớp với thẻ). Hãy quét lại mã QR của đúng thẻ này.',
    'BAC refused every candidate key'
  )
}

/**
 * Reads a CCCD chip in the order that gets the clerk a filled form soonest: authenticate, DG13 (identity),
 * DG1 + EF.SOD (passive authentication of what was read), and the photo (DG2) last.
 */
export async function readCccd(
  transmit: Transmit,
  keys: ChipKeyInput,
  options: ReadCccdOptions = {}
): Promise<CccdReadResult> {
  const now = options.now ?? (() => performance.now())
  const progress = options.onProgress ?? (() => undefined)
  const start = now()
  const read = new Map<number, Uint8Array>()

  progress('auth', 5)
  // Reading by short EF identifier selects and reads in one APDU, which pays for the header read
  // that learns each file's length: a file costs exactly SELECT + its full chunks.
  const auth = await authenticate(transmit, keys, { preferSfi: true, ...options.session })
  const session = auth.session
  const authMs = now() - start

  progress('dg13', 15)
  const dg13 = await session.readFile(LDS_FILES.DG13)
  read.set(13, dg13.data)
  const { identity } = decodeDg13(dg13.data)
  const identityMs = now() - start
  options.onIdentity?.(identity)

  progress('dg1', 35)
  read.set(1, (await session.readFile(LDS_FILES.DG1)).data)
  progress('sod', 45)
  let sod: Uint8Array | undefined
  try {
    sod = (await session.readFile(LDS_FILES.SOD)).data
  } catch (e) {
    // A chip without EF.SOD cannot be verified; the identity is still usable, marked unchecked.
    if (!(isAppError(e) && e.code === 'FILE_NOT_FOUND')) throw e
  }
  const cscaCertificates = options.cscaCertificates ?? []
  // pkijs/asn1js (~0.15 s to load) come with the first chip read, not with every app start.
  const { verifyPassiveAuth } = await import('../../protocol/icao/pa/passive-auth')
  let pa = toPaValue(verifyPassiveAuth({ sod, dataGroups: read, cscaCertificates }))
  options.onVerified?.(pa)

  let photo: CccdReadResult['photo'] = null
  if (options.includePhoto !== false) {
    progress('dg2', 55)
    const dg2 = await session.readFile(LDS_FILES.DG2, {
      onChunk: (_c, p) => progress('dg2', 55 + Math.round((45 * p.received) / Math.max(1, p.total)))
    })
    read.set(2, dg2.data)
    const face = parseDg2(dg2.data)
    photo = { mime: face.mime, bytes: face.image }
    pa = toPaValue(verifyPassiveAuth({ sod, dataGroups: read, cscaCertificates }))
  }
  progress('dg2', 100)

  const stats = session.stats()
  const chunk = session.chunkSize()
  const bytesRead = [...read.values()].reduce((n, b) => n + b.length, 0) + (sod?.length ?? 0)
  const files = [...read.values(), ...(sod ? [sod] : [])]
  return {
    identity,
    chip: {
      accessControl: 'BAC',
      dataGroups: [...read.keys()].sort((a, b) => a - b),
      passiveAuthentication: pa,
      mrzInfoUsed: auth.mrzInfo
    },
    photo,
    timings: { authMs, identityMs, totalMs: now() - start },
    apdus: stats.apdus + auth.failedApdus,
    bytesRead,
    chunkSize: chunk,
    minimumApdus: BAC_APDUS + files.reduce((n, f) => n + theoreticalMinApdus(f.length, chunk), 0)
  }
}
