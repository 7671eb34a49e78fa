import { EventEmitter } from 'node:events'
import { Worker } from 'node:worker_threads'
import type { CardWorkerData, CardWorkerMessage } from './card-worker'

/** A fixture card on the virtual reader, served from its own thread (see card-worker.ts for why). */
export class VirtualCardHandle extends EventEmitter<{ inserted: []; removed: [] }> {
  private worker: Worker
  private nextId = 1
  private readonly waiting = new Map<
    number,
    { resolve: (v: number | undefined) => void; reject: (e: Error) => void }
  >()
  private isInserted = false
  readonly ready: Promise<void>

  constructor(data: CardWorkerData) {
    super()
    this.worker = new Worker(new URL('./card-worker.ts', import.meta.url), {
      workerData: data,
      execArgv: ['--import', 'tsx']
    })
    this.worker.unref()
    let started: { resolve: () => void; reject: (e: Error) => void }
    this.ready = new Promise<void>((resolve, reject) => (started = { resolve, reject }))
    this.worker.on('message', (m: CardWorkerMessage) => {
      if ('event' in m) {
        this.isInserted = m.event === 'inserted'
        this.emit(m.event)
        return
      }
      if (m.id === 0) return m.ok ? started.resolve() : started.reject(new Error(m.error))
      const w = this.waiting.get(m.id)
      this.waiting.delete(m.id)
      if (m.ok) w?.resolve(m.value)
      else w?.reject(new Error(m.error))
    })
    this.worker.on('error', (e) => started.reject(e))
  }

  get inserted(): boolean {
    return this.isInserted
  }

  private call(op: 'insert' | 'remove' | 'apduCount'): Promise<number | undefined> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.worker.postMessage({ id, op })
    })
  }

  async insert(): Promise<void> {
    await this.call('insert')
    this.isInserted = true
  }

  /** Takes the card off the reader (the thread stays, for the next insert; it never keeps the process alive). */
  async remove(): Promise<void> {
    await this.call('remove')
    this.isInserted = false
  }

  async apduCount(): Promise<number> {
    return (await this.call('apduCount')) ?? 0
  }

  /** Ends the card's thread (a script that is done must be able to exit; its message port would keep it alive). */
  async dispose(): Promise<void> {
    if (this.isInserted) await this.remove()
    await this.worker.terminate()
  }
}
