import { asciiBytes, asciiString, concat } from '../bytes'
import { chipDataInvalid } from '../errors'
import { decodeSingleTlv, decodeTlvList, encodeTlv, findTlv, requireTlv } from '../tlv'
import { dataGroupFile, dataGroupForTag } from './files'

/** EF.COM (tag 60): LDS version, Unicode version and the list of data groups present. */
export interface EfCom {
  /** e.g. "1.7" from "0107". */
  ldsVersion: string
  /** e.g. "4.0.0" from "040000". */
  unicodeVersion: string
  /** Data group numbers in the order listed (CCCD: 1, 2, 3, 13, 15, 14). */
  dataGroups: number[]
  /** Tags not mapped to a data group (kept so nothing is silently lost). */
  unknownTags: number[]
}

function dotted(text: string, groups: number): string {
  if (!new RegExp(`^\\d{${groups * 2}}$`).test(text)) throw chipDataInvalid('EF.COM: bad version field')
  const parts: number[] = []
  for (let i = 0; i < groups; i++) parts.push(parseInt(text.slice(i * 2, i * 2 + 2), 10))
  return parts.join('.')
}

export function parseEfCom(bytes: Uint8Array): EfCom {
  const root = decodeSingleTlv(bytes, 0x60)
  const children = decodeTlvList(root.value)
  const lds = requireTlv(children, 0x5f01, 'EF.COM')
  const unicode = findTlv(children, 0x5f36)
  const list = requireTlv(children, 0x5c, 'EF.COM')
  const dataGroups: number[] = []
  const unknownTags: number[] = []
  for (const tag of list.value) {
    const dg = dataGroupForTag(tag)
    if (dg === undefined) unknownTags.push(tag)
    else dataGroups.push(dg)
  }
  return {
    ldsVersion: dotted(asciiString(lds.value), 2),
    unicodeVersion: unicode ? dotted(asciiString(unicode.value), 3) : '',
    dataGroups,
    unknownTags
  }
}

/** Builds EF.COM for the given data groups (CCCD order: 1, 2, 3, 13, 15, 14). For fixtures and the virtual chip. */
export function buildEfCom(
  dataGroups: readonly number[],
  ldsVersion = '0107',
  unicodeVersion = '040000'
): Uint8Array {
  return encodeTlv(
    0x60,
    concat(
      encodeTlv(0x5f01, asciiBytes(ldsVersion)),
      encodeTlv(0x5f36, asciiBytes(unicodeVersion)),
      encodeTlv(0x5c, Uint8Array.from(dataGroups.map((n) => dataGroupFile(n).tag)))
    )
  )
}
