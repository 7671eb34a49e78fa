import type { Result } from './errors'
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from './api'

/** The one object the preload exposes as window.reception (and the browser transport imitates). */
export interface ReceptionBridge {
  call<C extends CallName>(name: C, input: CallInput<C>): Promise<Result<CallOutput<C>>>
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
}
