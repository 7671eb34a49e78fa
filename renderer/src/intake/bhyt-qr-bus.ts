import type { BhytQrRead } from '../../../contract/bhyt'
import type { AppErrorValue } from '../../../contract/errors'

/** BHYT card / VssID QR scans (wedge, camera or hardware scanner) for the BHYT section; CCCD scans use intakeBus. */
export type BhytQrMessage = { ok: true; read: BhytQrRead } | { ok: false; error: AppErrorValue }

type Listener = (m: BhytQrMessage) => void
const listeners = new Set<Listener>()

export const bhytQrBus = {
  publish(m: BhytQrMessage): void {
    for (const l of listeners) l(m)
  },
  subscribe(l: Listener): () => void {
    listeners.add(l)
    return () => listeners.delete(l)
  }
}
