/**
 * Pure decoders for the Vietnamese citizen ID card (CCCD 2021 / Căn cước 2024): DG13, the QR code,
 * keyboard-wedge damage, chip keys (BAC MRZ information, PACE CAN) and ID-number checks.
 * Bytes or text in, contract values out; no I/O, no clock.
 */
export { decodeDg13, type Dg13Decoded, type Dg13ExtraField } from './dg13'
export { encodeDg13, slashDate, type Dg13EncodeOptions } from './dg13-encode'
export {
  DG13_FIELD,
  DG13_FIELD_LABEL_VI,
  CAN_CUOC_LAW_START,
  cardGeneration,
  cardFieldLabels,
  type CardGeneration,
  type CardFieldLabels
} from './dg13-fields'
export { parseCccdQr, encodeCccdQr, type QrDecoded } from './qr'
export { detectScanDamage, scanDamagedError, type ScanDamage, type ScanDamageKind } from './scan-damage'
export {
  deriveChipKeys,
  mrzInformation,
  cardExpiry,
  expiryCandidates,
  NO_EXPIRY_MRZ,
  type ChipKeys,
  type CardExpiry,
  type ExpiryCandidateOptions
} from './chip-keys'
export { checkIdNumber, decodeIdNumber, isIdNumber, type IdNumberParts } from './id-number'
export type { CccdWarning, CccdWarningCode } from './warnings'
export type { QrInvalidReason } from './errors'
