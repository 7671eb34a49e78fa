import { useEffect, useState } from 'react'
import type { AppStatus } from '../../contract/status'
import { bridge } from './bridge'

/** App status: fetched once, then kept live by status:changed events. */
export function useAppStatus(): { status: AppStatus | null; refresh: () => void } {
  const [status, setStatus] = useState<AppStatus | null>(null)
  const refresh = (): void => {
    void bridge.call('app:status', {}).then((r) => {
      if (r.ok) setStatus(r.value)
    })
  }
  useEffect(() => {
    refresh()
    return bridge.on('status:changed', setStatus)
  }, [])
  return { status, refresh }
}
