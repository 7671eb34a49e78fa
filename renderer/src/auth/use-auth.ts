import { useCallback, useEffect, useState } from 'react'
import type { AuthState } from '../../../contract/auth'
import type { AppErrorValue, Result } from '../../../contract/errors'
import { bridge } from '../bridge'

export type AuthAction = (r: Promise<Result<AuthState>>) => Promise<AppErrorValue | null>

/** The desk session as the screen sees it; the main process / server holds the session itself. */
export function useAuth(): { state: AuthState | null; refresh: () => void; run: AuthAction } {
  const [state, setState] = useState<AuthState | null>(null)
  const refresh = useCallback(() => {
    void bridge.call('auth:state', {}).then((r) => {
      if (r.ok) setState(r.value)
    })
  }, [])
  const run: AuthAction = useCallback(async (pending) => {
    const r = await pending
    if (r.ok) {
      setState(r.value)
      return null
    }
    return r.error
  }, [])
  useEffect(() => {
    refresh()
    // The server locks an idle session on its own; notice it even if this page missed the moment.
    const timer = setInterval(refresh, 15_000)
    return () => clearInterval(timer)
  }, [refresh])
  return { state, refresh, run }
}

/** Locks after `minutes` without a key press, click or touch (the idle lock also holds on the server). */
export function useIdleLock(minutes: number, active: boolean, lock: () => void): void {
  useEffect(() => {
    if (!active || minutes <= 0) return
    let timer = setTimeout(lock, minutes * 60_000)
    const reset = (): void => {
      clearTimeout(timer)
      timer = setTimeout(lock, minutes * 60_000)
    }
    const events = ['keydown', 'mousedown', 'pointerdown', 'wheel', 'touchstart'] as const
    for (const e of events) window.addEventListener(e, reset, { passive: true })
    return () => {
      clearTimeout(timer)
      for (const e of events) window.removeEventListener(e, reset)
    }
  }, [minutes, active, lock])
}
