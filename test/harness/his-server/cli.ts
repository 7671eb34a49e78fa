/**
 * Runs the HIS/eMCH test server as its own process, for tests that SIGKILL the client:
 *
 *   npx tsx test/harness/his-server/cli.ts --port 0 [--https] [--failure-rate 0.3] [--seed 7] [--auth "Bearer x"]
 *
 * Prints one JSON line on stdout, {"url": "...", "caFile": null | "...", "pid": n}, then serves until
 * SIGTERM/SIGINT. Steer it over HTTP: GET /_admin/stored, GET /_admin/requests, POST /_admin/faults
 * {"fault": {...}, "times": n, "path": "/fhir" | "/xml"}, POST /_admin/failure-rate {"rate": 0.3},
 * POST /_admin/reset.
 */
import { parseArgs } from 'node:util'
import { startHisServer } from './server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    https: { type: 'boolean', default: false },
    'failure-rate': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    auth: { type: 'string' }
  }
})

async function main(): Promise<void> {
  const server = await startHisServer({
    port: Number(values.port),
    https: values.https,
    failureRate: Number(values['failure-rate']),
    seed: Number(values.seed),
    ...(values.auth ? { authorization: values.auth } : {})
  })
  process.stdout.write(`${JSON.stringify({ url: server.url, caFile: server.caFile, pid: process.pid })}\n`)
  const stop = (): void => {
    void server.close().then(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
