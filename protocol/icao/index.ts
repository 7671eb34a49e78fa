/**
 * ICAO 9303 reader-side protocol layer: pure code (bytes in, values out) plus a session that talks
 * through an injected `transmit`. See docs/adr/0003-icao-protocol.md.
 */

// Bytes and TLV
export { hex, fromHex, concat, equalBytes } from './bytes'
export {
  decodeTlv,
  decodeTlvHeader,
  decodeTlvList,
  decodeTlvTree,
  decodeSingleTlv,
  encodeTlv,
  encodeConstructed,
  encodeLength,
  encodeTag,
  findTlv,
  requireTlv,
  tlvSize,
  MAX_TLV_DEPTH,
  type Tlv,
  type TlvHeader
} from './tlv'

// APDUs
export {
  encodeCommandApdu,
  parseResponseApdu,
  needsExtendedLength,
  isSuccess,
  exactLengthHint,
  swHex,
  selectAid,
  selectEf,
  readBinary,
  readBinarySfi,
  getChallenge,
  externalAuthenticate,
  SW,
  ICAO_AID,
  SHORT_LE_MAX,
  EXTENDED_LE_MAX,
  type CommandApdu,
  type ResponseApdu
} from './apdu'

// BAC and secure messaging
export { mrzCheckDigit, mrzInformation, type MrzInfo } from './mrz'
export {
  deriveBacKeys,
  bacKeysFromSeed,
  buildMutualAuthData,
  completeMutualAuth,
  type BacKeys,
  type BacSessionKeys
} from './bac'
export type { SecureChannel, SecureResponse, SmCipherSuite } from './sm/secure-channel'
export { createSecureChannel } from './sm/messaging'
export { createTdesChannel, tdesSuite } from './sm/tdes-suite'

// Session over a transport
export {
  openBac,
  type Transmit,
  type FileRef,
  type SessionOptions,
  type IcaoSession,
  type ReadFileOptions,
  type ReadFileResult,
  type ReadProgress,
  type TransferStats
} from './session'
export {
  theoreticalMinApdus,
  plannedApdus,
  chunkLadderBelow,
  CHUNK_LADDER,
  DEFAULT_MAX_CHUNK,
  DEFAULT_HEADER_BYTES
} from './chunking'

// LDS
export { LDS_FILES, dataGroupFile, dataGroupForTag, type LdsFile } from './lds/files'
export { parseEfCom, buildEfCom, type EfCom } from './lds/com'
export { parseDg1, parseMrz, buildDg1, type MrzFields } from './lds/mrz-parse'
export { parseDg2, buildDg2, sniffImage, type FaceImage, type FaceImageMime } from './lds/dg2'
export { parseRawDataGroup, type RawDataGroup } from './lds/raw'

// Passive authentication
export { parseSod, type ParsedSod } from './pa/sod'
export {
  verifyPassiveAuth,
  preparePassiveAuth,
  type PreparedPassiveAuth,
  hashBytes,
  type PassiveAuthInput,
  type PassiveAuthResult,
  type DataGroupHashStatus
} from './pa/passive-auth'
export { buildSod, type BuildSodInput } from './pa/build-sod'
export type { HashName } from './pa/algorithms'

// PACE, AES secure messaging, SecurityInfos
export { openSession, type AccessKey } from './session'
export { performPace, choosePaceInfo, type PacePassword, type PaceKeys } from './pace/pace'
export { readCardAccess, readCardAccessInfos } from './pace/card-access'
export {
  parseSecurityInfos,
  OIDS as SECURITY_INFO_OIDS,
  type SecurityInfos,
  type PaceInfo,
  type ChipAuthenticationInfo,
  type ChipAuthenticationPublicKeyInfo,
  type ActiveAuthenticationInfo
} from './pace/security-infos'
export { paceSuite, caSuite, suiteName, type ProtocolSuite } from './pace/algorithms'
export { createAesChannel, aesSuite } from './sm/aes-suite'
export { keyRefused, isKeyRefused, isPaceUnavailable } from './errors'

// Active Authentication
export {
  internalAuthenticate,
  verifyActiveAuthentication,
  type AntiCloneResult,
  type AntiCloneStatus
} from './aa/active-auth'
export { parseTrustAnchors, type TrustAnchor } from './pa/trust-anchors'
export { planChipAuthentication, performChipAuthentication, type ChipAuthPlan } from './ca/chip-auth'
