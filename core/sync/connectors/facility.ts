import { AppError } from '../../../contract/errors'
import type { Submission } from '../../../contract/submission'

/** Every target keys records by the facility's 5-character BHXH code (MA_CSKCB); without it nothing can go. */
export function requireFacilityCode(sub: Submission): string {
  const code = sub.facility.code
  if (!code || !/^[0-9A-Za-z]{5}$/.test(code)) {
    throw AppError.of('CONFIG_INVALID', 'error.config.facilityCode')
  }
  return code
}
