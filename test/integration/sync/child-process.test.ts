import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHisFhirConnector } from '../../../core/sync/connectors'
import { createHttpClient } from '../../../core/sync/http-client'
import { makeSubmission } from '../../unit/sync/submission-fixtures'

const root = resolve(__dirname, '../../..')
const tsx = join(root, 'node_modules/.bin/tsx')

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((res, rej) => {
    const rl = createInterface({ input: child.stdout! })
    rl.once('line', (line) => res(line))
    child.once('exit', (code) => rej(new Error(`exited with ${code} before printing`)))
  })
}

function waitForLine(child: ChildProcess, wanted: string): Promise<void> {
  return new Promise((res) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === wanted) res()
    })
  })
}

let server: ChildProcess
let url: string
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'his-child-'))
  server = spawn(tsx, [join(root, 'test/harness/his-server/cli.ts'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const info = JSON.parse(await firstLine(server)) as { url: string; caFile: string | null; pid: number }
  url = info.url
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
}, 60_000)

afterAll(async () => {
  server.kill('SIGTERM')
  await rm(work, { recursive: true, force: true })
})

/** One admin call on a fresh connection (agent: false), so no idle keep-alive socket can be reset under us. */
function admin(path: string, body?: object): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const req = http.request(
      `${url}/_admin/${path}`,
      { method: body ? 'POST' : 'GET', agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolvePromise(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(body ? JSON.stringify(body) : undefined)
  })
}

describe('the test server as a child process', () => {
  it('survives a client killed mid-send; the resend is stored once', async () => {
    const sub = makeSubmission()
    const file = join(work, 'sub.json')
    await writeFile(file, JSON.stringify(sub))
    // The server stores the record, then trickles its reply: the client is killed while reading it.
    await admin('faults', { fault: { kind: 'slow-body', chunkDelayMs: 1000 }, times: 1, path: '/fhir' })
    const client = spawn(
      tsx,
      [join(root, 'test/integration/sync/support/send-once.ts'), `${url}/fhir`, file],
      {
        stdio: ['ignore', 'pipe', 'inherit']
      }
    )
    await waitForLine(client, 'sending')
    for (let i = 0; i < 200; i++) {
      const requests = (await admin('requests')) as unknown[]
      if (requests.length > 0) break
      await new Promise((r) => setTimeout(r, 50))
    }
    client.kill('SIGKILL')
    await new Promise((r) => client.once('exit', r))

    const stored = (await admin('stored')) as { fhir: { resourceType: string }[] }
    expect(stored.fhir.filter((r) => r.resourceType === 'Encounter')).toHaveLength(1)

    const connector = createHisFhirConnector(createHttpClient({ baseUrl: `${url}/fhir`, timeoutMs: 30_000 }))
    try {
      expect((await connector.send(sub)).kind).toBe('sent')
    } finally {
      connector.close()
    }
    const after = (await admin('stored')) as { fhir: { resourceType: string }[] }
    expect(after.fhir.filter((r) => r.resourceType === 'Encounter')).toHaveLength(1)
    expect(after.fhir.filter((r) => r.resourceType === 'Patient')).toHaveLength(1)
  }, 60_000)
})
