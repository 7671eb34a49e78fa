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

/** The chip refused the access key (BAC mutual authentication or the PACE token): ACCESS_DENIED with the protocol. */
export function keyRefused(protocol: 'BAC' | 'PACE', details: Record<string, unknown> = {}): AppError {
  return AppError.of(
    'ACCESS_DENIED',
    'chip.keyRefused',
    { protocol },
    { protocol, reason: 'key-refused', ...details }
  )
}

/** True for an AppError raised by {@link keyRefused}. */
export function isKeyRefused(e: unknown): boolean {
  return (
    isAppError(e) &&
    (e.code === 'BAC_DENIED' ||
      (e.code === 'ACCESS_DENIED' &&
        (e.details as { reason?: string } | undefined)?.reason === 'key-refused'))
  )
}

/** PACE could not run for a reason that is not the password (unsupported parameters, refused MSE): try BAC. */
export function paceUnavailable(stage: string, details: Record<string, unknown> = {}): AppError {
  return chipDataInvalid(`PACE not available (${stage})`, {
    protocol: 'PACE',
    stage,
    fallback: true,
    ...details
  })
}

export function isPaceUnavailable(e: unknown): boolean {
  return isAppError(e) && (e.details as { fallback?: boolean } | undefined)?.fallback === true
}
