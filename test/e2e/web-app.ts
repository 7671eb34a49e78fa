import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { startWebServer, type WebServer } from '../../web/server'
import type { Services } from '../../core'
import { startRuntime, type Runtime, type RuntimeOptions } from '../../core/runtime'
import { testServices } from '../support/fixtures'

export const RENDERER_DIR = resolve(__dirname, '../../out/renderer')
export const rendererBuilt = existsSync(resolve(RENDERER_DIR, 'index.html'))

/**
 * The real services on a fresh encrypted database behind the real loopback transport, with the same runtime
 * `node out/main/web.js` starts (devices and sync off unless asked for).
 */
export async function startWebApp(options: RuntimeOptions = {}): Promise<{
  server: WebServer
  services: Services
  runtime: Runtime
  dir: string
  stop: () => Promise<void>
}> {
  const t = testServices()
  let server: WebServer | null = null
  const runtime = startRuntime(t.services, (name, payload) => server?.publish(name, payload), {
    devices: options.devices ?? false,
    sync: options.sync ?? false
  })
  server = await startWebServer({ handlers: runtime.handlers, rendererDir: RENDERER_DIR })
  const started = server
  return {
    server: started,
    services: t.services,
    runtime,
    dir: t.dir,
    stop: async () => {
      await runtime.stop()
      await started.close()
      t.cleanup()
    }
  }
}
