// Shared setup for the PC/SC integration suites: a private stack, a manager on the real addon, and
// waiting for events (never fixed sleeps).
import { readFileSync } from 'node:fs'
import { ReaderManager } from '../../../devices/pcsc'
import type { ReaderManagerEvents } from '../../../devices/pcsc'
import { smartcardBackend } from '../../../devices/pcsc/smartcard-backend'
import { type PcscStack, startStack, stackUnavailableReason } from '../../harness/stack'

export const unavailable = stackUnavailableReason()
if (unavailable) console.warn(`[pcsc integration] ${unavailable}`)

export async function startManagedStack(): Promise<{ stack: PcscStack; manager: ReaderManager }> {
  const stack = await startStack()
  const manager = new ReaderManager(smartcardBackend(), {
    preferredReader: null,
    pollIntervalMs: 500,
    backoffMinMs: 50,
    backoffMaxMs: 400
  })
  manager.start()
  await manager.waitForState('ready', 10_000)
  return { stack, manager }
}

/** Resolves with the next `event` for which `match` holds. */
export function nextEvent<K extends keyof ReaderManagerEvents>(
  manager: ReaderManager,
  event: K,
  match: (...args: ReaderManagerEvents[K]) => boolean = () => true,
  timeoutMs = 5000
): Promise<ReaderManagerEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      manager.off(event, listener as never)
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`))
    }, timeoutMs)
    const listener = (...args: ReaderManagerEvents[K]) => {
      if (!match(...args)) return
      clearTimeout(timer)
      manager.off(event, listener as never)
      resolve(args)
    }
    manager.on(event, listener as never)
  })
}

export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'))
export const sw = (r: Uint8Array): number => (r[r.length - 2]! << 8) | r[r.length - 1]!

/** Resolves once PID has ended (gone or zombie: kill -0 would still succeed on a zombie). */
export async function processEnded(pid: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let state: string | undefined
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]
    } catch {
      return
    }
    if (state === 'Z' || state === 'X') return
    if (Date.now() > deadline) throw new Error(`process ${pid} still running after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
