import { AppError } from '../../contract/errors'
import type { MessageKey } from '../../contract/messages'

/**
 * The errors the CCCD decoders raise; their texts are in the message catalogue. `details` and the English
 * detail carry only structural facts (field numbers, reason codes, positions), never the personal data itself.
 */

export function chipFieldInvalid(field: number | null, reasonEn: string): AppError {
  const detail = `DG13 invalid${field === null ? '' : ` at field ${field}`}: ${reasonEn}`
  const details = { file: 'DG13', field }
  if (field === null)
    return AppError.of(
      'CHIP_DATA_INVALID',
      'error.CHIP_DATA_INVALID.structure',
      undefined,
      details
    ).withDetail(detail)
  const label = field >= 1 && field <= 15 ? `label.dg13.${field}` : 'label.dg13.other'
  return AppError.of(
    'CHIP_DATA_INVALID',
    'error.CHIP_DATA_INVALID.field',
    { field, label },
    details
  ).withDetail(detail)
}

/** Why a scanned text was rejected as a CCCD QR code. */
export type QrInvalidReason =
  | 'EMPTY'
  | 'URL'
  | 'JSON'
  | 'LABELLED'
  | 'BHYT_CARD'
  | 'NOT_PIPE_SEPARATED'
  | 'TOO_FEW_FIELDS'
  | 'BAD_ID_NUMBER'
  | 'EMPTY_NAME'
  | 'BAD_BIRTH_DATE'
  | 'BAD_SEX'
  | 'BAD_ISSUE_DATE'
  | 'TOO_LONG'

export function qrInvalid(
  reason: QrInvalidReason,
  reasonEn: string,
  field?: number,
  params?: { count: number; min: number }
): AppError {
  const reasonKey: MessageKey = `qr.reason.${reason}`
  return AppError.of(
    'QR_INVALID',
    undefined,
    { reason: reasonKey, ...params },
    field === undefined ? { reason } : { reason, field }
  ).withDetail(`Not a CCCD QR code: ${reasonEn}`)
}
