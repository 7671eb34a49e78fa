import { BrowserWindow, type IpcMain } from 'electron'
import { AppError, type Result } from '../../contract/errors'
import { PRINT_SLIP_CHANNEL } from '../../contract/channels'
import { slipFormatSchema } from '../../contract/desk'
import type { Gate } from '../../core/auth/gate'
import { isTrustedSender, type MainSession } from './ipc'

/**
 * "In phiếu" in the app: the slip page comes through the same gate as every call (session, role, audit), is loaded
 * into a hidden window with scripts off, and goes to the system print dialog; its @page rule sizes the paper.
 * Not run in CI (no Electron binary on the build machines): kept small and type-checked.
 */
export function registerPrintSlip(
  ipcMain: Pick<IpcMain, 'handle'>,
  gate: Pick<Gate, 'call'>,
  session: MainSession,
  devServerUrl: string | undefined
): void {
  ipcMain.handle(
    PRINT_SLIP_CHANNEL,
    async (event, visitId: unknown, format: unknown): Promise<Result<{ printed: boolean }>> => {
      const fmt = slipFormatSchema.safeParse(format)
      if (!isTrustedSender(event, devServerUrl) || typeof visitId !== 'string' || !fmt.success)
        return { ok: false, error: AppError.of('FORBIDDEN').withDetail('print-slip refused').toValue() }
      const outcome = await gate.call(session.id, 'desk:slip', { visitId, format: fmt.data })
      session.id = outcome.sessionId
      if (!outcome.result.ok) return outcome.result
      const { html } = outcome.result.value as { html: string }
      const win = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, javascript: false }
      })
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
        const printed = await new Promise<boolean>((resolve) =>
          win.webContents.print({ silent: false, printBackground: true }, (ok) => resolve(ok))
        )
        return { ok: true, value: { printed } }
      } finally {
        win.destroy()
      }
    }
  )
}
