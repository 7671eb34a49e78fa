import { app, BrowserWindow, ipcMain, dialog, safeStorage, session } from 'electron'
import { join } from 'node:path'
import { createServices, type Services } from '../../core'
import { APP_DIR_NAME } from '../../core/config/data-dir'
import { buildWindowOptions, hardenSession, hardenWebContents } from './security'
import { EVENT_CHANNEL, registerIpc } from './ipc'
import { loadOrCreateSealedKey } from './os/sealed-key'
import { toErrorValue } from '../../contract/errors'
import { startRuntime, type Runtime } from '../../core/runtime'
import { decideLaunch } from './launch-policy'

// Developer switches count only in development; a packaged app refuses debugger switches outright.
const launch = decideLaunch({ packaged: app.isPackaged, env: process.env, argv: process.argv })
const devServerUrl = launch.rendererUrl ?? undefined
app.setName(APP_DIR_NAME)
app.enableSandbox()

if (launch.refused) {
  process.stderr.write(`refusing to start: ${launch.refused} is not allowed in the packaged app\n`)
  app.exit(1)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let window: BrowserWindow | null = null
  let services: Services | null = null
  let runtime: Runtime | null = null

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
    runtime = startRuntime(services, (name, payload) =>
      window?.webContents.send(EVENT_CHANNEL, name, payload)
    )
    registerIpc(ipcMain, runtime.handlers, devServerUrl)
    if (devServerUrl) void window.loadURL(devServerUrl)
    else void window.loadFile(join(__dirname, '../renderer/index.html'))
  })

  app.on('window-all-closed', () => {
    void (runtime?.stop() ?? Promise.resolve()).finally(() => {
      services?.close()
      app.quit()
    })
  })
}
