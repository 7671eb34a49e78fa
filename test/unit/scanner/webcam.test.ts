import QRCode from 'qrcode'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  WebcamScanner,
  decodeQrFromImageData,
  webcamErrorFrom,
  type ImageDataLike
} from '../../../renderer/src/scan/webcam'

const cccdQr =
  '022303001234|022123456|Nguyễn Thị Hương Giang|05011993|Nữ|Tổ 7, Khu 3, Phường Hạ Long, Tỉnh Quảng Ninh|10052021||||'

interface Raster {
  scale?: number
  margin?: number
  /** Frame size; the code is drawn at (left, top). */
  width?: number
  height?: number
  left?: number
  top?: number
  rotate90?: boolean
  background?: number
  noise?: number
  invert?: boolean
}

/** Renders a QR code (qrcode's module matrix) into RGBA pixels like a camera frame. */
function qrFrame(text: string, r: Raster = {}): ImageDataLike {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = qr.modules.size
  const scale = r.scale ?? 4
  const margin = r.margin ?? 4
  const side = (size + 2 * margin) * scale
  const width = r.width ?? side
  const height = r.height ?? side
  const left = r.left ?? 0
  const top = r.top ?? 0
  const data = new Uint8ClampedArray(width * height * 4)
  let seed = 12345
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 2 - 1
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cx = x - left
      const cy = y - top
      let value = r.background ?? 255
      if (cx >= 0 && cy >= 0 && cx < side && cy < side) {
        let mx = Math.floor(cx / scale) - margin
        let my = Math.floor(cy / scale) - margin
        if (r.rotate90) [mx, my] = [my, size - 1 - mx]
        const dark = mx >= 0 && my >= 0 && mx < size && my < size && qr.modules.get(my, mx) === 1
        value = dark !== (r.invert ?? false) ? 20 : 235
      }
      value += (r.noise ?? 0) * rand()
      const i = (y * width + x) * 4
      data[i] = data[i + 1] = data[i + 2] = value
      data[i + 3] = 255
    }
  }
  return { data, width, height }
}

describe('decodeQrFromImageData', () => {
  it('reads a CCCD QR with Vietnamese diacritics (UTF-8 byte mode) exactly', () => {
    const qr = QRCode.create(cccdQr, { errorCorrectionLevel: 'M' })
    expect(qr.segments.some((s) => s.mode.id === 'Byte')).toBe(true)
    expect(decodeQrFromImageData(qrFrame(cccdQr))).toBe(cccdQr)
  })

  it('finds the code off-centre in a noisy grey camera-sized frame, and rotated', () => {
    const frame = qrFrame(cccdQr, {
      width: 640,
      height: 480,
      left: 170,
      top: 60,
      background: 150,
      noise: 25,
      scale: 4
    })
    expect(decodeQrFromImageData(frame)).toBe(cccdQr)
    expect(decodeQrFromImageData(qrFrame(cccdQr, { rotate90: true }))).toBe(cccdQr)
  })

  it('returns null for a frame without a code, and for a truncated buffer', () => {
    const blank = qrFrame('x', { width: 320, height: 240, left: 1000, noise: 30, background: 128 })
    expect(decodeQrFromImageData(blank)).toBeNull()
    const f = qrFrame(cccdQr)
    expect(
      decodeQrFromImageData({ data: f.data.subarray(0, 100), width: f.width, height: f.height })
    ).toBeNull()
  })

  it('reads a light-on-dark code only when asked to try inverted', () => {
    const inverted = qrFrame('079190001234', { invert: true, background: 20 })
    expect(decodeQrFromImageData(inverted)).toBeNull()
    expect(decodeQrFromImageData(inverted, { tryInverted: true })).toBe('079190001234')
  })
})

describe('WebcamScanner', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function fakeVideo(): HTMLVideoElement {
    return {
      srcObject: null,
      muted: false,
      playsInline: false,
      play: async () => undefined
    } as unknown as HTMLVideoElement
  }

  function fakeStream(): { stream: MediaStream; stopped: () => boolean } {
    let stopped = false
    const track = { stop: () => (stopped = true) }
    return { stream: { getTracks: () => [track] } as unknown as MediaStream, stopped: () => stopped }
  }

  it('decodes frames until stopped, reports a card held in view once, and releases the camera', async () => {
    const { stream, stopped } = fakeStream()
    const frames = [null, 'A', 'A', 'A', null, 'B', 'A']
    let i = 0
    const scans: string[] = []
    const cam = new WebcamScanner(fakeVideo(), {
      onScan: (t) => scans.push(t),
      intervalMs: 100,
      repeatMs: 250,
      mediaDevices: { getUserMedia: async () => stream },
      grabFrame: () => ({ data: new Uint8ClampedArray(4), width: 1, height: 1 }),
      decode: () => frames[i++] ?? null,
      now: () => Date.now()
    })
    expect(await cam.start()).toBe(true)
    await vi.advanceTimersByTimeAsync(700)
    expect(scans).toEqual(['A', 'B', 'A'])
    cam.stop()
    expect(stopped()).toBe(true)
    expect(cam.running).toBe(false)
    await vi.advanceTimersByTimeAsync(500)
    expect(i).toBe(7)
  })

  it('explains a refused camera permission in Vietnamese', async () => {
    const errors: string[] = []
    const cam = new WebcamScanner(fakeVideo(), {
      onScan: () => undefined,
      onError: (e) => errors.push(`${e.reason}: ${e.message}`),
      mediaDevices: {
        getUserMedia: async () => {
          throw Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' })
        }
      }
    })
    expect(await cam.start()).toBe(false)
    expect(errors).toEqual([
      'permission: Ứng dụng chưa được phép dùng camera. Hãy cho phép truy cập camera rồi thử lại.'
    ])
    expect(webcamErrorFrom({ name: 'NotFoundError' }).reason).toBe('no-camera')
  })
})
