import { randomBytes } from 'node:crypto'
import { AppError, isAppError } from '../../contract/errors'
import type { Identity } from '../../contract/identity'
import type { AntiCloneValue, ChipTrust, PassiveAuthValue, ReadStep } from '../../contract/reading'
import {
  choosePaceInfo,
  internalAuthenticate,
  isKeyRefused,
  isPaceUnavailable,
  isSuccess,
  LDS_FILES,
  openSession,
  performChipAuthentication,
  planChipAuthentication,
  selectAid,
  paceSuite,
  caSuite,
  parseDg2,
  parseSecurityInfos,
  preparePassiveAuth,
  readCardAccessInfos,
  suiteName,
  theoreticalMinApdus,
  verifyActiveAuthentication,
  decodeSingleTlv,
  type IcaoSession,
  type MrzInfo,
  type PassiveAuthResult,
  type SecurityInfos,
  type SessionOptions,
  type Transmit
} from '../../protocol/icao'
import { decodeDg13 } from '../../protocol/cccd'

export interface ChipKeyInput {
  /** BAC MRZ information strings (24 characters), most likely first. */
  mrzInfo: readonly string[]
  /** PACE card access number: the last 6 digits of the ID number. */
  can: string | null
}

export interface ReadCccdOptions {
  includePhoto?: boolean
  cscaCertificates?: readonly Uint8Array[]
  session?: SessionOptions
  /** Monotonic milliseconds (performance.now by default). */
  now?: () => number
  /** Source of the Active Authentication challenge (node:crypto by default). */
  random?: (n: number) => Uint8Array
  onProgress?: (step: ReadStep, percent: number) => void
  /** DG13 decoded: the caller fills the form before the photo is read. */
  onIdentity?: (identity: Identity) => void
  /** DG1 + DG13 checked against EF.SOD and the anti-clone check done, before the photo is read. */
  onVerified?: (pa: PassiveAuthValue) => void
}

export interface CccdReadResult {
  identity: Identity
  chip: {
    accessControl: 'BAC' | 'PACE'
    /** e.g. "PACE-ECDH-GM-AES-128" or "BAC". */
    protocol: string
    dataGroups: number[]
    passiveAuthentication: PassiveAuthValue
    activeAuthentication: AntiCloneValue
    chipAuthentication: AntiCloneValue
    trust: ChipTrust
    /** DER of the document signer certificate (for the trust store's record of signers seen). */
    signerCertificate: Uint8Array | null
    signerIssuer: string | null
    mrzInfoUsed: string | null
  }
  photo: { mime: string; bytes: Uint8Array } | null
  timings: { authMs: number; identityMs: number; totalMs: number }
  apdus: number
  bytesRead: number
  chunkSize: number
  /** Fewest APDUs the files read could take at this chunk size (authentication included): the benchmark's yardstick. */
  minimumApdus: number
}

const BAC_APDUS = 3 // SELECT AID, GET CHALLENGE, EXTERNAL AUTHENTICATE
const PACE_APDUS = 7 // READ EF.CardAccess, MSE:Set AT, 4 × GENERAL AUTHENTICATE, SELECT AID

/** Splits a 24-character MRZ information string into the parts BAC derives its keys from. */
export function parseMrzInfo(info: string): MrzInfo {
  if (!/^[0-9A-Z<]{9}\d[0-9<]{6}\d[0-9<]{6}\d$/.test(info)) {
    throw AppError.of('VALIDATION', 'error.chipKey.inputInvalid').withDetail(
      'MRZ information must be 24 characters'
    )
  }
  return {
    documentNumber: info.slice(0, 9),
    dateOfBirth: info.slice(10, 16),
    dateOfExpiry: info.slice(17, 23)
  }
}

/** The three-state mark (plus 'unchecked' when there was nothing to check). */
export function chipTrustOf(pa: Pick<PassiveAuthResult, 'status' | 'chain'>): ChipTrust {
  if (pa.status === 'invalid') return 'altered'
  if (pa.status === 'unchecked') return 'unchecked'
  return pa.chain === 'trusted' ? 'verified' : 'intact'
}

interface Opened {
  session: IcaoSession
  protocol: 'BAC' | 'PACE'
  protocolName: string
  mrzInfo: string | null
  /** APDUs spent before the session that succeeded (CardAccess, refused keys, a PACE that fell back). */
  failedApdus: number
}

/**
 * PACE with the CAN when EF.CardAccess offers a PACE this reader runs; BAC otherwise, or when PACE is not usable
 * on this chip (refused MSE:Set AT, unsupported parameters). A CAN the chip refuses is final: the MRZ key comes
 * from the same ID number.
 */
async function authenticate(
  transmit: Transmit,
  keys: ChipKeyInput,
  session: SessionOptions
): Promise<Opened> {
  if (keys.mrzInfo.length === 0 && !keys.can)
    throw AppError.of('ACCESS_DENIED', 'chip.noKeys', undefined, { reason: 'no-keys' })
  let apdus = 0
  const counting: Transmit = (apdu) => {
    apdus++
    return transmit(apdu)
  }
  let paceError: unknown
  if (keys.can) {
    const infos = await readCardAccessInfos(counting)
    const info = infos ? choosePaceInfo(infos.pace) : undefined
    if (info) {
      try {
        const s = await openSession(
          counting,
          {
            protocol: 'PACE',
            password: { kind: 'can', can: keys.can },
            info,
            sendParameterId: infos!.pace.length > 1
          },
          session
        )
        const failed = apdus - s.stats().apdus
        return {
          session: s,
          protocol: 'PACE',
          protocolName: suiteName('PACE', paceSuite(info.protocol)!),
          mrzInfo: null,
          failedApdus: Math.max(0, failed)
        }
      } catch (e) {
        if (!isPaceUnavailable(e) || keys.mrzInfo.length === 0) throw e
        paceError = e
      }
    }
  }
  for (const info of keys.mrzInfo) {
    const before = apdus
    try {
      const s = await openSession(counting, { protocol: 'BAC', mrz: parseMrzInfo(info) }, session)
      return { session: s, protocol: 'BAC', protocolName: 'BAC', mrzInfo: info, failedApdus: before }
    } catch (e) {
      if (isKeyRefused(e)) continue
      throw paceError ?? e
    }
  }
  if (keys.mrzInfo.length === 0)
    throw AppError.of('ACCESS_DENIED', 'chip.noKeys', undefined, { reason: 'no-pace' })
  throw AppError.of(
    'ACCESS_DENIED',
    'chip.keyRefused',
    { protocol: 'BAC' },
    {
      protocol: 'BAC',
      reason: 'key-refused',
      candidates: keys.mrzInfo.length
    }
  )
}

function toPaValue(r: PassiveAuthResult): PassiveAuthValue {
  return {
    status: r.status,
    dataGroupHashes: r.dataGroupHashes,
    signature: r.signature,
    chain: r.chain,
    signerSubject: r.signerSubject
  }
}

/** DG14's SecurityInfos, or undefined when absent or unreadable (then AA assumes RSA / SHA-256 ECDSA). */
function dg14Infos(dg14: Uint8Array | undefined): SecurityInfos | undefined {
  if (!dg14) return undefined
  try {
    return parseSecurityInfos(decodeSingleTlv(dg14, 0x6e).value)
  } catch {
    return undefined
  }
}

async function activeAuthentication(
  session: IcaoSession,
  dg15: Uint8Array | undefined,
  infos: SecurityInfos | undefined,
  random: (n: number) => Uint8Array
): Promise<AntiCloneValue> {
  if (!dg15) return { status: 'absent', algorithm: null }
  const challenge = random(8)
  const answer = await session.command(internalAuthenticate(challenge))
  if (!isSuccess(answer.sw) || answer.data.length === 0) {
    // DG15 is covered by the SOD, so a chip that will not sign is not the chip the data was signed for.
    return { status: 'invalid', algorithm: null }
  }
  const r = verifyActiveAuthentication(
    dg15,
    challenge,
    answer.data,
    infos?.activeAuthentication?.signatureAlgorithm
  )
  return { status: r.status, algorithm: r.algorithm }
}

/**
 * Reads a CCCD chip in the order that gets the clerk a filled form soonest: authenticate, DG13 (identity),
 * DG1 + EF.SOD, DG14/DG15 and Active Authentication (is this the genuine chip?), and the photo (DG2) last.
 * EF.SOD is parsed and its signature checked once; the verdict is re-evaluated when the photo arrives.
 */
export async function readCccd(
  transmit: Transmit,
  keys: ChipKeyInput,
  options: ReadCccdOptions = {}
): Promise<CccdReadResult> {
  const now = options.now ?? (() => performance.now())
  const progress = options.onProgress ?? (() => undefined)
  const random = options.random ?? ((n: number) => new Uint8Array(randomBytes(n)))
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
  const prepared = preparePassiveAuth(sod, options.cscaCertificates ?? [])
  const listed = new Set(prepared.listedDataGroups)
  const optional = async (n: 14 | 15): Promise<Uint8Array | undefined> => {
    if (!listed.has(n)) return undefined
    try {
      const data = (await session.readFile(n === 14 ? LDS_FILES.DG14 : LDS_FILES.DG15)).data
      read.set(n, data)
      return data
    } catch (e) {
      // Listed in the SOD but not served: the hash check reports it as not read.
      if (isAppError(e) && (e.code === 'FILE_NOT_FOUND' || e.code === 'ACCESS_DENIED')) return undefined
      throw e
    }
  }
  const securityInfos = dg14Infos(await optional(14))
  const aa = await activeAuthentication(session, await optional(15), securityInfos, random)
  const ca = await chipAuthentication(session, securityInfos, random)

  const describe = (r: PassiveAuthResult): PassiveAuthValue => ({
    ...toPaValue(r),
    trust: chipTrustOf(r),
    accessControl: auth.protocol,
    activeAuthentication: aa,
    chipAuthentication: ca
  })
  let paResult = prepared.evaluate(read)
  options.onVerified?.(describe(paResult))

  let photo: CccdReadResult['photo'] = null
  // After a failed Chip Authentication the channel is gone, and the card is not the one its data belongs to.
  if (options.includePhoto !== false && ca.status !== 'invalid') {
    progress('dg2', 55)
    const dg2 = await session.readFile(LDS_FILES.DG2, {
      onChunk: (_c, p) => progress('dg2', 55 + Math.round((45 * p.received) / Math.max(1, p.total)))
    })
    read.set(2, dg2.data)
    const face = parseDg2(dg2.data)
    photo = { mime: face.mime, bytes: face.image }
    paResult = prepared.evaluate(read)
  }
  progress('dg2', 100)

  const stats = session.stats()
  const chunk = session.chunkSize()
  const files = [...read.values(), ...(sod ? [sod] : [])]
  const bytesRead = files.reduce((n, b) => n + b.length, 0)
  const authApdus = auth.protocol === 'PACE' ? PACE_APDUS : BAC_APDUS
  const aaApdus =
    (aa.status === 'absent' ? 0 : 1) + (ca.status === 'valid' || ca.status === 'invalid' ? 3 : 0)
  return {
    identity,
    chip: {
      accessControl: auth.protocol,
      protocol: auth.protocolName,
      dataGroups: [...read.keys()].sort((a, b) => a - b),
      passiveAuthentication: describe(paResult),
      activeAuthentication: aa,
      chipAuthentication: ca,
      trust: chipTrustOf(paResult),
      signerCertificate: prepared.signerCertificate ?? null,
      signerIssuer: prepared.signerIssuer,
      mrzInfoUsed: auth.mrzInfo
    },
    photo,
    timings: { authMs, identityMs, totalMs: now() - start },
    apdus: stats.apdus + auth.failedApdus,
    bytesRead,
    chunkSize: chunk,
    minimumApdus: authApdus + aaApdus + files.reduce((n, f) => n + theoreticalMinApdus(f.length, chunk), 0)
  }
}

/**
 * Chip Authentication when DG14 offers one this reader runs: new session keys from the chip's static DG14 key,
 * then one command under them. A chip without the private key cannot answer it (SM error or bad MAC).
 */
async function chipAuthentication(
  session: IcaoSession,
  infos: SecurityInfos | undefined,
  random: (n: number) => Uint8Array
): Promise<AntiCloneValue> {
  if (!infos || infos.chipAuthentication.length === 0) return { status: 'absent', algorithm: null }
  const algorithm = suiteName('CA', caSuiteOf(infos))
  const plan = planChipAuthentication(infos)
  if (!plan) return { status: 'unchecked', algorithm }
  try {
    const next = await performChipAuthentication((c) => session.command(c), plan, random)
    session.restartSecureMessaging(next)
    const probe = await session.command(selectAid())
    return { status: isSuccess(probe.sw) ? 'valid' : 'invalid', algorithm }
  } catch (e) {
    // Answers under the new keys that do not verify: the chip lacks the DG14 private key.
    if (isAppError(e) && e.code === 'SM_MAC_INVALID') return { status: 'invalid', algorithm }
    // A refused or malformed exchange says nothing about cloning (reader/chip mismatch): no verdict.
    if (isAppError(e) && e.code === 'CHIP_DATA_INVALID') return { status: 'unchecked', algorithm }
    throw e
  }
}

function caSuiteOf(infos: SecurityInfos) {
  const oid = infos.chipAuthentication[0]!.protocol
  return (
    caSuite(oid) ?? {
      oid,
      mapping: 'none' as const,
      agreement: 'ECDH' as const,
      cipher: 'AES' as const,
      keyBits: 128 as const
    }
  )
}
