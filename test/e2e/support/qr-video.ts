import QRCode from 'qrcode'
import { writeFileSync } from 'node:fs'

/**
 * A Y4M video (what Chromium's fake camera plays) showing `text` as a QR code, black on white, in the middle of a
 * grey 640×480 frame: a card held up to the webcam.
 */
export function writeQrVideo(path: string, text: string, frames = 5): void {
  const width = 640
  const height = 480
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = qr.modules.size
  const scale = Math.floor(400 / (size + 8))
  const side = (size + 8) * scale
  const left = Math.floor((width - side) / 2)
  const top = Math.floor((height - side) / 2)
  const y = Buffer.alloc(width * height, 0x80)
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      const r = Math.floor(py / scale) - 4
      const c = Math.floor(px / scale) - 4
      const dark = r >= 0 && c >= 0 && r < size && c < size && qr.modules.get(r, c) === 1
      y[(top + py) * width + left + px] = dark ? 0x10 : 0xeb
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 0x80)
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma])
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]))
}
