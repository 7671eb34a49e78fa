import { spawn } from 'node:child_process'
import type { Log } from '../../core/logging/log'

const CHECK_EVERY_MS = 6 * 60 * 60 * 1000

/**
 * Updates from a facility HTTP folder (`reception config set update.url http://…/reception-desk/`, or the
 * machine-wide config), off while no URL is set. electron-updater reads latest.yml there (written next to the
 * MSI by scripts/write-update-info.mjs), downloads the MSI and checks its sha512; the app then starts msiexec
 * when it quits. The MSI is per machine, so Windows asks for an administrator (UAC) — or IT pushes the same
 * MSI with the silent line in the README. Only runs in the packaged app.
 */
export async function startUpdates(url: string | null, log: Log): Promise<() => void> {
  if (!url || process.platform !== 'win32') return () => undefined
  const { autoUpdater } = await import('electron-updater')
  autoUpdater.setFeedURL({ provider: 'generic', url })
  autoUpdater.autoDownload = true
  autoUpdater.autoInstallOnAppQuit = false // an MSI is not an NSIS installer: msiexec installs it, below
  autoUpdater.logger = null
  let downloaded: string | null = null
  autoUpdater.on('update-available', (info: { version: string }) =>
    log.info('update available', { version: info.version })
  )
  autoUpdater.on('update-downloaded', (info: { version: string; downloadedFile: string }) => {
    downloaded = info.downloadedFile
    log.info('update downloaded', { version: info.version })
  })
  autoUpdater.on('error', (e: Error) => log.warn('update check failed', { error: e.message }))
  const check = (): void => void autoUpdater.checkForUpdates().catch(() => undefined)
  check()
  const timer = setInterval(check, CHECK_EVERY_MS)
  timer.unref()
  return () => {
    clearInterval(timer)
    if (!downloaded) return
    log.info('update install started')
    spawn('msiexec.exe', ['/i', downloaded, '/passive', '/norestart'], {
      detached: true,
      stdio: 'ignore'
    }).unref()
  }
}
