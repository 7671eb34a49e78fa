import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { createHttpBridge } from '../../../renderer/src/bridge/http-bridge'

// Browser mode's transport, with the page's globals stood in: what the clerk reads when the server refuses a call.
beforeEach(() => {
  const store = new Map<string, string>()
  vi.stubGlobal('window', { location: { hash: '#token=launch-token', pathname: '/' } })
  vi.stubGlobal('history', { replaceState: () => undefined })
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k)
  })
})
afterEach(() => vi.unstubAllGlobals())

const answer = (status: number, body: string) =>
  vi.stubGlobal(
    'fetch',
    async () => new Response(body, { status, headers: { 'content-type': 'application/json' } })
  )

it('a request too large shows the server\'s own message, not "HTTP 413"', async () => {
  answer(
    413,
    JSON.stringify({
      ok: false,
      error: {
        code: 'VALIDATION',
        key: 'input.tooLarge',
        message: 'Yêu cầu quá lớn (300000 byte, tối đa 262144 byte).'
      }
    })
  )
  const r = await createHttpBridge().call('queue:status', {})
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'input.tooLarge' } })
  if (!r.ok) expect(r.error.message).toContain('quá lớn')
})

it('a refusal without a readable body still says which status it was', async () => {
  answer(502, '<html>Bad gateway</html>')
  const r = await createHttpBridge().call('queue:status', {})
  expect(r.ok).toBe(false)
  if (!r.ok) expect(r.error.detail ?? r.error.message).toContain('HTTP 502')
})
