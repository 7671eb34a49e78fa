import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { WebContents } from 'electron'
import {
  buildWindowOptions,
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  isAppUrl,
  isPermissionAllowed,
  withSecurityHeaders
} from '../../../electron/main/security'
import { isTrustedSender, registerIpc, CALL_CHANNEL, MainSession } from '../../../electron/main/ipc'
import { testGate, TEST_PASSWORD } from '../../support/accounts'
import { testServices } from '../../support/fixtures'

const APP = 'file:///C:/Program%20Files/Reception/resources/app.asar/out/renderer/index.html'

describe('window options', () => {
  it('isolates and sandboxes the page with no Node in it', () => {
    const o = buildWindowOptions('/app/out/preload/index.js')
    expect(o.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })

  it('sends a strict CSP with every response: own scripts only, no eval, no inline script', () => {
    const h = withSecurityHeaders({ 'Content-Type': 'text/html', 'Content-Security-Policy': 'default-src *' })
    expect(h['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline/)
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
  })
})

describe('navigation and permissions', () => {
  it('knows the app pages and nothing else', () => {
    expect(isAppUrl(APP, undefined)).toBe(true)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false)
    expect(isAppUrl('https://example.com/out/renderer/index.html', undefined)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false)
    expect(isAppUrl('not a url', undefined)).toBe(false)
  })

  it('grants the camera (webcam QR fallback) to the app only, and nothing else', () => {
    expect(isPermissionAllowed('media', APP, undefined)).toBe(true)
    expect(isPermissionAllowed('media', 'https://evil.example', undefined)).toBe(false)
    for (const p of ['geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'serial']) {
      expect(isPermissionAllowed(p, APP, undefined)).toBe(false)
    }
  })

  it("lets the app write (never read) the clipboard, for IT's 'copy diagnostics'", () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP, undefined)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example', undefined)).toBe(false)
    expect(isPermissionAllowed('clipboard-read', APP, undefined)).toBe(false)
  })

  it('blocks navigation away, webviews and every new window', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (h: () => unknown) => void }
    let openHandler: (() => unknown) | null = null
    contents.setWindowOpenHandler = (h) => {
      openHandler = h
    }
    hardenWebContents(contents as unknown as WebContents, undefined)
    const navigate = (event: string, url: string): boolean => {
      let prevented = false
      contents.emit(event, { preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    expect(navigate('will-navigate', 'https://phishing.example/')).toBe(true)
    expect(navigate('will-redirect', 'https://phishing.example/')).toBe(true)
    expect(navigate('will-navigate', APP)).toBe(false)
    expect(navigate('will-attach-webview', APP)).toBe(true)
    expect(openHandler!()).toEqual({ action: 'deny' })
  })
})

describe('IPC', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as never

  it('accepts only the top-level app frame', () => {
    expect(isTrustedSender(frame(APP), undefined)).toBe(true)
    expect(isTrustedSender(frame(APP, {}), undefined)).toBe(false)
    expect(isTrustedSender(frame('https://evil.example/'), undefined)).toBe(false)
    expect(isTrustedSender({ senderFrame: null } as never, undefined)).toBe(false)
  })

  it('validates every call against the contract and never throws across IPC', async () => {
    const t = testServices()
    const registered = new Map<string, (...args: unknown[]) => Promise<unknown>>()
    const gate = testGate(t.services)
    const session = new MainSession(gate)
    registerIpc(
      { handle: (ch: string, fn: never) => registered.set(ch, fn) } as never,
      gate,
      session,
      undefined
    )
    const call = registered.get(CALL_CHANNEL)!
    // Nothing without a session; the main process keeps the one sign-in gives.
    expect(await call(frame(APP), 'queue:status', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' }
    })
    await gate.accounts.add(
      {
        username: 'tiepdon',
        fullName: 'Lê Thị A',
        idNumber: '022190001111',
        role: 'clerk',
        password: TEST_PASSWORD,
        pin: null
      },
      'test'
    )
    expect(
      await call(frame(APP), 'auth:signIn', { username: 'tiepdon', password: TEST_PASSWORD })
    ).toMatchObject({
      ok: true,
      value: { user: { username: 'tiepdon', role: 'clerk' } }
    })
    expect(session.id).not.toBeNull()
    expect(session.mayReceive()).toBe(true)
    expect(await call(frame(APP), 'queue:status', {})).toMatchObject({ ok: true, value: { waiting: 0 } })
    expect(await call(frame(APP), 'patients:search', { text: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Dữ liệu gửi lên không hợp lệ.' }
    })
    expect(await call(frame(APP), 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' }
    })
    expect(await call(frame('https://evil.example/'), 'queue:status', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    t.cleanup()
  })
})
