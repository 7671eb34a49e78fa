import { chipDataInvalid } from '../errors'
import { decodeSingleTlv } from '../tlv'
import { dataGroupFile } from './files'

/**
 * Data groups the app keeps as bytes (DG14 security infos, DG15 AA public key, DG13 before the
 * CCCD decoder): only the outer TLV is checked, so a truncated or foreign file is caught early.
 */
export interface RawDataGroup {
  dg: number
  tag: number
  /** The whole file (what EF.SOD hashes). */
  bytes: Uint8Array
  /** The content inside the outer tag. */
  value: Uint8Array
}

export function parseRawDataGroup(dg: number, bytes: Uint8Array): RawDataGroup {
  const expected = dataGroupFile(dg).tag
  const tlv = decodeSingleTlv(bytes)
  if (tlv.tag !== expected)
    throw chipDataInvalid(`DG${dg}: outer tag ${tlv.tag.toString(16)} is not ${expected.toString(16)}`)
  return { dg, tag: tlv.tag, bytes, value: tlv.value }
}
