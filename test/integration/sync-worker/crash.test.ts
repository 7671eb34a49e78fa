import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { SyncConfigStore } from '../../../core/sync/config/config-store'
import { createKeyFileSealer } from '../../../core/sync/config/secret-sealer'
import {
  admin,
  encountersPerVisit,
  registerVisits,
  root,
  servicesIn,
  startServerChild,
  tsxEnv,
  tsxNode,
  type ServerChild,
  type Stored
} from './support'

/**
 * The promise of the queue, tested the hard way: the CLI flush runs as its own process and is SIGKILLed at
 * random points mid-flush, then restarted until it finishes; the test servers (also separate processes) must
 * end up holding every visit exactly once, and the outbox must show everything sent.
 */
const servers: ServerChild[] = []
const dirs: string[] = []
afterAll(() => {
  for (const s of servers) s.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sync-crash-'))
  dirs.push(d)
  return d
}

function configure(dir: string, his: string, emch: string, extra: Record<string, string> = {}): void {
  const store = new SyncConfigStore({
    dataDir: dir,
    sealer: createKeyFileSealer(loadOrCreateKeyFile(dir)),
    env: { RECEPTION_MACHINE_CONFIG: join(dir, 'no-machine-config.json') }
  })
  store.set('his.url', `${his}/fhir`)
  store.set('emch.url', `${emch}/fhir`)
  for (const [k, v] of Object.entries(extra)) store.set(k, v)
}

interface FlushRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** `reception queue flush --json` as a child; `killWhen` is polled and SIGKILLs the child when it says so. */
function flushChild(dir: string, args: string[], killWhen?: () => Promise<boolean>): Promise<FlushRun> {
  const [node, nodeArgs] = tsxNode(join(root, 'cli/main.ts'), [
    '--data-dir',
    dir,
    '--json',
    'queue',
    'flush',
    ...args
  ])
  const child = spawn(node, nodeArgs, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...tsxEnv, RECEPTION_MACHINE_CONFIG: join(dir, 'no-machine-config.json') }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
  let polling = true
  if (killWhen) {
    void (async () => {
      while (polling) {
        if (await killWhen().catch(() => false)) {
          child.kill('SIGKILL')
          return
        }
        await new Promise((r) => setTimeout(r, 15))
      }
    })()
  }
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      polling = false
      // Let the pipes drain.
      setTimeout(() => resolve({ code, signal, stdout, stderr }), 50)
    })
  })
}

async function requestCount(url: string): Promise<number> {
  return (await admin<unknown[]>(url, 'requests')).length
}

function outboxStatuses(dir: string): Record<string, number> {
  const services = servicesIn(dir)
  try {
    const rows = services.db
      .prepare<[], { status: string; n: number }>('SELECT status, count(*) AS n FROM outbox GROUP BY status')
      .all()
    return Object.fromEntries(rows.map((r) => [r.status, r.n]))
  } finally {
    services.close()
  }
}

function expectEachVisitOnce(stored: Stored, visits: string[]): void {
  const perVisit = encountersPerVisit(stored)
  expect(perVisit.size).toBe(visits.length)
  for (const v of visits) expect(perVisit.get(v)).toBe(1)
  expect([...perVisit.values()].every((n) => n === 1)).toBe(true)
  expect(stored.fhir.filter((r) => r.resourceType === 'Patient')).toHaveLength(visits.length)
}

describe('queue flush survives being killed', () => {
  it('2,000 visits, SIGKILLed mid-flush several times: each record arrives once, all sent', async () => {
    const dir = dataDir()
    const services = servicesIn(dir)
    const visits = registerVisits(services, 2000)
    services.close()
    const [his, emch] = await Promise.all([startServerChild(), startServerChild()])
    servers.push(his, emch)
    configure(dir, his.url, emch.url, { 'sync.batchSize': '10' })

    let killed = 0
    let sendingAfterKill = 0
    for (let round = 0; round < 4; round++) {
      const before = await requestCount(his.url)
      // Kill after a random number of exchanges, so the process dies between claim, send and record.
      const after = 5 + Math.floor(Math.random() * 40)
      const run = await flushChild(dir, [], async () => (await requestCount(his.url)) - before >= after)
      expect(run.stderr).not.toContain('Nguyễn')
      if (run.signal === 'SIGKILL') {
        killed += 1
        sendingAfterKill += outboxStatuses(dir)['sending'] ?? 0
      }
    }
    expect(killed).toBeGreaterThanOrEqual(3)
    // The kills really landed mid-exchange: rows were left 'sending' for the next run to recover.
    expect(sendingAfterKill).toBeGreaterThan(0)

    const final = await flushChild(dir, [])
    expect(final.code).toBe(0)
    const result = JSON.parse(final.stdout) as Record<string, unknown>
    expect(result).toMatchObject({ failed: 0, dead: 0, remaining: 0 })
    expect(final.stdout + final.stderr).not.toContain('Nguyễn')
    expect(outboxStatuses(dir)).toEqual({ sent: 4000 })

    expectEachVisitOnce(await admin<Stored>(his.url, 'stored'), visits)
    expectEachVisitOnce(await admin<Stored>(emch.url, 'stored'), visits)
  }, 110_000)

  it('a server failing 30% of requests at random: everything arrives, nothing twice', async () => {
    const dir = dataDir()
    const services = servicesIn(dir)
    const visits = registerVisits(services, 300)
    services.close()
    const [his, emch] = await Promise.all([
      startServerChild(['--failure-rate', '0.3', '--seed', '7']),
      startServerChild(['--failure-rate', '0.3', '--seed', '11'])
    ])
    servers.push(his, emch)
    configure(dir, his.url, emch.url, { 'sync.retry.baseMs': '50', 'sync.retry.capMs': '400' })

    const run = await flushChild(dir, ['--max-wait', '60'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ failed: 0, dead: 0, remaining: 0 })
    expect(outboxStatuses(dir)).toEqual({ sent: 600 })

    const log = await admin<{ result: number | string }[]>(his.url, 'requests')
    // The faults really happened (500s, 503s, resets, replies lost after storing)…
    expect(log.filter((r) => r.result !== 200).length).toBeGreaterThan(3)
    expect(log.some((r) => r.result === 'reset-after-store')).toBe(true)
    // …and still each visit is on each server exactly once.
    expectEachVisitOnce(await admin<Stored>(his.url, 'stored'), visits)
    expectEachVisitOnce(await admin<Stored>(emch.url, 'stored'), visits)
  }, 90_000)
})
