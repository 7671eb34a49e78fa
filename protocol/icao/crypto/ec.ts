import { createECDH, type ECDH } from 'node:crypto'
import { chipDataInvalid } from '../errors'

/**
 * Short-Weierstrass elliptic-curve arithmetic over a prime field, with BigInt. PACE generic mapping needs
 * G' = s·G + H, and node:crypto offers ECDH but no point addition, so the reader does its own arithmetic.
 * Not constant-time: the reader's ephemeral secrets live for one session on a desk PC (docs/adr/0018).
 */

export interface CurveParams {
  p: bigint
  a: bigint
  b: bigint
  gx: bigint
  gy: bigint
  /** Order of G. */
  n: bigint
}

export interface Curve extends CurveParams {
  /** OpenSSL name (also what node:crypto's createECDH takes). */
  name: string
  /** Bytes of one coordinate. */
  size: number
}

/** An affine point; `null` is the point at infinity. */
export type Point = { x: bigint; y: bigint } | null

function curve(name: string, params: CurveParams): Curve {
  return { name, ...params, size: Math.ceil(params.p.toString(16).length / 2) }
}

/** Standardised domain parameters by PACE parameterId (ICAO 9303-11 §9.5.1), elliptic curves only. */
export const STANDARD_CURVES: Readonly<Record<number, Curve>> = {
  8: curve('prime192v1', {
    p: 0xfffffffffffffffffffffffffffffffeffffffffffffffffn,
    a: 0xfffffffffffffffffffffffffffffffefffffffffffffffcn,
    b: 0x64210519e59c80e70fa7e9ab72243049feb8deecc146b9b1n,
    gx: 0x188da80eb03090f67cbf20eb43a18800f4ff0afd82ff1012n,
    gy: 0x07192b95ffc8da78631011ed6b24cdd573f977a11e794811n,
    n: 0xffffffffffffffffffffffff99def836146bc9b1b4d22831n
  }),
  9: curve('brainpoolP192r1', {
    p: 0xc302f41d932a36cda7a3463093d18db78fce476de1a86297n,
    a: 0x6a91174076b1e0e19c39c031fe8685c1cae040e5c69a28efn,
    b: 0x469a28ef7c28cca3dc721d044f4496bcca7ef4146fbf25c9n,
    gx: 0xc0a0647eaab6a48753b033c56cb0f0900a2f5c4853375fd6n,
    gy: 0x14b690866abd5bb88b5f4828c1490002e6773fa2fa299b8fn,
    n: 0xc302f41d932a36cda7a3462f9e9e916b5be8f1029ac4acc1n
  }),
  10: curve('secp224r1', {
    p: 0xffffffffffffffffffffffffffffffff000000000000000000000001n,
    a: 0xfffffffffffffffffffffffffffffffefffffffffffffffffffffffen,
    b: 0xb4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4n,
    gx: 0xb70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21n,
    gy: 0xbd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e34n,
    n: 0xffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3dn
  }),
  11: curve('brainpoolP224r1', {
    p: 0xd7c134aa264366862a18302575d1d787b09f075797da89f57ec8c0ffn,
    a: 0x68a5e62ca9ce6c1c299803a6c1530b514e182ad8b0042a59cad29f43n,
    b: 0x2580f63ccfe44138870713b1a92369e33e2135d266dbb372386c400bn,
    gx: 0x0d9029ad2c7e5cf4340823b2a87dc68c9e4ce3174c1e6efdee12c07dn,
    gy: 0x58aa56f772c0726f24c6b89e4ecdac24354b9e99caa3f6d3761402cdn,
    n: 0xd7c134aa264366862a18302575d0fb98d116bc4b6ddebca3a5a7939fn
  }),
  12: curve('prime256v1', {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n
  }),
  13: curve('brainpoolP256r1', {
    p: 0xa9fb57dba1eea9bc3e660a909d838d726e3bf623d52620282013481d1f6e5377n,
    a: 0x7d5a0975fc2c3057eef67530417affe7fb8055c126dc5c6ce94a4b44f330b5d9n,
    b: 0x26dc5c6ce94a4b44f330b5d9bbd77cbf958416295cf7e1ce6bccdc18ff8c07b6n,
    gx: 0x8bd2aeb9cb7e57cb2c4b482ffc81b7afb9de27e1e3bd23c23a4453bd9ace3262n,
    gy: 0x547ef835c3dac4fd97f8461a14611dc9c27745132ded8e545c1d54c72f046997n,
    n: 0xa9fb57dba1eea9bc3e660a909d838d718c397aa3b561a6f7901e0e82974856a7n
  }),
  14: curve('brainpoolP320r1', {
    p: 0xd35e472036bc4fb7e13c785ed201e065f98fcfa6f6f40def4f92b9ec7893ec28fcd412b1f1b32e27n,
    a: 0x3ee30b568fbab0f883ccebd46d3f3bb8a2a73513f5eb79da66190eb085ffa9f492f375a97d860eb4n,
    b: 0x520883949dfdbc42d3ad198640688a6fe13f41349554b49acc31dccd884539816f5eb4ac8fb1f1a6n,
    gx: 0x43bd7e9afb53d8b85289bcc48ee5bfe6f20137d10a087eb6e7871e2a10a599c710af8d0d39e20611n,
    gy: 0x14fdd05545ec1cc8ab4093247f77275e0743ffed117182eaa9c77877aaac6ac7d35245d1692e8ee1n,
    n: 0xd35e472036bc4fb7e13c785ed201e065f98fcfa5b68f12a32d482ec7ee8658e98691555b44c59311n
  }),
  15: curve('secp384r1', {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n
  }),
  16: curve('brainpoolP384r1', {
    p: 0x8cb91e82a3386d280f5d6f7e50e641df152f7109ed5456b412b1da197fb71123acd3a729901d1a71874700133107ec53n,
    a: 0x7bc382c63d8c150c3c72080ace05afa0c2bea28e4fb22787139165efba91f90f8aa5814a503ad4eb04a8c7dd22ce2826n,
    b: 0x04a8c7dd22ce28268b39b55416f0447c2fb77de107dcd2a62e880ea53eeb62d57cb4390295dbc9943ab78696fa504c11n,
    gx: 0x1d1c64f068cf45ffa2a63a81b7c13f6b8847a3e77ef14fe3db7fcafe0cbd10e8e826e03436d646aaef87b2e247d4af1en,
    gy: 0x8abe1d7520f9c2a45cb1eb8e95cfd55262b70b29feec5864e19c054ff99129280e4646217791811142820341263c5315n,
    n: 0x8cb91e82a3386d280f5d6f7e50e641df152f7109ed5456b31f166e6cac0425a7cf3ab6af6b7fc3103b883202e9046565n
  }),
  17: curve('brainpoolP512r1', {
    p: 0xaadd9db8dbe9c48b3fd4e6ae33c9fc07cb308db3b3c9d20ed6639cca703308717d4d9b009bc66842aecda12ae6a380e62881ff2f2d82c68528aa6056583a48f3n,
    a: 0x7830a3318b603b89e2327145ac234cc594cbdd8d3df91610a83441caea9863bc2ded5d5aa8253aa10a2ef1c98b9ac8b57f1117a72bf2c7b9e7c1ac4d77fc94can,
    b: 0x3df91610a83441caea9863bc2ded5d5aa8253aa10a2ef1c98b9ac8b57f1117a72bf2c7b9e7c1ac4d77fc94cadc083e67984050b75ebae5dd2809bd638016f723n,
    gx: 0x81aee4bdd82ed9645a21322e9c4c6a9385ed9f70b5d916c1b43b62eef4d0098eff3b1f78e2d0d48d50d1687b93b97d5f7c6d5047406a5e688b352209bcb9f822n,
    gy: 0x7dde385d566332ecc0eabfa9cf7822fdf209f70024a57b1aa000c55b881f8111b2dcde494a5f485e5bca4bd88a2763aed1ca2b2fa8f0540678cd1e0f3ad80892n,
    n: 0xaadd9db8dbe9c48b3fd4e6ae33c9fc07cb308db3b3c9d20ed6639cca70330870553e5c414ca92619418661197fac10471db1d381085ddaddb58796829ca90069n
  }),
  18: curve('secp521r1', {
    p: 0x01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffn,
    a: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffcn,
    b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    gx: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    gy: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n
  })
}

export function mod(a: bigint, m: bigint): bigint {
  const r = a % m
  return r < 0n ? r + m : r
}

/** Modular inverse by the extended Euclidean algorithm (m prime, a ≠ 0 mod m). */
export function invert(a: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(a, m), m]
  let [oldS, s] = [1n, 0n]
  while (r !== 0n) {
    const q = oldR / r
    ;[oldR, r] = [r, oldR - q * r]
    ;[oldS, s] = [s, oldS - q * s]
  }
  if (oldR !== 1n) throw new RangeError('not invertible')
  return mod(oldS, m)
}

export function isOnCurve(c: CurveParams, pt: Point): boolean {
  if (pt === null) return false
  const { x, y } = pt
  if (x < 0n || x >= c.p || y < 0n || y >= c.p) return false
  return mod(y * y - (x * x * x + c.a * x + c.b), c.p) === 0n
}

export function add(c: CurveParams, p1: Point, p2: Point): Point {
  if (p1 === null) return p2
  if (p2 === null) return p1
  const { p } = c
  let lambda: bigint
  if (p1.x === p2.x) {
    if (mod(p1.y + p2.y, p) === 0n) return null
    lambda = mod((3n * p1.x * p1.x + c.a) * invert(2n * p1.y, p), p)
  } else {
    lambda = mod((p2.y - p1.y) * invert(p2.x - p1.x, p), p)
  }
  const x = mod(lambda * lambda - p1.x - p2.x, p)
  return { x, y: mod(lambda * (p1.x - x) - p1.y, p) }
}

/** k·P by Jacobian double-and-add (one inversion at the end). */
export function multiply(c: CurveParams, k: bigint, pt: Point): Point {
  if (pt === null) return null
  const { p } = c
  const e = mod(k, c.n)
  if (e === 0n) return null
  // Jacobian coordinates: (X, Y, Z) ↦ (X/Z², Y/Z³); Z = 0 is infinity.
  let rx = 0n
  let ry = 1n
  let rz = 0n
  const double = (x: bigint, y: bigint, z: bigint): [bigint, bigint, bigint] => {
    if (z === 0n || y === 0n) return [0n, 1n, 0n]
    const yy = mod(y * y, p)
    const s = mod(4n * x * yy, p)
    const z2 = mod(z * z, p)
    const m = mod(3n * x * x + c.a * z2 * z2, p)
    const nx = mod(m * m - 2n * s, p)
    const ny = mod(m * (s - nx) - 8n * yy * yy, p)
    return [nx, ny, mod(2n * y * z, p)]
  }
  const addAffine = (x: bigint, y: bigint, z: bigint, qx: bigint, qy: bigint): [bigint, bigint, bigint] => {
    if (z === 0n) return [qx, qy, 1n]
    const z2 = mod(z * z, p)
    const u2 = mod(qx * z2, p)
    const s2 = mod(qy * z2 * z, p)
    const h = mod(u2 - x, p)
    const r = mod(s2 - y, p)
    if (h === 0n) return r === 0n ? double(x, y, z) : [0n, 1n, 0n]
    const h2 = mod(h * h, p)
    const h3 = mod(h2 * h, p)
    const v = mod(x * h2, p)
    const nx = mod(r * r - h3 - 2n * v, p)
    const ny = mod(r * (v - nx) - y * h3, p)
    return [nx, ny, mod(z * h, p)]
  }
  const bits = e.toString(2)
  for (const bit of bits) {
    ;[rx, ry, rz] = double(rx, ry, rz)
    if (bit === '1') [rx, ry, rz] = addAffine(rx, ry, rz, pt.x, pt.y)
  }
  if (rz === 0n) return null
  const zi = invert(rz, p)
  const zi2 = mod(zi * zi, p)
  return { x: mod(rx * zi2, p), y: mod(ry * zi2 * zi, p) }
}

export function generator(c: Curve): Point {
  return { x: c.gx, y: c.gy }
}

export function bigintFromBytes(bytes: Uint8Array): bigint {
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  return v
}

export function bytesFromBigint(v: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length)
  let x = v
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn)
    x >>= 8n
  }
  if (x !== 0n) throw new RangeError('integer does not fit')
  return out
}

/** Uncompressed SEC1 encoding 04 || X || Y. */
export function encodePoint(c: Curve, pt: Point): Uint8Array {
  if (pt === null) throw new RangeError('cannot encode the point at infinity')
  const out = new Uint8Array(1 + 2 * c.size)
  out[0] = 0x04
  out.set(bytesFromBigint(pt.x, c.size), 1)
  out.set(bytesFromBigint(pt.y, c.size), 1 + c.size)
  return out
}

/** Decodes an uncompressed point and checks it lies on the curve (a chip's bad key must not be used). */
export function decodePoint(c: Curve, bytes: Uint8Array): { x: bigint; y: bigint } {
  if (bytes.length !== 1 + 2 * c.size || bytes[0] !== 0x04)
    throw chipDataInvalid('EC point is not an uncompressed point of the expected size', {
      length: bytes.length
    })
  const pt = {
    x: bigintFromBytes(bytes.subarray(1, 1 + c.size)),
    y: bigintFromBytes(bytes.subarray(1 + c.size))
  }
  if (!isOnCurve(c, pt)) throw chipDataInvalid('EC point is not on the curve')
  return pt
}

/**
 * OpenSSL's ECDH for the curve, or null where the crypto library lacks it: Electron ships BoringSSL, which has
 * no brainpool curves, so there the BigInt arithmetic above does all the work.
 */
function nativeEcdh(c: Curve, k: bigint): ECDH | null {
  if (nativeMissing.has(c.name)) return null
  try {
    const ecdh = createECDH(c.name)
    ecdh.setPrivateKey(Buffer.from(bytesFromBigint(mod(k, c.n), Math.ceil(c.n.toString(16).length / 2))))
    return ecdh
  } catch {
    nativeMissing.add(c.name)
    return null
  }
}
const nativeMissing = new Set<string>()

/** k·G, through OpenSSL when it has the curve (several times faster than the BigInt ladder). */
export function multiplyBase(c: Curve, k: bigint): Point {
  const scalar = mod(k, c.n)
  if (scalar === 0n) return null
  const ecdh = nativeEcdh(c, scalar)
  if (!ecdh) return multiply(c, scalar, generator(c))
  const pub = new Uint8Array(ecdh.getPublicKey())
  return { x: bigintFromBytes(pub.subarray(1, 1 + c.size)), y: bigintFromBytes(pub.subarray(1 + c.size)) }
}

/** x(k·P) for a point P of the curve (not only multiples of G), through OpenSSL ECDH when it has the curve. */
export function sharedX(c: Curve, k: bigint, pt: Point): Uint8Array {
  if (pt === null) throw new RangeError('no point')
  const ecdh = nativeEcdh(c, k)
  if (ecdh) return new Uint8Array(ecdh.computeSecret(Buffer.from(encodePoint(c, pt))))
  const shared = multiply(c, k, pt)
  if (shared === null) throw new RangeError('shared secret is the point at infinity')
  return encodePoint(c, shared).subarray(1, 1 + c.size)
}
