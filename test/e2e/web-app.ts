import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createHandlers } from '../../electron/services/handlers'
import { startWebServer, type WebServer } from '../../electron/web/server'
import type { Services } from '../../electron/services'
import { testServices } from '../support/fixtures'

export const RENDERER_DIR = resolve(__dirname, '../../out/renderer')
export const rendererBuilt = existsSync(resolve(RENDERER_DIR, 'index.html'))

/** The real services on a fresh encrypted database, behind the real loopback transport. */
export async function startWebApp(): Promise<{
  server: WebServer
  services: Services
  stop: () => Promise<void>
}> {
  const t = testServices()
  const server = await startWebServer({ handlers: createHandlers(t.services), rendererDir: RENDERER_DIR })
  return {
    server,
    services: t.services,
    stop: async () => {
      await server.close()
      t.cleanup()
    }
  }
}
