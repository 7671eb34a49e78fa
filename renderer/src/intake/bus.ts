import type { AppErrorValue } from '../../../contract/errors'
import type { CardEvent, QrRead } from '../../../contract/reading'

/** What reaches the reception form from scanners and the card reader. */
export type IntakeMessage =
  | { kind: 'qr'; read: QrRead }
  | { kind: 'card'; event: CardEvent }
  | { kind: 'scan-error'; error: AppErrorValue; hint: string | null }

type Listener = (m: IntakeMessage) => void
const listeners = new Set<Listener>()

/** A tiny in-page bus: the scanner hooks publish, the form subscribes (it owns the form state). */
export const intakeBus = {
  publish(m: IntakeMessage): void {
    for (const l of listeners) l(m)
  },
  subscribe(l: Listener): () => void {
    listeners.add(l)
    return () => listeners.delete(l)
  }
}
