// Runs one virtual card in a worker thread. Why: libpcsclite calls such as SCardDisconnect block the calling
// thread until pcscd answers, and pcscd may first need the card to answer vpcd (a presence poll). With the card
// on the same event loop as the PC/SC client, that is a deadlock; on its own thread the card always answers.
import { parentPort, workerData } from 'node:worker_threads'
import { EmrtdChip, type ChipOptions } from './chip'
import { VpcdCard, type VpcdCardOptions } from './vpcd-card'

export interface CardWorkerData {
  /** Built by the caller (the same fixture bytes the test compares against); plain data only. */
  chip: Omit<ChipOptions, 'random'>
  link: Omit<VpcdCardOptions, 'onApdu'>
}
export type CardWorkerRequest = { id: number; op: 'insert' | 'remove' | 'apduCount' }
export type CardWorkerMessage =
  | { id: number; ok: true; value?: number }
  | { id: number; ok: false; error: string }
  | { event: 'inserted' | 'removed' }

const data = workerData as CardWorkerData
const port = parentPort!

async function main(): Promise<void> {
  const card = new VpcdCard(new EmrtdChip(data.chip), data.link)
  card.on('inserted', () => port.postMessage({ event: 'inserted' } satisfies CardWorkerMessage))
  card.on('removed', () => port.postMessage({ event: 'removed' } satisfies CardWorkerMessage))
  port.on('message', (req: CardWorkerRequest) => {
    const done = (p: Promise<number | void>): void => {
      p.then(
        (value) =>
          port.postMessage({ id: req.id, ok: true, ...(typeof value === 'number' ? { value } : {}) }),
        (e: unknown) => port.postMessage({ id: req.id, ok: false, error: String(e) })
      )
    }
    if (req.op === 'insert') done(card.insert())
    else if (req.op === 'remove') done(card.remove())
    else done(Promise.resolve(card.apduCount))
  })
  port.postMessage({ id: 0, ok: true } satisfies CardWorkerMessage)
}

main().catch((e: unknown) =>
  port.postMessage({ id: 0, ok: false, error: String(e) } satisfies CardWorkerMessage)
)
