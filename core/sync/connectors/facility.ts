import { AppError } from '../../../contract/errors'
import type { Submission } from '../../../contract/submission'

/** Every target keys records by the facility's 5-character BHXH code (MA_CSKCB); without it nothing can go. */
export function requireFacilityCode(sub: Submission): string {
  const code = sub.facility.code
  if (!code || !/^[0-9A-Za-z]{5}$/.test(code)) {
    throw new AppError(
      'CONFIG_INVALID',
      'Chưa cấu hình mã cơ sở khám chữa bệnh (MA_CSKCB, 5 ký tự). Hãy báo bộ phận CNTT.',
      'facility code (MA_CSKCB, 5 characters) is not configured'
    )
  }
  return code
}
