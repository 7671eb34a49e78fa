/** ASN.1 string types seen in DG13 and how to turn their bytes into text. */

export const TAG_UTF8_STRING = 0x0c
export const TAG_PRINTABLE_STRING = 0x13
export const TAG_IA5_STRING = 0x16
export const TAG_BMP_STRING = 0x1e
export const TAG_OCTET_STRING = 0x04

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export function isStringTag(tag: number): boolean {
  return (
    tag === TAG_UTF8_STRING ||
    tag === TAG_PRINTABLE_STRING ||
    tag === TAG_IA5_STRING ||
    tag === TAG_BMP_STRING ||
    tag === TAG_OCTET_STRING
  )
}

/**
 * Decodes a string value; null when the bytes are not valid for the type. PrintableString and
 * IA5String are ASCII by definition, but a chip that put UTF-8 there is still read as UTF-8.
 */
export function decodeAsn1String(tag: number, bytes: Uint8Array): string | null {
  if (tag === TAG_BMP_STRING) {
    if (bytes.length % 2 !== 0) return null
    let out = ''
    for (let i = 0; i < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!)
    return out
  }
  try {
    return utf8.decode(bytes)
  } catch {
    return null
  }
}
