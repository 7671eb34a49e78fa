import type { Result } from './errors'
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from './api'
import type { SlipFormat } from './desk'

/** The one object the preload exposes as window.reception (and the browser transport imitates). */
export interface ReceptionBridge {
  call<C extends CallName>(name: C, input: CallInput<C>): Promise<Result<CallOutput<C>>>
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
  /**
   * Electron only: the main process fetches the slip (desk:slip, through the session gate) and prints it with the
   * system print dialog. Browser mode has none and prints from a hidden frame (renderer/src/desk/print-slip.ts).
   */
  printSlip?(visitId: string, format: SlipFormat): Promise<Result<{ printed: boolean }>>
}
