import { encodeCommandApdu, isSuccess, parseResponseApdu, readBinary, readBinarySfi } from '../apdu'
import { concat } from '../bytes'
import { decodeTlvHeader } from '../tlv'
import type { Transmit } from '../session'
import { parseSecurityInfos, type SecurityInfos } from './security-infos'

const CARD_ACCESS_SFI = 0x1c

/**
 * Reads EF.CardAccess from the master file without secure messaging (READ BINARY by short EF identifier,
 * so no SELECT is needed). Undefined when the chip has none or refuses: such a chip offers BAC only.
 */
export async function readCardAccess(transmit: Transmit): Promise<Uint8Array | undefined> {
  const first = parseResponseApdu(await transmit(encodeCommandApdu(readBinarySfi(CARD_ACCESS_SFI, 0, 256))))
  if (!isSuccess(first.sw) || first.data.length < 2) return undefined
  let data = first.data
  let total: number
  try {
    const h = decodeTlvHeader(data)
    total = h.headerLength + h.length
  } catch {
    return undefined
  }
  while (data.length < total && data.length <= 0x7fff) {
    const more = parseResponseApdu(
      await transmit(encodeCommandApdu(readBinary(data.length, Math.min(256, total - data.length))))
    )
    if (!isSuccess(more.sw) || more.data.length === 0) return undefined
    data = concat(data, more.data)
  }
  return data.subarray(0, total)
}

/** EF.CardAccess parsed; undefined when absent or unreadable. */
export async function readCardAccessInfos(transmit: Transmit): Promise<SecurityInfos | undefined> {
  const bytes = await readCardAccess(transmit)
  if (!bytes) return undefined
  try {
    return parseSecurityInfos(bytes)
  } catch {
    return undefined
  }
}
