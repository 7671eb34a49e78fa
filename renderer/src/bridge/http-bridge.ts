import type { ReceptionBridge } from '../../../contract/bridge'
import { AppError, type AppErrorValue, type Result } from '../../../contract/errors'

const TOKEN_KEY = 'reception.token'

/** Browser mode: the per-launch token arrives in the URL fragment once, then lives in sessionStorage. */
function takeToken(): string {
  const m = /token=([\w-]+)/.exec(window.location.hash)
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1])
    history.replaceState(null, '', window.location.pathname)
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

/**
 * Why browser mode cannot work from this page: opened without the launch's `#token` (a bookmark, a typed address),
 * or with a token the server refuses (it was restarted since). The screen then explains how to open the app
 * instead of showing a form whose save could never succeed.
 */
export type LaunchProblem = 'no-token' | 'token-refused'
let launchProblem: LaunchProblem | null = null
const problemListeners = new Set<(p: LaunchProblem) => void>()

function reportLaunchProblem(p: LaunchProblem): void {
  if (launchProblem === p) return
  launchProblem = p
  for (const l of problemListeners) l(p)
}

export const launchCheck = {
  current: (): LaunchProblem | null => launchProblem,
  subscribe(l: (p: LaunchProblem) => void): () => void {
    problemListeners.add(l)
    return () => problemListeners.delete(l)
  }
}

const transportError = (message: string): AppErrorValue =>
  AppError.of('INTERNAL', 'error.transport.lost').withDetail(message).toValue()

/**
 * A refused request: the server's own error (e.g. 413 "Yêu cầu quá lớn", with its catalogue key) when it sent one,
 * so the clerk reads what happened instead of "HTTP 413"; a bare status otherwise.
 */
async function refusal(res: Response): Promise<Result<never>> {
  try {
    const body = (await res.json()) as { ok?: unknown; error?: Partial<AppErrorValue> } | null
    if (body?.ok === false && typeof body.error?.code === 'string' && typeof body.error.message === 'string')
      return { ok: false, error: body.error as AppErrorValue }
  } catch {
    // Not JSON: a proxy's page or an empty body.
  }
  return { ok: false, error: transportError(`HTTP ${res.status}`) }
}

/** The same ReceptionBridge the Electron preload exposes, over the loopback HTTP transport. */
export function createHttpBridge(): ReceptionBridge {
  const token = takeToken()
  if (!token) reportLaunchProblem('no-token')
  const headers = { Authorization: `Bearer ${token}` }
  type Listener = (payload: unknown) => void
  const listeners = new Map<string, Set<Listener>>()
  let streaming = false

  const startEvents = async (): Promise<void> => {
    if (streaming) return
    streaming = true
    for (;;) {
      try {
        const res = await fetch('/api/events', { headers })
        if (res.status === 401) {
          reportLaunchProblem(token ? 'token-refused' : 'no-token')
          return
        }
        const reader = res.body?.getReader()
        if (!reader) throw new Error('no event stream')
        const decoder = new TextDecoder()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += decoder.decode(value, { stream: true })
          let idx
          while ((idx = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, idx)
            buffer = buffer.slice(idx + 2)
            const name = /^event: (.+)$/m.exec(frame)?.[1]
            const data = /^data: (.+)$/m.exec(frame)?.[1]
            if (name && data) for (const l of listeners.get(name) ?? []) l(JSON.parse(data))
          }
        }
      } catch {
        // The server restarted or the network blinked: reconnect shortly.
      }
      await new Promise((r) => setTimeout(r, 2000))
    }
  }

  return {
    async call(name, input) {
      try {
        const res = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(input)
        })
        if (res.status === 401) {
          // A token of an earlier launch: forget it, so a reload does not keep sending it.
          sessionStorage.removeItem(TOKEN_KEY)
          reportLaunchProblem(token ? 'token-refused' : 'no-token')
        }
        if (!res.ok) return await refusal(res)
        return (await res.json()) as Result<never>
      } catch (e) {
        return { ok: false, error: transportError(e instanceof Error ? e.message : String(e)) }
      }
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set<Listener>()
      set.add(listener as Listener)
      listeners.set(name, set)
      void startEvents()
      return () => set.delete(listener as Listener)
    }
  }
}
