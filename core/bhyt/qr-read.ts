import type { BhytQrRead } from '../../contract/bhyt'
import { AppError } from '../../contract/errors'
import type { EventName, EventPayload } from '../../contract/api'
import { BhytQrError, parseBhytQr } from '../../protocol/bhyt/card-qr'

/** A scanned BHYT card or VssID QR → the card and the holder; anything else is QR_INVALID (fills nothing). */
export function readBhytQr(text: string): BhytQrRead {
  try {
    const d = parseBhytQr(text)
    return { card: d.card, holder: d.holder }
  } catch (e) {
    if (e instanceof BhytQrError) throw AppError.of('QR_INVALID', 'bhyt.qrInvalid').withDetail(e.reason)
    throw e
  }
}

/**
 * A hardware scanner's BHYT QR, pushed to the screen as `bhyt:scanned`. False when it cannot be read as one: the
 * caller then takes the CCCD way, whose refusal says what the text is.
 */
export function publishBhytScan(
  publish: <E extends EventName>(name: E, payload: EventPayload<E>) => void,
  text: string
): boolean {
  let read: BhytQrRead
  try {
    read = readBhytQr(text)
  } catch {
    return false
  }
  publish('bhyt:scanned', { ok: true, value: read })
  return true
}
