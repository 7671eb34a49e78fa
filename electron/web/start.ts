import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createHandlers } from '../services/handlers'
import { openNodeServices } from '../services/node-runtime'
import { startWebServer } from './server'
import { startDevices } from '../services/devices'

/** out/renderer next to the bundle (out/main/web.js), or in the repo when run from source. */
function findRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const dir of [
    join(here, '../renderer'),
    resolve(here, '../../out/renderer'),
    resolve('out/renderer')
  ]) {
    if (existsSync(join(dir, 'index.html'))) return dir
  }
  throw new Error('Built renderer not found: run `npm run build` first')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      reader: { type: 'string' },
      'no-pcsc': { type: 'boolean' },
      'scanner-port': { type: 'string' },
      'scanner-baud': { type: 'string' },
      'no-scanner': { type: 'boolean' }
    },
    allowPositionals: false
  })
  const services = openNodeServices({ dataDir: values['data-dir'], mode: 'web' })
  const handlers = createHandlers(services)
  const server = await startWebServer({
    handlers,
    rendererDir: findRendererDir(),
    port: values.port ? Number(values.port) : 0
  })
  const publishStatus = async (): Promise<void> => {
    const r = await handlers['app:status']({})
    server.publish('status:changed', r)
  }
  services.devices.onChange(() => void publishStatus())
  const devices = startDevices(services, (name, payload) => server.publish(name, payload), {
    pcsc: !values['no-pcsc'],
    preferredReader: values.reader ?? null,
    scanner: values['no-scanner']
      ? false
      : {
          serial: {
            enabled: true,
            path: values['scanner-port'] ?? 'auto',
            baudRate: values['scanner-baud'] ? Number(values['scanner-baud']) : 9600,
            terminator: 'auto'
          }
        }
  })
  const timer = setInterval(() => void publishStatus(), 5000)

  console.log(`Reception desk (browser mode) is running. Open: ${server.launchUrl}`)
  console.log(`Data directory: ${services.options.dataDir}`)

  const stop = async (): Promise<void> => {
    clearInterval(timer)
    await devices.stop()
    await server.close()
    services.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
