/**
 * QR from a webcam, for desks without a hardware scanner. Two parts:
 * - decodeQrFromImageData: pure, one frame (RGBA pixels) → text or null;
 * - WebcamScanner: a small frame loop over getUserMedia, usable from React:
 *
 *     useEffect(() => {
 *       const cam = new WebcamScanner(videoRef.current!, { onScan: setQrText, onError: setCameraError })
 *       void cam.start()
 *       return () => cam.stop()
 *     }, [])
 */
import jsQR from 'jsqr'
import { formatMessage, type MessageKey } from '../../../contract/messages'

/** The shape of a DOM ImageData (RGBA, row-major); tests build one without a DOM. */
export interface ImageDataLike {
  readonly data: Uint8ClampedArray
  readonly width: number
  readonly height: number
}

export interface QrDecodeOptions {
  /** Also look for light-on-dark codes (slower: a second pass). Phone screens sometimes show those. */
  readonly tryInverted?: boolean
}

/**
 * Decodes the QR code in a frame. The text is decoded from the code's bytes as UTF-8 (a CCCD QR is UTF-8
 * in byte mode), so Vietnamese diacritics come out exactly as printed on the card.
 */
export function decodeQrFromImageData(image: ImageDataLike, options: QrDecodeOptions = {}): string | null {
  if (image.width <= 0 || image.height <= 0 || image.data.length < image.width * image.height * 4) return null
  const code = jsQR(image.data, image.width, image.height, {
    inversionAttempts: options.tryInverted ? 'attemptBoth' : 'dontInvert'
  })
  if (!code) return null
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(code.binaryData))
  } catch {
    // Not UTF-8: jsQR's own reading (it falls back per segment) is the best we have.
    return code.data.length > 0 ? code.data : null
  }
}

export interface WebcamError {
  readonly code: 'SCANNER_UNAVAILABLE'
  readonly reason: 'permission' | 'no-camera' | 'busy' | 'unsupported' | 'other'
  /** The catalogue text; `message` is its Vietnamese rendering. */
  readonly key: MessageKey
  readonly message: string
}

export interface WebcamScannerOptions {
  readonly onScan: (text: string) => void
  readonly onError?: (error: WebcamError) => void
  /** Time between decode attempts (ms); decoding a frame takes tens of ms, so leave the UI room. */
  readonly intervalMs?: number
  /** The same text seen again within this time is the same card still in front of the camera. */
  readonly repeatMs?: number
  /** Frames are scaled down to this longest side before decoding (a CCCD QR needs ~4 px per module). */
  readonly maxSide?: number
  readonly constraints?: MediaTrackConstraints
  readonly mediaDevices?: Pick<MediaDevices, 'getUserMedia'>
  /** Frame source; default draws the video into a canvas. */
  readonly grabFrame?: (video: HTMLVideoElement, maxSide: number) => ImageDataLike | null
  readonly decode?: (image: ImageDataLike) => string | null
  readonly now?: () => number
}

export function webcamErrorFrom(e: unknown): WebcamError {
  const name =
    e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e)
      ? String((e as { name: unknown }).name)
      : ''
  const reason: WebcamError['reason'] =
    name === 'NotAllowedError' || name === 'SecurityError'
      ? 'permission'
      : name === 'NotFoundError' || name === 'OverconstrainedError'
        ? 'no-camera'
        : name === 'NotReadableError' || name === 'AbortError'
          ? 'busy'
          : name === 'TypeError'
            ? 'unsupported'
            : 'other'
  const key = `error.camera.${reason}` as const
  return { code: 'SCANNER_UNAVAILABLE', reason, key, message: formatMessage('vi', key) }
}

/** Draws the current video frame into a (reused) canvas, scaled down to maxSide. */
function canvasFrameGrabber(): (video: HTMLVideoElement, maxSide: number) => ImageDataLike | null {
  let canvas: HTMLCanvasElement | null = null
  return (video, maxSide) => {
    const { videoWidth: w, videoHeight: h } = video
    if (!w || !h) return null
    const scale = Math.min(1, maxSide / Math.max(w, h))
    canvas ??= document.createElement('canvas')
    canvas.width = Math.round(w * scale)
    canvas.height = Math.round(h * scale)
    const ctx = canvas.getContext('2d', { willReadFrequently: true })
    if (!ctx) return null
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height)
    return ctx.getImageData(0, 0, canvas.width, canvas.height)
  }
}

export class WebcamScanner {
  private readonly options: WebcamScannerOptions
  private readonly grab: (video: HTMLVideoElement, maxSide: number) => ImageDataLike | null
  private readonly decode: (image: ImageDataLike) => string | null
  private readonly now: () => number
  private stream: MediaStream | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private last: { text: string; at: number } | null = null
  private generation = 0

  constructor(
    private readonly video: HTMLVideoElement,
    options: WebcamScannerOptions
  ) {
    this.options = options
    this.grab = options.grabFrame ?? canvasFrameGrabber()
    this.decode = options.decode ?? ((image) => decodeQrFromImageData(image))
    this.now = options.now ?? (() => Date.now())
  }

  get running(): boolean {
    return this.stream !== null
  }

  /** Opens the camera and starts decoding; resolves false (after onError) when the camera cannot be used. */
  async start(): Promise<boolean> {
    if (this.stream) return true
    const generation = ++this.generation
    const media = this.options.mediaDevices ?? globalThis.navigator?.mediaDevices
    try {
      if (!media) throw new TypeError('mediaDevices unavailable')
      const stream = await media.getUserMedia({
        video: this.options.constraints ?? {
          facingMode: 'environment',
          width: { ideal: 1280 },
          height: { ideal: 720 }
        },
        audio: false
      })
      if (generation !== this.generation) {
        stopTracks(stream) // stop() was called while the permission prompt was open
        return false
      }
      this.stream = stream
      this.video.srcObject = stream
      this.video.muted = true
      this.video.playsInline = true
      await this.video.play()
    } catch (e) {
      this.stop()
      this.options.onError?.(webcamErrorFrom(e))
      return false
    }
    this.schedule(generation)
    return true
  }

  stop(): void {
    this.generation++
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.stream) stopTracks(this.stream)
    this.stream = null
    this.video.srcObject = null
    this.last = null
  }

  private schedule(generation: number): void {
    this.timer = setTimeout(() => this.tick(generation), this.options.intervalMs ?? 150)
  }

  private tick(generation: number): void {
    if (generation !== this.generation) return
    try {
      const frame = this.grab(this.video, this.options.maxSide ?? 960)
      const text = frame ? this.decode(frame) : null
      if (text) this.deliver(text)
    } catch (e) {
      console.error('webcam: frame decode failed', e)
    }
    if (generation === this.generation) this.schedule(generation)
  }

  private deliver(text: string): void {
    const now = this.now()
    const repeatMs = this.options.repeatMs ?? 3000
    const repeated = this.last !== null && this.last.text === text && now - this.last.at < repeatMs
    this.last = { text, at: now }
    if (!repeated) this.options.onScan(text)
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop()
}
