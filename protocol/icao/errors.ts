import { AppError, isAppError } from '../../contract/errors'

export { AppError, isAppError }

/**
 * The errors the ICAO layer raises; their clerk-facing texts are in the message catalogue (contract/messages).
 * `details` and the technical English detail never carry personal data (no MRZ, no file contents), only protocol facts.
 */

export function chipDataInvalid(reasonEn: string, details?: unknown): AppError {
  return AppError.of('CHIP_DATA_INVALID', undefined, undefined, details).withDetail(
    `Chip data invalid: ${reasonEn}`
  )
}

export function smMacInvalid(reasonEn: string, details?: unknown): AppError {
  return AppError.of('SM_MAC_INVALID', undefined, undefined, details).withDetail(
    `Secure messaging failed: ${reasonEn}`
  )
}

export function bacDenied(details?: unknown): AppError {
  return AppError.of('BAC_DENIED', undefined, undefined, details).withDetail(
    'BAC denied: the chip rejected the MRZ-derived key (document number, date of birth or expiry is wrong)'
  )
}

export function fileNotFound(fileLabel: string): AppError {
  return AppError.of('FILE_NOT_FOUND', undefined, { file: fileLabel }, { file: fileLabel })
}

export function accessDenied(fileLabel: string, sw: string): AppError {
  return AppError.of('ACCESS_DENIED', undefined, { file: fileLabel }, { file: fileLabel, sw }).withDetail(
    `SW ${sw}`
  )
}

export function cardRemoved(reasonEn: string): AppError {
  return AppError.of('CARD_REMOVED').withDetail(`Card removed during the read: ${reasonEn}`)
}

export function invalidKeyInput(reasonEn: string): AppError {
  return AppError.of('VALIDATION', 'error.chipKey.inputInvalid').withDetail(
    `Invalid BAC key input: ${reasonEn}`
  )
}
