import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createHandlers } from '../../electron/services/handlers'
import { startWebServer, type WebServer } from '../../electron/web/server'
import type { Services } from '../../electron/services'
import { startDevices, type DeviceOptions, type Devices } from '../../electron/services/devices'
import { testServices } from '../support/fixtures'

export const RENDERER_DIR = resolve(__dirname, '../../out/renderer')
export const rendererBuilt = existsSync(resolve(RENDERER_DIR, 'index.html'))

/**
 * The real services on a fresh encrypted database, behind the real loopback transport; with `devices`, the real
 * card reader and scanner services too (as `node out/main/web.js` runs them).
 */
export async function startWebApp(devices?: DeviceOptions): Promise<{
  server: WebServer
  services: Services
  devices: Devices | null
  stop: () => Promise<void>
}> {
  const t = testServices()
  const handlers = createHandlers(t.services)
  const server = await startWebServer({ handlers, rendererDir: RENDERER_DIR })
  t.services.devices.onChange(() => {
    void Promise.resolve(handlers['app:status']({})).then((s) => server.publish('status:changed', s))
  })
  const started = devices
    ? startDevices(t.services, (name, payload) => server.publish(name, payload), devices)
    : null
  return {
    server,
    services: t.services,
    devices: started,
    stop: async () => {
      await started?.stop()
      await server.close()
      t.cleanup()
    }
  }
}
