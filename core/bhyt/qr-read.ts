import type { BhytQrRead } from '../../contract/bhyt'
import { AppError, toErrorValue } from '../../contract/errors'
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

/** A hardware scanner's BHYT QR, pushed to the screen as `bhyt:scanned` (the CCCD path would refuse it). */
export function publishBhytScan(
  publish: <E extends EventName>(name: E, payload: EventPayload<E>) => void,
  text: string
): void {
  try {
    publish('bhyt:scanned', { ok: true, value: readBhytQr(text) })
  } catch (e) {
    publish('bhyt:scanned', { ok: false, error: toErrorValue(e) })
  }
}
