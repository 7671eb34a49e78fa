// Card-side PACE and Active Authentication for the virtual chip (ICAO 9303-11 §4.4, §6.1). The block
// ciphers, KDF and padding are written here against node:crypto; the point arithmetic and AES-CMAC are the
// reader's (protocol/icao/crypto), which the Appendix G and RFC 4493 vectors check independently.
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createECDH,
  createHash,
  createPrivateKey,
  privateEncrypt,
  sign
} from 'node:crypto'
import * as asn1js from 'asn1js'
import { aesCmac } from '../../../protocol/icao/crypto/aes'
import {
  add,
  bigintFromBytes,
  decodePoint,
  encodePoint,
  generator,
  multiply,
  STANDARD_CURVES,
  type Curve,
  type Point
} from '../../../protocol/icao/crypto/ec'

export function aesCbc(
  mode: 'encrypt' | 'decrypt',
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array
): Buffer {
  const alg = `aes-${key.length * 8}-cbc`
  const c = mode === 'encrypt' ? createCipheriv(alg, key, iv) : createDecipheriv(alg, key, iv)
  c.setAutoPadding(false)
  return Buffer.concat([c.update(data), c.final()])
}

export function aesBlock(key: Uint8Array, block: Uint8Array): Buffer {
  return aesCbc('encrypt', key, Buffer.alloc(16), block)
}

export function pad16(data: Uint8Array): Buffer {
  const out = Buffer.alloc((Math.floor(data.length / 16) + 1) * 16)
  out.set(data)
  out[data.length] = 0x80
  return out
}

export function cmac8(key: Uint8Array, data: Uint8Array): Buffer {
  return Buffer.from(aesCmac(key, data).subarray(0, 8))
}

/** KDF for AES-128 (SHA-1) and AES-192/256 (SHA-256). */
export function kdf(seed: Uint8Array, counter: number, keyBytes: number): Buffer {
  const c = Buffer.from([0, 0, 0, counter])
  const h = createHash(keyBytes === 16 ? 'sha1' : 'sha256')
    .update(seed)
    .update(c)
    .digest()
  return h.subarray(0, keyBytes)
}

export interface CardPaceConfig {
  /** PACE protocol OID, e.g. 0.4.0.127.0.7.2.2.4.2.2 (ECDH-GM-AES-128). */
  protocol: string
  parameterId: number
}

/** The mutable state of one PACE run on the card. */
export class CardPace {
  readonly curve: Curve
  readonly keyBytes: number
  private nonce: Buffer | null = null
  private mapped: Point = null
  private ephPrivate = 0n
  private ephPublic: Buffer | null = null
  private terminalEph: Buffer | null = null
  keys: { kEnc: Buffer; kMac: Buffer } | null = null

  constructor(
    readonly config: CardPaceConfig,
    private readonly passwordKey: Buffer,
    private readonly random: (n: number) => Buffer
  ) {
    const curve = STANDARD_CURVES[config.parameterId]
    if (!curve) throw new Error(`no curve for parameter id ${config.parameterId}`)
    this.curve = curve
    const last = Number(config.protocol.split('.').pop())
    this.keyBytes = last === 2 ? 16 : last === 3 ? 24 : 32
  }

  private scalar(): bigint {
    return (bigintFromBytes(this.random(this.curve.size + 8)) % (this.curve.n - 1n)) + 1n
  }

  /** Step 1: z = E(K_pi, s). */
  encryptedNonce(): Buffer {
    this.nonce = this.random(16)
    const kPi = kdf(this.passwordKey, 3, this.keyBytes)
    return aesCbc('encrypt', kPi, Buffer.alloc(16), this.nonce)
  }

  /** Step 2: the card's mapping key; G' = s·G + sk·PK_map,IFD. */
  map(terminalKey: Uint8Array): Buffer | null {
    if (!this.nonce) return null
    const pk = decodePointOrNull(this.curve, terminalKey)
    if (!pk) return null
    const sk = this.scalar()
    const h = multiply(this.curve, sk, pk)
    this.mapped = add(this.curve, multiply(this.curve, bigintFromBytes(this.nonce), generator(this.curve)), h)
    return Buffer.from(encodePoint(this.curve, multiply(this.curve, sk, generator(this.curve))))
  }

  /** Step 3: ephemeral keys on G', session keys from x(sk·PK_IFD). */
  agree(terminalKey: Uint8Array): Buffer | null {
    if (!this.mapped) return null
    const pk = decodePointOrNull(this.curve, terminalKey)
    if (!pk) return null
    this.ephPrivate = this.scalar()
    this.ephPublic = Buffer.from(encodePoint(this.curve, multiply(this.curve, this.ephPrivate, this.mapped)))
    this.terminalEph = Buffer.from(terminalKey)
    const shared = multiply(this.curve, this.ephPrivate, pk)
    const k = Buffer.from(encodePoint(this.curve, shared).subarray(1, 1 + this.curve.size))
    this.keys = { kEnc: kdf(k, 1, this.keyBytes), kMac: kdf(k, 2, this.keyBytes) }
    return this.ephPublic
  }

  private token(point: Buffer): Buffer {
    const oidBytes = oidContent(this.config.protocol)
    const inner = Buffer.concat([
      Buffer.from([0x06, oidBytes.length]),
      oidBytes,
      Buffer.from([0x86, point.length]),
      point
    ])
    return cmac8(this.keys!.kMac, Buffer.concat([Buffer.from([0x7f, 0x49, inner.length]), inner]))
  }

  /** Step 4: checks T_IFD and returns T_IC, or null for a wrong token (wrong password). */
  authenticate(tIfd: Uint8Array): Buffer | null {
    if (!this.keys || !this.ephPublic || !this.terminalEph) return null
    if (!this.token(this.ephPublic).equals(Buffer.from(tIfd))) return null
    return this.token(this.terminalEph)
  }
}

function decodePointOrNull(curve: Curve, bytes: Uint8Array): Point {
  try {
    return decodePoint(curve, bytes)
  } catch {
    return null
  }
}

/** DER content bytes of a dotted OID. */
export function oidContent(oid: string): Buffer {
  const parts = oid.split('.').map(Number)
  const out = [parts[0]! * 40 + parts[1]!]
  for (const p of parts.slice(2)) {
    const bytes = [p & 0x7f]
    for (let v = p >>> 7; v > 0; v >>>= 7) bytes.unshift((v & 0x7f) | 0x80)
    out.push(...bytes)
  }
  return Buffer.from(out)
}

/**
 * Active Authentication on the card (ICAO 9303-11 §6.1): RSA signs with ISO/IEC 9796-2 scheme 1 (SHA-1,
 * trailer BC), ECDSA signs the challenge with SHA-256 in plain r||s form.
 */
export function activeAuthenticationSignature(
  privateKeyDer: Uint8Array,
  challenge: Uint8Array,
  random: (n: number) => Buffer
): Buffer {
  const key = createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' })
  if (key.asymmetricKeyType === 'ec') {
    return sign('sha256', challenge, { key, dsaEncoding: 'ieee-p1363' })
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 1024
  const k = Math.ceil(bits / 8)
  const m1 = random(k - 20 - 2)
  const h = createHash('sha1').update(m1).update(challenge).digest()
  const f = Buffer.concat([Buffer.from([0x6a]), m1, h, Buffer.from([0xbc])])
  return privateEncrypt({ key, padding: constants.RSA_NO_PADDING }, f)
}

/** x(SK · PK_IFD) with the chip's static EC key (PKCS#8) through node's ECDH; null for a bad point. */
export function caSharedSecret(privateKeyDer: Uint8Array, terminalKey: Uint8Array): Buffer | null {
  const key = createPrivateKey({ key: Buffer.from(privateKeyDer), format: 'der', type: 'pkcs8' })
  const curve = key.asymmetricKeyDetails?.namedCurve
  // PrivateKeyInfo { version, algorithm, OCTET STRING ECPrivateKey { version, OCTET STRING d, … } }
  // (node exports no JWK for brainpool curves).
  const info = asn1js.fromBER(new Uint8Array(privateKeyDer)).result as asn1js.Sequence
  const inner = info.valueBlock.value[2] as asn1js.OctetString
  const ecKey = asn1js.fromBER(inner.valueBlock.valueHexView).result as asn1js.Sequence
  const d = (ecKey.valueBlock.value[1] as asn1js.OctetString).valueBlock.valueHexView
  if (!curve) return null
  try {
    const ecdh = createECDH(curve)
    ecdh.setPrivateKey(Buffer.from(d))
    return ecdh.computeSecret(Buffer.from(terminalKey))
  } catch {
    return null
  }
}

export { bigintFromBytes }
