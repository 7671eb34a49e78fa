/**
 * Symbol bytes → scanned text. Pure. Scanners in HID-POS and USB-COM modes pass the QR's bytes through
 * untouched; a CCCD QR is UTF-8 (byte mode), so we decode UTF-8 ourselves and never guess a code page.
 * The text stays raw (no NFC, no trimming inside): normalising is the QR parser's job.
 */

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false })

/** Decodes UTF-8 and drops the scanner's configured suffix (CR, LF, Tab, NUL padding) at the end. */
export function symbolBytesToText(bytes: Uint8Array): string {
  let end = bytes.length
  while (end > 0) {
    const b = bytes[end - 1]
    if (b === 0x0d || b === 0x0a || b === 0x09 || b === 0x00) end--
    else break
  }
  return utf8.decode(bytes.subarray(0, end))
}
