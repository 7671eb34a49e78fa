import { chipDataInvalid } from '../errors'
import { decodeTlv, tlvSize, type Tlv } from '../tlv'

/**
 * A small DER reader over the project's strict TLV decoder, for the few fixed CMS/X.509 paths passive
 * authentication needs. It keeps every element's original bytes (signed attributes and certificates are
 * verified as they were encoded on the chip) and costs a fraction of a full schema parse.
 */

export interface DerNode extends Tlv {
  /** Tag, length and value exactly as encoded. */
  der: Uint8Array
}

export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  oid: 0x06,
  sequence: 0x30,
  set: 0x31
} as const

export function node(bytes: Uint8Array, offset = 0): DerNode {
  const tlv = decodeTlv(bytes, offset)
  return { ...tlv, der: bytes.subarray(offset, offset + tlvSize(tlv)) }
}

/** The elements of a constructed node, in order. */
export function children(parent: DerNode): DerNode[] {
  if (!parent.constructed) throw chipDataInvalid('DER: expected a constructed element')
  const out: DerNode[] = []
  let at = 0
  while (at < parent.value.length) {
    const child = node(parent.value, at)
    out.push(child)
    at += child.der.length
  }
  return out
}

export function expectTag(n: DerNode | undefined, tag: number, what: string): DerNode {
  if (!n || n.tag !== tag) throw chipDataInvalid(`DER: ${what} missing`)
  return n
}

/** Dotted form of an OBJECT IDENTIFIER's content bytes. */
export function oidText(n: DerNode | undefined, what = 'OID'): string {
  const v = expectTag(n, TAG.oid, what).value
  if (v.length === 0 || (v[v.length - 1]! & 0x80) !== 0) throw chipDataInvalid(`DER: bad ${what}`)
  const arcs: number[] = []
  let value = 0
  for (const b of v) {
    value = value * 128 + (b & 0x7f)
    if (value > Number.MAX_SAFE_INTEGER / 128) throw chipDataInvalid(`DER: ${what} arc too large`)
    if ((b & 0x80) === 0) {
      if (arcs.length === 0)
        arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80)
      else arcs.push(value)
      value = 0
    }
  }
  return arcs.join('.')
}

/** A small non-negative INTEGER (versions, data group numbers, salt lengths). */
export function smallInt(n: DerNode | undefined, what: string): number {
  const v = expectTag(n, TAG.integer, what).value
  if (v.length === 0 || v.length > 4 || (v[0]! & 0x80) !== 0) throw chipDataInvalid(`DER: bad ${what}`)
  return v.reduce((acc, b) => acc * 256 + b, 0)
}

/** AlgorithmIdentifier: the OID and the DER of its parameters, if any. */
export function algorithmOf(n: DerNode | undefined, what: string): { oid: string; params?: DerNode } {
  const [oid, params] = children(expectTag(n, TAG.sequence, what))
  return params ? { oid: oidText(oid, what), params } : { oid: oidText(oid, what) }
}

/** Context-specific tag number of a node ([0] → 0), or -1 for other classes. */
export function contextTag(n: DerNode): number {
  const first = n.der[0]!
  return (first & 0xc0) === 0x80 && (first & 0x1f) !== 0x1f ? first & 0x1f : -1
}
