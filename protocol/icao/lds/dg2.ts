import { chipDataInvalid } from '../errors'
import {
  decodeSingleTlv,
  decodeTlvList,
  encodeConstructed,
  encodeTlv,
  findTlv,
  requireTlv,
  type Tlv
} from '../tlv'

/** DG2: the face image inside the biometric template (ICAO 9303-10, ISO/IEC 19794-5 record). */

export type FaceImageMime = 'image/jpeg' | 'image/jp2' | 'image/j2k'

export interface FaceImage {
  mime: FaceImageMime
  image: Uint8Array
  /** From the ISO 19794-5 header when present. */
  width?: number
  height?: number
}

const JP2_SIGNATURE = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a]

function startsWith(bytes: Uint8Array, at: number, prefix: readonly number[]): boolean {
  if (at + prefix.length > bytes.length) return false
  return prefix.every((b, i) => bytes[at + i] === b)
}

/** Image type by magic number at `at`, or undefined. */
export function sniffImage(bytes: Uint8Array, at = 0): FaceImageMime | undefined {
  if (startsWith(bytes, at, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, at, JP2_SIGNATURE)) return 'image/jp2'
  if (startsWith(bytes, at, [0xff, 0x4f, 0xff, 0x51])) return 'image/j2k'
  return undefined
}

function u16(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!
}

function u32(b: Uint8Array, at: number): number {
  return b[at]! * 0x1000000 + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!)
}

/** Reads the first face of an ISO/IEC 19794-5 (2005) facial record, or undefined if it is not one. */
function fromIso19794(bdb: Uint8Array): FaceImage | undefined {
  if (!startsWith(bdb, 0, [0x46, 0x41, 0x43, 0x00]) || bdb.length < 14 + 20 + 12) return undefined
  const faces = u16(bdb, 12)
  if (faces < 1) return undefined
  const block = 14
  const blockLength = u32(bdb, block)
  const featurePoints = u16(bdb, block + 4)
  const imageInfo = block + 20 + featurePoints * 8
  const imageStart = imageInfo + 12
  const imageEnd = block + blockLength
  if (imageEnd > bdb.length || imageStart >= imageEnd) return undefined
  const image = bdb.subarray(imageStart, imageEnd)
  const mime = sniffImage(image)
  if (!mime) return undefined
  return { mime, image, width: u16(bdb, imageInfo + 2), height: u16(bdb, imageInfo + 4) }
}

/** Fallback: the image from its first magic number to the end of the block. */
function byScanning(block: Uint8Array): FaceImage | undefined {
  for (let i = 0; i < block.length; i++) {
    const mime = sniffImage(block, i)
    if (mime) return { mime, image: block.subarray(i) }
  }
  return undefined
}

function biometricDataBlock(template: Tlv): Uint8Array {
  const inner = decodeTlvList(template.value)
  const bit = requireTlv(inner, 0x7f60, 'DG2 biometric information template')
  const parts = decodeTlvList(bit.value)
  const bdb = findTlv(parts, 0x5f2e) ?? findTlv(parts, 0x7f2e)
  if (!bdb) throw chipDataInvalid('DG2: no biometric data block (5F2E/7F2E)')
  return bdb.value
}

export function parseDg2(bytes: Uint8Array): FaceImage {
  const root = decodeSingleTlv(bytes, 0x75)
  const group = requireTlv(decodeTlvList(root.value), 0x7f61, 'DG2')
  const bdb = biometricDataBlock(group)
  const face = fromIso19794(bdb) ?? byScanning(bdb)
  if (!face) throw chipDataInvalid('DG2: no JPEG or JPEG 2000 image in the biometric data block')
  return face
}

/** Builds a DG2 around an image (ISO 19794-5 record, no feature points). For fixtures and the virtual chip. */
export function buildDg2(
  image: Uint8Array,
  size: { width: number; height: number } = { width: 480, height: 640 }
): Uint8Array {
  const mime = sniffImage(image)
  if (!mime) throw new RangeError('image must be JPEG or JPEG 2000')
  const blockLength = 20 + 12 + image.length
  const record = new Uint8Array(14 + blockLength)
  record.set([0x46, 0x41, 0x43, 0x00, 0x30, 0x31, 0x30, 0x00])
  const total = record.length
  record.set([total >>> 24, (total >>> 16) & 0xff, (total >>> 8) & 0xff, total & 0xff], 8)
  record.set([0x00, 0x01], 12)
  record.set(
    [blockLength >>> 24, (blockLength >>> 16) & 0xff, (blockLength >>> 8) & 0xff, blockLength & 0xff],
    14
  )
  const info = 14 + 20
  record[info] = 0x01 // full frontal
  record[info + 1] = mime === 'image/jpeg' ? 0x00 : 0x01
  record.set([size.width >> 8, size.width & 0xff, size.height >> 8, size.height & 0xff], info + 2)
  record.set(image, info + 12)
  return encodeDg2Template(record)
}

function encodeDg2Template(record: Uint8Array): Uint8Array {
  const header = encodeConstructed(
    0xa1,
    encodeTlv(0x80, Uint8Array.of(0x01, 0x01)),
    encodeTlv(0x87, Uint8Array.of(0x01, 0x01)),
    encodeTlv(0x88, Uint8Array.of(0x00, 0x08))
  )
  const bit = encodeConstructed(0x7f60, header, encodeTlv(0x5f2e, record))
  return encodeConstructed(0x75, encodeConstructed(0x7f61, encodeTlv(0x02, Uint8Array.of(1)), bit))
}
