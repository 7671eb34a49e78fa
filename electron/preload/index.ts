import { contextBridge, ipcRenderer } from 'electron'
import type { ReceptionBridge } from '../../contract/bridge'
import type { EventName } from '../../contract/api'
import { CALL_CHANNEL, EVENT_CHANNEL, PRINT_SLIP_CHANNEL, eventNames } from '../../contract/channels'

/** The one object the page gets: typed calls and event subscriptions, no raw ipcRenderer. */
const reception: ReceptionBridge = {
  call: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, name, input),
  printSlip: (visitId, format) => ipcRenderer.invoke(PRINT_SLIP_CHANNEL, visitId, format),
  on(name, listener) {
    if (!(eventNames as readonly string[]).includes(name)) return () => undefined
    const handler = (_e: unknown, eventName: EventName, payload: unknown): void => {
      if (eventName === name) listener(payload as never)
    }
    ipcRenderer.on(EVENT_CHANNEL, handler)
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler)
  }
}

contextBridge.exposeInMainWorld('reception', reception)
