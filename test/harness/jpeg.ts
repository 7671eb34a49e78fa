// A tiny baseline JPEG encoder for fixture faces: grayscale, DC-only blocks (each 8×8 block is one
// flat shade), then padded with COM segments to a target size. The result is a valid JFIF any
// decoder shows as a blocky face; its size mimics a real CCCD DG2 photo (~15 KB).

class BitWriter {
  private bytes: number[] = []
  private acc = 0
  private n = 0
  write(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1)
      this.n++
      if (this.n === 8) this.flushByte()
    }
  }
  private flushByte(): void {
    this.bytes.push(this.acc)
    if (this.acc === 0xff) this.bytes.push(0x00) // byte stuffing
    this.acc = 0
    this.n = 0
  }
  finish(): Buffer {
    if (this.n > 0) this.write(0xff, 8 - this.n) // pad with 1-bits
    return Buffer.from(this.bytes)
  }
}

function segment(marker: number, body: Uint8Array): Buffer {
  const head = Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff])
  return Buffer.concat([head, body])
}

/** Shade (0–255) of the block at (bx, by) in a simple face drawing. */
function faceShade(bx: number, by: number, wBlocks: number, hBlocks: number, tone: number): number {
  const x = (bx + 0.5) / wBlocks - 0.5
  const y = (by + 0.5) / hBlocks - 0.5
  const inFace = (x / 0.32) ** 2 + (y / 0.42) ** 2 < 1
  const eye = (ex: number) => ((x - ex) / 0.07) ** 2 + ((y + 0.1) / 0.04) ** 2 < 1
  const mouth = Math.abs(y - 0.2) < 0.025 && Math.abs(x) < 0.13
  if (!inFace) return 225
  if (eye(-0.12) || eye(0.12) || mouth) return 40
  return tone
}

export interface FaceJpegOptions {
  width?: number
  height?: number
  /** Face shade 0–255, so fixtures differ visibly. */
  tone?: number
  /** Pad with COM segments up to this many bytes (if the image is smaller). */
  targetSize?: number
}

export function faceJpeg(opts: FaceJpegOptions = {}): Buffer {
  const width = opts.width ?? 240
  const height = opts.height ?? 320
  const wb = Math.ceil(width / 8)
  const hb = Math.ceil(height / 8)
  const soi = Buffer.from([0xff, 0xd8])
  const app0 = segment(0xe0, Buffer.from('4A46494600010100000100010000', 'hex'))
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]))
  const sof0 = segment(
    0xc0,
    Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0])
  )
  // DC table 0: categories 0–11 each coded on 4 bits (code = category). AC table 0: only EOB, code "0".
  const dcBits = Buffer.alloc(16)
  dcBits[3] = 12
  const dcVals = Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  const acBits = Buffer.alloc(16)
  acBits[0] = 1
  const dht = segment(
    0xc4,
    Buffer.concat([Buffer.from([0x00]), dcBits, dcVals, Buffer.from([0x10]), acBits, Buffer.from([0x00])])
  )
  const sos = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]))
  const bits = new BitWriter()
  let prev = 0
  for (let by = 0; by < hb; by++) {
    for (let bx = 0; bx < wb; bx++) {
      const dc = Math.round((faceShade(bx, by, wb, hb, opts.tone ?? 170) - 128) * 8)
      const diff = dc - prev
      prev = dc
      const cat = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1
      bits.write(cat, 4)
      if (cat > 0) bits.write(diff > 0 ? diff : diff + (1 << cat) - 1, cat)
      bits.write(0, 1) // EOB
    }
  }
  const scan = bits.finish()
  const eoi = Buffer.from([0xff, 0xd9])
  const base = [soi, app0, dqt, sof0, dht]
  const baseLen = base.reduce((n, b) => n + b.length, 0) + sos.length + scan.length + eoi.length
  const comments: Buffer[] = []
  let missing = (opts.targetSize ?? 0) - baseLen
  while (missing > 4) {
    const body = Math.min(missing - 4, 65533)
    const filler = Buffer.alloc(body)
    for (let i = 0; i < body; i++) filler[i] = 0x20 + (i % 90) // printable, never 0xFF
    comments.push(segment(0xfe, filler))
    missing -= body + 4
  }
  return Buffer.concat([...base, ...comments, sos, scan, eoi])
}
