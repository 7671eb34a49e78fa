import * as asn1js from 'asn1js'
import { chipDataInvalid } from '../errors'

/**
 * SecurityInfos (ICAO 9303-11 §9.2): the SET OF SecurityInfo found in EF.CardAccess (PACE) and DG14
 * (Chip Authentication, Active Authentication). Unknown entries are kept as their OID only.
 */

export const OIDS = {
  PACE: '0.4.0.127.0.7.2.2.4',
  CA: '0.4.0.127.0.7.2.2.3',
  PK: '0.4.0.127.0.7.2.2.1',
  TA: '0.4.0.127.0.7.2.2.2',
  AA: '2.23.136.1.1.5'
} as const

export interface PaceInfo {
  protocol: string
  version: number
  /** Standardised domain parameter id (§9.5.1); undefined when the chip uses proprietary parameters. */
  parameterId?: number
}

export interface ChipAuthenticationInfo {
  protocol: string
  version: number
  keyId?: number
}

export interface ChipAuthenticationPublicKeyInfo {
  protocol: string
  /** DER SubjectPublicKeyInfo of the chip's static key. */
  subjectPublicKeyInfo: Uint8Array
  keyId?: number
}

export interface ActiveAuthenticationInfo {
  version: number
  /** e.g. ecdsa-plain-SHA256 (0.4.0.127.0.7.1.1.4.1.3). */
  signatureAlgorithm: string
}

export interface SecurityInfos {
  pace: PaceInfo[]
  chipAuthentication: ChipAuthenticationInfo[]
  chipAuthenticationPublicKeys: ChipAuthenticationPublicKeyInfo[]
  activeAuthentication: ActiveAuthenticationInfo | undefined
  /** OIDs of every SecurityInfo, understood or not. */
  protocols: string[]
}

const under = (oid: string, prefix: string): boolean => oid.startsWith(`${prefix}.`)

function int(value: asn1js.AsnType | undefined): number | undefined {
  return value instanceof asn1js.Integer ? value.valueBlock.valueDec : undefined
}

/** Parses a DER SET OF SecurityInfo (the content of EF.CardAccess, or the value of DG14's 6E tag). */
export function parseSecurityInfos(der: Uint8Array): SecurityInfos {
  const parsed = asn1js.fromBER(der)
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Set))
    throw chipDataInvalid('SecurityInfos is not a DER SET')
  const out: SecurityInfos = {
    pace: [],
    chipAuthentication: [],
    chipAuthenticationPublicKeys: [],
    activeAuthentication: undefined,
    protocols: []
  }
  for (const item of parsed.result.valueBlock.value) {
    if (!(item instanceof asn1js.Sequence)) continue
    const [oidNode, second, third] = item.valueBlock.value
    if (!(oidNode instanceof asn1js.ObjectIdentifier)) continue
    const oid = oidNode.valueBlock.toString()
    out.protocols.push(oid)
    if (under(oid, OIDS.PACE) && oid.split('.').length === 11) {
      const version = int(second)
      if (version !== undefined) out.pace.push({ protocol: oid, version, parameterId: int(third) })
    } else if (under(oid, OIDS.CA) && oid.split('.').length === 11) {
      const version = int(second)
      if (version !== undefined) out.chipAuthentication.push({ protocol: oid, version, keyId: int(third) })
    } else if (under(oid, OIDS.PK) && second instanceof asn1js.Sequence) {
      out.chipAuthenticationPublicKeys.push({
        protocol: oid,
        subjectPublicKeyInfo: new Uint8Array(second.toBER(false)),
        keyId: int(third)
      })
    } else if (oid === OIDS.AA) {
      const version = int(second)
      const alg = third instanceof asn1js.ObjectIdentifier ? third.valueBlock.toString() : undefined
      if (version !== undefined && alg) out.activeAuthentication = { version, signatureAlgorithm: alg }
    }
  }
  return out
}

/** Content bytes of an OID (what MSE:Set AT carries in tag 80). */
export function oidContentBytes(oid: string): Uint8Array {
  return new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).valueBlock.toBER(false))
}
