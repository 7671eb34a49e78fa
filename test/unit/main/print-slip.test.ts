import { describe, expect, it, vi } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { signIn, testGate } from '../../support/accounts'

/** The Electron print path, with BrowserWindow faked (no Electron binary on the build machines). */
const windows: FakeWindow[] = []
class FakeWindow {
  url = ''
  printed: unknown = null
  destroyed = false
  constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
    windows.push(this)
  }
  loadURL(url: string): Promise<void> {
    this.url = url
    return Promise.resolve()
  }
  webContents = {
    print: (options: unknown, done: (ok: boolean) => void) => {
      this.printed = options
      done(true)
    }
  }
  destroy(): void {
    this.destroyed = true
  }
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow }))

const APP = 'file:///C:/Program%20Files/Reception/resources/app.asar/out/renderer/index.html'
const frame = (url: string) => ({ senderFrame: { url, parent: null } }) as never

describe('printing the slip in Electron', () => {
  it('fetches the slip through the gate, prints it from a hidden script-less window, and refuses foreign senders', async () => {
    const { registerPrintSlip } = await import('../../../electron/main/print-slip')
    const { MainSession } = await import('../../../electron/main/ipc')
    const { PRINT_SLIP_CHANNEL } = await import('../../../contract/channels')
    const t = testServices()
    try {
      const gate = testGate(t.services)
      const session = new MainSession(gate)
      const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>()
      registerPrintSlip(
        { handle: (ch: string, fn: never) => handlers.set(ch, fn) } as never,
        gate,
        session,
        undefined
      )
      const print = handlers.get(PRINT_SLIP_CHANNEL)!
      const saved = t.services.register(registration())

      // No session: the gate refuses, nothing is opened.
      expect(await print(frame(APP), saved.visitId, '80mm')).toMatchObject({ ok: false })
      expect(windows).toHaveLength(0)

      session.id = await signIn(gate, 'clerk')
      expect(await print(frame('https://evil.example/'), saved.visitId, '80mm')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' }
      })
      expect(await print(frame(APP), saved.visitId, 'poster')).toMatchObject({ ok: false })

      expect(await print(frame(APP), saved.visitId, '58mm')).toEqual({ ok: true, value: { printed: true } })
      expect(windows).toHaveLength(1)
      const w = windows[0]!
      expect(w.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true } })
      const html = decodeURIComponent(w.url.replace(/^data:text\/html;charset=utf-8,/, ''))
      expect(html).toContain('Nguyễn Thị Hồng Nhung')
      expect(html).toContain('size: 58mm')
      expect(w.printed).toMatchObject({ silent: false })
      expect(w.destroyed).toBe(true)
    } finally {
      t.cleanup()
    }
  })
})
