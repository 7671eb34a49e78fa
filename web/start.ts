import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openNodeServices } from '../core/node-runtime'
import { startWebServer, type WebServer } from './server'
import { startRuntime } from '../core/runtime'
import { systemContext } from '../core/auth/actor'
import { openServicesLog } from '../core/logging/app-log'
import { lastWebPort, listenOnPreferredPort, rememberWebPort } from '../core/web/last-port'

/** out/renderer next to the bundle (out/main/web.js), or in the repo when run from source. */
function findRendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const dir of [
    join(here, '../electron/renderer'),
    resolve(here, '../out/renderer'),
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
  let server: WebServer | null = null
  const log = openServicesLog(services, 'app')
  const runtime = startRuntime(services, (name, payload) => server?.publish(name, payload), {
    log,
    devices: {
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
    }
  })
  // --port wins; else the port of the last launch, so a bookmarked address (without its token) still answers.
  const preferred = values.port ? Number(values.port) : lastWebPort(services.db)
  const { started, choice } = await listenOnPreferredPort(
    preferred,
    (port) => startWebServer({ gate: runtime.gate, rendererDir: findRendererDir(), port }),
    (s) => Number(new URL(s.launchUrl).port)
  )
  server = started
  rememberWebPort(services.db, choice.port, services.clock())
  if (choice.taken !== null)
    console.log(
      `Port ${choice.taken} is in use; listening on ${choice.port} instead (remembered for next time).`
    )
  // Queue counts change when another process (the CLI) sends: refresh the status bar now and then.
  const timer = setInterval(() => {
    void Promise.resolve(runtime.handlers['app:status']({}, systemContext)).then((st) =>
      server?.publish('status:changed', st)
    )
  }, 5000)

  log.info('listening', {
    port: Number(new URL(server.launchUrl).port),
    msSinceLaunch: Math.round(performance.now())
  })
  console.log(`Reception desk (browser mode) is running. Open: ${server.launchUrl}`)
  console.log(`Data directory: ${services.options.dataDir}`)

  const stop = async (): Promise<void> => {
    clearInterval(timer)
    await runtime.stop()
    await server?.close()
    log.info('stop')
    await log.flush()
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
