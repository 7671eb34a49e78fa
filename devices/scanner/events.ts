/** A tiny typed event emitter: each scanner adapter has a handful of events and no need for node:events. */
export type Listener<T> = (value: T) => void

export class TypedEmitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>()

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(event)
    if (!set) {
      set = new Set()
      this.listeners.set(event, set)
    }
    set.add(listener as Listener<never>)
    return () => this.off(event, listener)
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    this.listeners.get(event)?.delete(listener as Listener<never>)
  }

  /** A throwing listener must not break the adapter that emits (a scanner must keep running). */
  protected emit<K extends keyof Events>(event: K, value: Events[K]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        ;(listener as Listener<Events[K]>)(value)
      } catch (e) {
        console.error(`scanner: ${String(event)} listener failed`, e)
      }
    }
  }
}
