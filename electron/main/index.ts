import { app, BrowserWindow, ipcMain, dialog, safeStorage, session } from 'electron'
import { join } from 'node:path'
import { createServices, type Services } from '../../core'
import { APP_DIR_NAME } from '../../core/config/data-dir'
import { buildWindowOptions, hardenSession, hardenWebContents } from './security'
import { EVENT_CHANNEL, MainSession, registerIpc } from './ipc'
import { registerPrintSlip } from './print-slip'
import { loadOrCreateSealedKey } from './os/sealed-key'
import { toErrorValue } from '../../contract/errors'
import { startRuntime, type Runtime } from '../../core/runtime'
import { openServicesLog } from '../../core/logging/app-log'
import type { Log } from '../../core/logging/log'
import { openSyncConfig } from '../../core/sync/config/open-config'
import { startUpdates } from './updater'
import { decideLaunch } from './launch-policy'

// Developer switches count only in development; a packaged app refuses debugger switches outright.
const launch = decideLaunch({ packaged: app.isPackaged, env: process.env, argv: process.argv })
const devServerUrl = launch.rendererUrl ?? undefined
app.setName(APP_DIR_NAME)
app.enableSandbox()

/**
 * `"Tiep don CCCD.exe" --cli queue status`: the reception CLI on desks with no Node (RunAsNode stays off).
 * No window, no single-instance lock (the app may be open), the app's own sealed database key.
 */
function runCliAndExit(argv: string[]): void {
  void app.whenReady().then(async () => {
    const { runPackagedCli } = await import('../../cli/packaged')
    const code = await runPackagedCli(argv, ({ dataDir }) => {
      const dir = dataDir ?? app.getPath('userData')
      return createServices({
        dataDir: dir,
        key: loadOrCreateSealedKey(dir, safeStorage),
        mode: 'cli',
        version: app.getVersion()
      })
    })
    app.exit(code)
  })
}

if (launch.refused) {
  process.stderr.write(`refusing to start: ${launch.refused} is not allowed in the packaged app\n`)
  app.exit(1)
} else if (process.argv.includes('--cli')) {
  runCliAndExit(process.argv)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let window: BrowserWindow | null = null
  let services: Services | null = null
  let runtime: Runtime | null = null
  let log: Log | null = null
  let stopUpdates: (() => void) | null = null

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })

  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, devServerUrl))

  app.whenReady().then(() => {
    try {
      const dataDir = app.getPath('userData')
      services = createServices({
        dataDir,
        key: loadOrCreateSealedKey(dataDir, safeStorage),
        mode: 'electron',
        version: app.getVersion()
      })
    } catch (e) {
      dialog.showErrorBox('Tiếp đón bệnh nhân', toErrorValue(e).message)
      app.exit(1)
      return
    }
    hardenSession(session.defaultSession, devServerUrl)
    window = new BrowserWindow(buildWindowOptions(join(__dirname, '../preload/index.js'), launch.devTools))
    window.once('ready-to-show', () => window?.show())
    log = openServicesLog(services, 'app')
    // performance.now() counts from process start: the launch-to-first-screen time IT can compare.
    window.webContents.once('did-finish-load', () =>
      log?.info('first screen', { msSinceLaunch: Math.round(performance.now()) })
    )
    let mainSession: MainSession | null = null
    runtime = startRuntime(
      services,
      (name, payload) => {
        if (mainSession?.mayReceive()) window?.webContents.send(EVENT_CHANNEL, name, payload)
      },
      { log }
    )
    mainSession = new MainSession(runtime.gate)
    registerIpc(ipcMain, runtime.gate, mainSession, devServerUrl)
    registerPrintSlip(ipcMain, runtime.gate, mainSession, devServerUrl)
    if (app.isPackaged) {
      const appLog = log
      let updateUrl: string | null = null
      try {
        updateUrl = (openSyncConfig(services).get('update.url').value as string | null) ?? null
      } catch {
        appLog.warn('update.url unreadable')
      }
      void startUpdates(updateUrl, appLog).then((stop) => (stopUpdates = stop))
    }
    if (devServerUrl) void window.loadURL(devServerUrl)
    else void window.loadFile(join(__dirname, '../renderer/index.html'))
  })

  app.on('window-all-closed', () => {
    void (runtime?.stop() ?? Promise.resolve()).finally(async () => {
      stopUpdates?.()
      log?.info('stop')
      await log?.flush()
      services?.close()
      app.quit()
    })
  })
}
