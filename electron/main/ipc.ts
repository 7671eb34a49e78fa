import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { AppError, type Result } from '../../contract/errors'
import type { Gate } from '../../core/auth/gate'
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

/**
 * The signed-in session of the app's one window. It lives here in the main process, never in the page: the
 * renderer only ever holds the screen.
 */
export class MainSession {
  id: string | null = null
  constructor(private readonly gate: Pick<Gate, 'mayReceive'>) {}
  /** Events carry card reads: they go to the window only while someone is signed in and unlocked. */
  mayReceive(): boolean {
    return this.gate.mayReceive(this.id)
  }
}

/** One channel for every contract call: sender checked, then the gate (session, role, zod) and the handler. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  gate: Pick<Gate, 'call'>,
  session: MainSession,
  devServerUrl: string | undefined
): void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, devServerUrl)) return refused
    if (typeof name !== 'string') return refused
    const outcome = await gate.call(session.id, name, input)
    session.id = outcome.sessionId
    return outcome.result
  })
}
