import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { AppError, type Result } from '../../contract/errors'
import { dispatch, type Handlers } from '../../core/handlers'
import { isAppUrl } from './security'

import { CALL_CHANNEL } from '../../contract/channels'

export { CALL_CHANNEL, EVENT_CHANNEL } from '../../contract/channels'

/** Only the app's own top-level frame may call (no sub-frames, no foreign pages). */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  devServerUrl: string | undefined
): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isAppUrl(frame.url, devServerUrl)
}

const refused: Result<never> = {
  ok: false,
  error: AppError.of('FORBIDDEN').withDetail('IPC sender is not the app window').toValue()
}

/** One channel for every contract call: sender checked, name and input validated by dispatch (zod). */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  devServerUrl: string | undefined
): void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, devServerUrl)) return refused
    if (typeof name !== 'string') return refused
    return dispatch(handlers, name, input)
  })
}
