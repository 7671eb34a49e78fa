import { Cron } from 'croner'
import type { Db } from '../../../db/connection'
import { releaseAllSending } from '../../../db/outbox-store'
import { getSetting, setSetting } from '../../../db/settings'
import { toErrorValue, type AppErrorValue } from '../../../contract/errors'
import type { SyncTarget } from '../../../contract/status'
import { type Clock, systemClock } from '../../clock'
import { NEXT_FLUSH_KEY } from '../../queue/queue-status'
import type { SyncSettings } from '../config/sync-settings'
import type { FlushProgress, FlushResult } from '../worker/outbox-worker'
import { runFlush, type ConnectorFactory, type RunFlushOptions } from '../worker/run-flush'
import { isInWindow, nextLocalTime, nextWindowStart, windowEndAfter } from './window'

export type FlushReason = 'window' | 'online' | 'manual'

/** Pushed to listeners (queue screen, status bar): counts only, never record content. */
export type SyncEvent =
  | { kind: 'started'; reason: FlushReason; at: string }
  | { kind: 'progress'; reason: FlushReason; progress: FlushProgress }
  | { kind: 'finished'; reason: FlushReason; result: FlushResult }
  | { kind: 'error'; reason: FlushReason; error: AppErrorValue }

export interface SchedulerState {
  running: FlushReason | null
  progress: FlushProgress | null
  nextFlushAt: string | null
  lastError: AppErrorValue | null
}

export interface SyncScheduler {
  /** "Send now": everything waiting, retries included, whatever the hour. Joins a flush already running first. */
  flushNow(options?: { targets?: readonly SyncTarget[] }): Promise<FlushResult>
  /** Stops the timer and any flush cleanly (in-flight outcomes are recorded). */
  stop(options?: { abortInFlight?: boolean }): Promise<void>
  subscribe(listener: (e: SyncEvent) => void): () => void
  state(): SchedulerState
  /** One scheduling decision now (what the timer calls each minute); exposed for tests. */
  tick(): Promise<void>
}

export interface SchedulerOptions {
  db: Db
  /** Read at every tick, so `reception config set schedule.window …` applies without a restart. */
  settings: () => SyncSettings
  clock?: Clock
  /** croner pattern of the decision tick. Default every minute. */
  tickPattern?: string
  connectors?: ConnectorFactory
  random?: () => number
  /** Passed to every flush (the BHYT recheck before send). */
  beforeSend?: RunFlushOptions['beforeSend']
}

/**
 * The sync schedule: a nightly window (default 22:00–05:00 local) during which the queue is flushed and
 * retries are followed as they fall due, stopping cleanly when the window closes; an optional
 * send-when-online mode that probes with one small batch every few minutes outside the window and carries
 * on when it goes through; and "send now". The next planned flush and the last result are kept in the
 * settings table (NEXT_FLUSH_KEY, LAST_FLUSH_KEY), so they survive a restart.
 */
export function startSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const { db } = options
  const clock = options.clock ?? systemClock
  const listeners = new Set<(e: SyncEvent) => void>()
  let running: {
    reason: FlushReason
    promise: Promise<FlushResult>
    stop: AbortController
    cancel: AbortController
  } | null = null
  let progress: FlushProgress | null = null
  let lastError: AppErrorValue | null = null
  let lastOnlineTry = 0
  let stopped = false

  const emit = (e: SyncEvent): void => {
    for (const l of listeners) {
      try {
        l(e)
      } catch {
        // A broken listener must not stop the queue.
      }
    }
  }

  function writeNextFlush(s: SyncSettings): void {
    const now = clock()
    let next = nextWindowStart(now, s.window)
    if (s.online && !isInWindow(now, s.window)) {
      const online = new Date(Math.max(now.getTime(), lastOnlineTry + s.onlineEveryMinutes * 60_000))
      if (online < next) next = online
    }
    const value = next.toISOString()
    const stored = getSetting<string>(db, NEXT_FLUSH_KEY)
    // Inside the window any time already past means "sending now": no need to rewrite it every minute.
    if (isInWindow(now, s.window) && stored && stored <= value) return
    if (stored !== value) setSetting(db, NEXT_FLUSH_KEY, value, now.toISOString())
  }

  function launch(
    reason: FlushReason,
    s: SyncSettings,
    extra: { until?: Date; maxRows?: number; targets?: readonly SyncTarget[] }
  ): Promise<FlushResult> {
    const stop = new AbortController()
    const cancel = new AbortController()
    const timer = extra.until
      ? setTimeout(() => stop.abort(), Math.max(0, extra.until.getTime() - clock().getTime()))
      : null
    emit({ kind: 'started', reason, at: clock().toISOString() })
    const promise = runFlush({
      db,
      clock,
      settings: s,
      signal: stop.signal,
      inFlightSignal: cancel.signal,
      includeWaiting: reason === 'manual',
      alwaysRecord: reason === 'manual',
      ...(extra.until ? { waitForRetriesUntil: extra.until } : {}),
      ...(extra.maxRows ? { maxRows: extra.maxRows } : {}),
      ...(extra.targets ? { targets: extra.targets } : {}),
      ...(options.connectors ? { connectors: options.connectors } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.beforeSend ? { beforeSend: options.beforeSend } : {}),
      onProgress: (p) => {
        progress = p
        emit({ kind: 'progress', reason, progress: p })
      }
    })
      .finally(() => {
        if (timer) clearTimeout(timer)
        running = null
        progress = null
      })
      // Listeners hear the end once the scheduler is idle again, so a "send now" from a listener is not refused.
      .then(
        (result) => {
          lastError = null
          emit({ kind: 'finished', reason, result })
          return result
        },
        (e: unknown) => {
          lastError = toErrorValue(e)
          emit({ kind: 'error', reason, error: lastError })
          throw e
        }
      )
    running = { reason, promise, stop, cancel }
    return promise
  }

  async function tick(): Promise<void> {
    if (stopped || running) return
    let s: SyncSettings
    try {
      s = options.settings()
    } catch (e) {
      lastError = toErrorValue(e)
      return
    }
    const now = clock()
    writeNextFlush(s)
    try {
      if (isInWindow(now, s.window)) {
        await launch('window', s, { until: windowEndAfter(now, s.window) })
      } else if (s.online && now.getTime() - lastOnlineTry >= s.onlineEveryMinutes * 60_000) {
        lastOnlineTry = now.getTime()
        // A small probe first; if it went through cleanly the network is back, so send the rest.
        const probe = await launch('online', s, { maxRows: s.batchSize })
        if (probe.sent > 0 && probe.retrying === 0 && probe.remaining > 0 && !stopped) {
          await launch('online', s, { until: nextLocalTime(clock(), s.window.start) })
        }
      }
    } catch {
      // Already reported through lastError and the 'error' event; the next tick tries again.
    }
    if (!stopped) writeNextFlush(s)
  }

  const cron = new Cron(options.tickPattern ?? '* * * * *', { protect: true }, () => tick())
  releaseAllSending(db, clock())
  void tick()

  return {
    async flushNow(opts = {}) {
      while (running) await running.promise.catch(() => undefined)
      return launch('manual', options.settings(), opts.targets ? { targets: opts.targets } : {})
    },
    async stop(opts = {}) {
      stopped = true
      cron.stop()
      const r = running
      if (!r) return
      r.stop.abort()
      if (opts.abortInFlight) r.cancel.abort()
      await r.promise.catch(() => undefined)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    state: () => ({
      running: running?.reason ?? null,
      progress,
      nextFlushAt: getSetting<string>(db, NEXT_FLUSH_KEY),
      lastError
    }),
    tick
  }
}
