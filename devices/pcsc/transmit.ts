// APDU exchange rules every PC/SC caller needs, over a raw transmit function (pure logic, no I/O of its own):
// 61xx → GET RESPONSE until done, 6Cxx → re-issue with the right Le, empty/short R-APDU → card gone.
import { pcscError } from './errors'

export type RawTransmit = (apdu: Uint8Array) => Promise<Uint8Array>

/** Upper bound on 61xx rounds so a broken card cannot keep us looping. */
const MAX_GET_RESPONSE_ROUNDS = 64

/** The command with its Le (short) replaced by `le`, or appended for a command without Le. */
export function withLe(apdu: Uint8Array, le: number): Uint8Array {
  if (apdu.length < 4) return apdu
  if (apdu.length === 4) return Uint8Array.from([...apdu, le])
  if (apdu.length === 5) return Uint8Array.from([...apdu.subarray(0, 4), le])
  const lc = apdu[4]!
  if (lc === 0) return apdu // extended length: no short-Le rewrite
  if (apdu.length === 5 + lc) return Uint8Array.from([...apdu, le])
  return Uint8Array.from([...apdu.subarray(0, 5 + lc), le])
}

export async function transmitApdu(raw: RawTransmit, apdu: Uint8Array): Promise<Uint8Array> {
  let response = await raw(apdu)
  // pcsc-lite can resolve an in-flight transmit with nothing when the card leaves (harness doc §7).
  if (response.length < 2) throw pcscError('CARD_REMOVED', `R-APDU of ${response.length} bytes`)
  if (response[response.length - 2] === 0x6c) {
    response = await raw(withLe(apdu, response[response.length - 1]!))
    if (response.length < 2) throw pcscError('CARD_REMOVED', `R-APDU of ${response.length} bytes`)
  }
  const chunks: Uint8Array[] = []
  let rounds = 0
  while (response[response.length - 2] === 0x61) {
    if (++rounds > MAX_GET_RESPONSE_ROUNDS) throw pcscError('INTERNAL', 'too many 61xx rounds')
    chunks.push(response.subarray(0, response.length - 2))
    const getResponse = Uint8Array.from([apdu[0]! & 0x03, 0xc0, 0x00, 0x00, response[response.length - 1]!])
    response = await raw(getResponse)
    if (response.length < 2) throw pcscError('CARD_REMOVED', `R-APDU of ${response.length} bytes`)
  }
  if (chunks.length === 0) return response
  chunks.push(response)
  const total = chunks.reduce((n, c) => n + c.length, 0)
  const out = new Uint8Array(total)
  let off = 0
  for (const c of chunks) {
    out.set(c, off)
    off += c.length
  }
  return out
}
