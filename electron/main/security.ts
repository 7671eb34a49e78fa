import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../core/security-headers'

export { CONTENT_SECURITY_POLICY }

/**
 * Window options per docs/electron-anchors.md §2: isolated, sandboxed, no Node in the page, web security on, no
 * remote module surface. Pure so it is unit-tested without the Electron binary.
 */
export function buildWindowOptions(preloadPath: string, devTools = false): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Tiếp đón bệnh nhân',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Decided by decideLaunch (launch-policy.ts): never in a packaged app, whatever NODE_ENV says.
      devTools
    }
  }
}

/** The app's own pages: the packaged file:// renderer, or the dev server in development. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (devServerUrl) {
    const dev = new URL(devServerUrl)
    if (parsed.origin === dev.origin) return true
  }
  return (
    parsed.protocol === 'file:' &&
    /\/out\/renderer\/index\.html$|\/renderer\/index\.html$/.test(parsed.pathname)
  )
}

/** Media (webcam QR fallback) and writing the clipboard ('copy diagnostics' for IT) are all the page may have. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  devServerUrl: string | undefined
): boolean {
  return (
    (permission === 'media' || permission === 'clipboard-sanitized-write') &&
    isAppUrl(requestingUrl, devServerUrl)
  )
}

/** Headers every response to the renderer gets: the strict CSP. */
export function withSecurityHeaders(
  headers: Record<string, string[] | string> | undefined
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [k, v] of Object.entries(headers ?? {})) out[k] = Array.isArray(v) ? v : [v]
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return out
}

/** Navigation, new windows and permission requests are denied unless they are the app's own. */
export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  session.setPermissionRequestHandler((wc, permission, callback) =>
    callback(isPermissionAllowed(permission, wc.getURL(), devServerUrl))
  )
  session.setPermissionCheckHandler((wc, permission) =>
    isPermissionAllowed(permission, wc?.getURL() ?? '', devServerUrl)
  )
  session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) })
  )
}

export function hardenWebContents(contents: WebContents, devServerUrl: string | undefined): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
