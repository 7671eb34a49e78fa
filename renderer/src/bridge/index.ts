import type { ReceptionBridge } from '../../../contract/bridge'
import { createHttpBridge } from './http-bridge'
export { launchCheck, type LaunchProblem } from './http-bridge'

declare global {
  interface Window {
    reception?: ReceptionBridge
  }
}

/** In Electron the preload has put window.reception in place; in browser mode we build the HTTP one. */
export const bridge: ReceptionBridge = window.reception ?? createHttpBridge()
