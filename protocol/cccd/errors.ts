import { AppError } from '../../contract/errors'

/**
 * The errors the CCCD decoders raise. Vietnamese for the clerk, English for logs; `details` carries
 * only structural facts (field numbers, reason codes, positions), never the personal data itself.
 */

export function chipFieldInvalid(field: number | null, fieldLabelVi: string, reasonEn: string): AppError {
  const where = field === null ? '' : ` (trường số ${field})`
  return new AppError(
    'CHIP_DATA_INVALID',
    `Dữ liệu chip không hợp lệ ở mục ${fieldLabelVi}${where}. Hãy đặt lại thẻ lên đầu đọc và thử lại; nếu vẫn lỗi, nhập tay mục này.`,
    `DG13 invalid${field === null ? '' : ` at field ${field}`}: ${reasonEn}`,
    { file: 'DG13', field }
  )
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
  reasonVi: string,
  reasonEn: string,
  field?: number
): AppError {
  return new AppError(
    'QR_INVALID',
    `Mã QR không phải mã QR của thẻ căn cước: ${reasonVi}`,
    `Not a CCCD QR code: ${reasonEn}`,
    field === undefined ? { reason } : { reason, field }
  )
}
