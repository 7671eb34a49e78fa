/**
 * Flush throughput: 10,000 queued visits (one HIS and one eMCH row each) sent by the outbox worker to the
 * loopback test servers running as separate processes. Prints JSON:
 *   {records, visits, seconds, recordsPerSecond, p95RequestMs, requests, peakRssMb}
 * Run: npx tsx bench/flush.ts [--visits N]
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { setSynchronous } from '../db/connection'

void main()

async function main(): Promise<void> {
  const { parseArgs } = await import('node:util')
  const { mkdtempSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { createHttpClient } = await import('../core/sync/http-client')
  const { createHisFhirConnector, createEmchConnector } = await import('../core/sync/connectors')
  const { createOutboxWorker } = await import('../core/sync/worker/outbox-worker')
  const support = await import('../test/integration/sync-worker/support')

  const { values } = parseArgs({
    options: { visits: { type: 'string', default: '10000' }, seed: { type: 'string' } }
  })
  const visits = Number(values.visits)
  if (values.seed) {
    // Child mode: fill the queue in its own process, so the flush's memory is measured alone.
    const seeded = support.servicesIn(values.seed)
    support.registerVisits(seeded, 1, visits)
    seeded.db.transaction(() => support.registerVisits(seeded, visits))()
    seeded.close()
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-flush-'))
  const seeding = spawnSync(
    process.execPath,
    [...process.execArgv, __filename, '--visits', String(visits), '--seed', dir],
    {
      stdio: 'inherit',
      env: process.env
    }
  )
  if (seeding.status !== 0) throw new Error('seeding failed')
  const services = support.servicesIn(dir)
  // BENCH_SYNCHRONOUS=NORMAL measures what the default synchronous=FULL costs (bench/synchronous-cost.ts).
  const synchronous = process.env.BENCH_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL'
  setSynchronous(services.db, synchronous)
  const [his, emch] = await Promise.all([support.startServerChild(), support.startServerChild()])

  const durations: number[] = []
  const timed = (url: string) => {
    const client = createHttpClient({ baseUrl: `${url}/fhir`, timeoutMs: 30_000 })
    return {
      async request(req: Parameters<typeof client.request>[0]) {
        const t0 = performance.now()
        try {
          return await client.request(req)
        } finally {
          durations.push(performance.now() - t0)
        }
      },
      close: () => client.close()
    }
  }
  const batch = Number(process.env.BENCH_BATCH ?? 20)
  const connectors = {
    his: createHisFhirConnector(timed(his.url), { maxBatch: batch }),
    emch: createEmchConnector(timed(emch.url), { maxBatch: batch })
  }
  // A warm-up visit first (its two rows, HIS and eMCH, are the oldest): each server compiles its FHIR schema
  // validator on its first transaction.
  await createOutboxWorker({ db: services.db, connectors }).flush({ maxRows: 2 })
  durations.length = 0
  const cpu0 = process.cpuUsage()

  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 20)
  const worker = createOutboxWorker({ db: services.db, connectors, concurrency: 4, batchSize: batch })
  const t0 = performance.now()
  const result = await worker.flush()
  const seconds = (performance.now() - t0) / 1000
  clearInterval(sampler)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)

  durations.sort((a, b) => a - b)
  const p95 = durations[Math.min(durations.length - 1, Math.floor(durations.length * 0.95))] ?? 0
  const records = result.sent
  process.stdout.write(
    JSON.stringify({
      synchronous,
      records,
      visits,
      notSent: result.failed + result.dead + result.retrying + result.remaining,
      seconds: Number(seconds.toFixed(2)),
      recordsPerSecond: Math.round(records / seconds),
      p95RequestMs: Number(p95.toFixed(1)),
      requests: durations.length,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      workerCpuSeconds: Number(
        ((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6).toFixed(1)
      )
    }) + '\n'
  )
  for (const c of Object.values(connectors)) c.close()
  his.stop()
  emch.stop()
  services.close()
  rmSync(dir, { recursive: true, force: true })
}
