import { AppError, isAppError } from '../../contract/errors'

export { AppError, isAppError }

/**
 * The errors the ICAO layer raises, with the clerk-facing Vietnamese message in one place.
 * `details` never carries personal data (no MRZ, no file contents), only protocol facts.
 */

export function chipDataInvalid(reasonEn: string, details?: unknown): AppError {
  return new AppError(
    'CHIP_DATA_INVALID',
    'Dữ liệu đọc từ chip không hợp lệ. Hãy đặt lại thẻ lên đầu đọc và thử lại.',
    `Chip data invalid: ${reasonEn}`,
    details
  )
}

export function smMacInvalid(reasonEn: string, details?: unknown): AppError {
  return new AppError(
    'SM_MAC_INVALID',
    'Kênh bảo mật với chip bị lỗi (sai mã xác thực). Hãy đặt lại thẻ lên đầu đọc và thử lại.',
    `Secure messaging failed: ${reasonEn}`,
    details
  )
}

export function bacDenied(details?: unknown): AppError {
  return new AppError(
    'BAC_DENIED',
    'Sai thông tin mở khoá chip (số CCCD, ngày sinh hoặc ngày hết hạn). Hãy kiểm tra lại thông tin trên thẻ.',
    'BAC denied: the chip rejected the MRZ-derived key (document number, date of birth or expiry is wrong)',
    details
  )
}

export function fileNotFound(fileLabel: string): AppError {
  return new AppError(
    'FILE_NOT_FOUND',
    `Chip không có tệp ${fileLabel}.`,
    `File not found on the chip: ${fileLabel}`,
    { file: fileLabel }
  )
}

export function accessDenied(fileLabel: string, sw: string): AppError {
  return new AppError(
    'ACCESS_DENIED',
    `Chip không cho phép đọc tệp ${fileLabel}.`,
    `Access to ${fileLabel} denied by the chip (SW ${sw})`,
    { file: fileLabel, sw }
  )
}

export function cardRemoved(reasonEn: string): AppError {
  return new AppError(
    'CARD_REMOVED',
    'Thẻ đã bị nhấc khỏi đầu đọc trong khi đang đọc. Hãy đặt lại thẻ và giữ yên.',
    `Card removed during the read: ${reasonEn}`
  )
}

export function invalidKeyInput(reasonEn: string): AppError {
  return new AppError(
    'VALIDATION',
    'Thông tin mở khoá chip không đúng định dạng (số giấy tờ, ngày sinh YYMMDD, ngày hết hạn YYMMDD).',
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
